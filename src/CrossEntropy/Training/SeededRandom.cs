namespace CrossEntropy.Training;

/// <summary>
/// A small, fully specified pseudo-random generator (SplitMix64) so that a seed always produces the
/// same data sets and the same mini-batch order, on every machine and every .NET version.
/// </summary>
/// <remarks>
/// <see cref="System.Random"/> documents no algorithm and has changed between releases, which would make
/// a recorded seed meaningless. SplitMix64 is a published 64-bit generator (Steele, Lea and Flood, 2014):
/// one addition and three xor-shift-multiply rounds per value, good statistical quality for this use.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _state;
    private double? _spareGaussian;

    /// <summary>Starts the sequence for <paramref name="seed"/>; equal seeds give equal sequences.</summary>
    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) built from the top 53 bits, so every value is exactly representable.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxExclusive"/> is not positive.</exception>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), $"maxExclusive is {maxExclusive}: expected a positive bound.");
        // Lemire's multiply-shift maps 64 random bits onto the range; rejecting the short tail removes bias.
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
                return (int)product;
        }
    }

    /// <summary>A normally distributed double (Box–Muller, the second value of each pair is kept for the next call).</summary>
    public double NextGaussian(double mean = 0, double standardDeviation = 1)
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return mean + standardDeviation * spare;
        }

        // 1 - u lies in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareGaussian = radius * Math.Sin(angle);
        return mean + standardDeviation * radius * Math.Cos(angle);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

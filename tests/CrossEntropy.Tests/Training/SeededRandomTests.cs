using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

public class SeededRandomTests
{
    [Fact]
    public void SplitMix64_produces_the_published_sequence_for_seed_0()
    {
        // First outputs of the reference implementation (Vigna, splitmix64.c) started from state 0.
        var random = new SeededRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Bounded_integers_stay_in_range_and_cover_it_evenly()
    {
        var random = new SeededRandom(123);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++) counts[random.NextInt(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void Gaussians_have_the_requested_mean_and_spread()
    {
        var random = new SeededRandom(5);
        var values = Enumerable.Range(0, 40_000).Select(_ => random.NextGaussian(3, 2)).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        Assert.InRange(mean, 2.95, 3.05);
        Assert.InRange(sd, 1.95, 2.05);
    }

    [Fact]
    public void Shuffle_is_a_permutation_and_depends_on_the_seed()
    {
        int[] Shuffled(ulong seed)
        {
            var values = Enumerable.Range(0, 50).ToArray();
            new SeededRandom(seed).Shuffle(values.AsSpan());
            return values;
        }

        Assert.Equal(Enumerable.Range(0, 50), Shuffled(1).Order());
        Assert.Equal(Shuffled(1), Shuffled(1));
        Assert.NotEqual(Shuffled(1), Shuffled(2));
    }
}

using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// Float32-accurate exp and log on any <see cref="ISimd{TV}"/> width. They replace the framework's vector
/// exp/log, which widen to double internally: accurate, but about twice the work the kernels can afford.
/// Only the ranges the kernels use are supported (see each method), which keeps the code short.
/// </summary>
internal static class SimdMath
{
    // Cephes-style constants: ln 2 split in two so n·ln2 is subtracted without rounding error.
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float RoundingShift = 12582912f; // 1.5·2^23: adding it rounds to an integer in the low mantissa bits
    private const float LnSmallestNormal = -87.33654f;

    /// <summary>
    /// e^x for x ≤ 0 (every caller subtracts a maximum or takes −|x|), within 2 ulp of the exact value.
    /// Results below the smallest normal float flush to 0; −∞ gives 0; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpNonPositive<TV, TS>(TV x) where TV : struct where TS : struct, ISimd<TV>
    {
        var shifted = TS.MultiplyAdd(x, TS.Splat(Log2E), TS.Splat(RoundingShift));
        var n = TS.Subtract(shifted, TS.Splat(RoundingShift));
        var r = TS.MultiplyAdd(n, TS.Splat(-Ln2Hi), x);
        r = TS.MultiplyAdd(n, TS.Splat(-Ln2Lo), r);

        // e^r on |r| ≤ ln2/2: 1 + r + r²·P(r), P of degree 5 (Cephes expf coefficients).
        var p = TS.Splat(1.9875691500E-4f);
        p = TS.MultiplyAdd(p, r, TS.Splat(1.3981999507E-3f));
        p = TS.MultiplyAdd(p, r, TS.Splat(8.3334519073E-3f));
        p = TS.MultiplyAdd(p, r, TS.Splat(4.1665795894E-2f));
        p = TS.MultiplyAdd(p, r, TS.Splat(1.6666665459E-1f));
        p = TS.MultiplyAdd(p, r, TS.Splat(5.0000001201E-1f));
        var r2 = TS.Multiply(r, r);
        p = TS.MultiplyAdd(p, r2, TS.Add(r, TS.Splat(1f)));

        // Multiplying (not adding to the exponent bits) keeps a NaN in p a NaN whatever its payload.
        var result = TS.Multiply(p, TS.Pow2FromShifted(shifted));
        return TS.Select(TS.LessThan(x, TS.Splat(LnSmallestNormal)), TS.Zero, result);
    }

    /// <summary>
    /// ln x for positive normal x (row sums of exponentials, 1 + e^−|x|), within 2 ulp.
    /// NaN and +∞ give NaN; 0, negatives and subnormals are not supported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV, TS>(TV x) where TV : struct where TS : struct, ISimd<TV>
    {
        var f = TS.Frexp(x, out var e);

        // Move f into [√½, √2) so the polynomial argument f − 1 stays small.
        var small = TS.LessThan(f, TS.Splat(0.707106781186547524f));
        e = TS.Subtract(e, TS.Select(small, TS.Splat(1f), TS.Zero));
        f = TS.Subtract(TS.Add(f, TS.Select(small, f, TS.Zero)), TS.Splat(1f));

        var z = TS.Multiply(f, f);
        var y = TS.Splat(7.0376836292E-2f);
        y = TS.MultiplyAdd(y, f, TS.Splat(-1.1514610310E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(1.1676998740E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(-1.2420140846E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(1.4249322787E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(-1.6668057665E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(2.0000714765E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(-2.4999993993E-1f));
        y = TS.MultiplyAdd(y, f, TS.Splat(3.3333331174E-1f));
        y = TS.Multiply(TS.Multiply(y, f), z);
        y = TS.MultiplyAdd(e, TS.Splat(Ln2Lo), y);
        y = TS.MultiplyAdd(z, TS.Splat(-0.5f), y);
        var result = TS.MultiplyAdd(e, TS.Splat(Ln2Hi), TS.Add(f, y));

        // x − x is 0 for finite x and NaN otherwise: the bit tricks above would turn a NaN into a number.
        return TS.Add(result, TS.Subtract(x, x));
    }

    /// <summary>
    /// ln(1 + u) for u in [0, 1], given <paramref name="onePlusU"/> = 1 + u as rounded and its reciprocal.
    /// The rounding error of 1 + u is added back, so tiny u keep full relative precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV, TS>(TV u, TV onePlusU, TV reciprocalOfOnePlusU) where TV : struct where TS : struct, ISimd<TV>
    {
        var lost = TS.Subtract(u, TS.Subtract(onePlusU, TS.Splat(1f)));
        return TS.MultiplyAdd(lost, reciprocalOfOnePlusU, Log<TV, TS>(onePlusU));
    }
}

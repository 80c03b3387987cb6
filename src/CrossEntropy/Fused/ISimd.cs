namespace CrossEntropy.Fused;

/// <summary>
/// The vector operations the fused kernels are written against. Each kernel is a generic method over a
/// struct implementing this interface (<see cref="Simd512"/>, <see cref="Simd256"/>, <see cref="Simd128"/>),
/// so it is written once and the JIT compiles one specialised copy per width with every call inlined.
/// </summary>
/// <typeparam name="TV">The vector type (<c>Vector512&lt;float&gt;</c> etc.).</typeparam>
internal unsafe interface ISimd<TV> where TV : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    static abstract TV Load(float* source);
    static abstract void Store(TV value, float* destination);
    static abstract TV Splat(float value);
    static abstract TV Zero { get; }

    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);

    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>Hardware max/min: a NaN operand need not propagate (callers propagate NaN through later arithmetic).</summary>
    static abstract TV Max(TV a, TV b);
    static abstract TV Min(TV a, TV b);
    static abstract TV Abs(TV a);

    static abstract TV LessThan(TV a, TV b);
    static abstract TV GreaterThanOrEqual(TV a, TV b);
    static abstract TV Select(TV mask, TV whenTrue, TV whenFalse);

    /// <summary>Whether any lane of a comparison result is set (a branch for rare cases, such as infinite inputs).</summary>
    static abstract bool AnyTrue(TV mask);

    static abstract float Sum(TV value);
    static abstract float MaxAcross(TV value);

    /// <summary>All-ones in lanes whose index is ≥ <paramref name="first"/>, zero below.</summary>
    static abstract TV LanesFrom(int first);

    /// <summary>
    /// p·2^n for integer-valued n in [−126, 127], where <paramref name="shifted"/> is n + 1.5·2^23 (the float whose low
    /// mantissa bits hold n, as left by the round-to-nearest trick). AVX-512 does it in one instruction (vscalefps);
    /// elsewhere 2^n is built from the bits of <paramref name="shifted"/> and multiplied. Both are exact for normal results.
    /// </summary>
    static abstract TV MultiplyByPow2(TV p, TV n, TV shifted);

    /// <summary>Splits positive normal x into x = 2^e · f with f in [0.5, 1); returns f and writes e (as float).</summary>
    static abstract TV Frexp(TV x, out TV exponent);

    /// <summary>1/d to within a few float ulps: hardware estimate plus one Newton step where available.</summary>
    static abstract TV Reciprocal(TV d);
}

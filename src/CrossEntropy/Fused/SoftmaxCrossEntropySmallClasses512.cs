using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// The AVX-512 version of <see cref="SoftmaxCrossEntropySmallClasses"/> (fewer than 16 classes, lanes hold rows).
/// A block of 16 rows is read with one masked load per row (C lanes, never past the row), turned class-major by
/// <see cref="Transpose16x16.Network"/>, and the gradient goes back the same way and leaves with one masked store
/// per row. The kernel is compiled once per class count (<see cref="IClassCount"/>), so each per-class step is
/// straight-line code on 16 vector locals that stay in registers: no stack tile, no loop over classes.
/// Target logits and weights are picked with compares and a permute, so no per-row scalar work remains.
/// Same formulas and edge cases as the portable path (ignored and padding rows give exact zeros).
/// </summary>
internal static unsafe class SoftmaxCrossEntropySmallClasses512
{
    /// <summary>Blocks whose lane losses are summed in float before flushing into the double total.</summary>
    private const int BlocksPerFlush = 16;

    /// <summary>Whether this machine can run the kernel.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>); returns the sum of their losses.</summary>
    public static double Run(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) => ClassCounts.Run<Kernel>(a, rowStart, rowEnd);

    private readonly struct Kernel : IClassCountKernel
    {
        public static double Run<TC>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TC : struct, IClassCount =>
            Rows<TC>(a, rowStart, rowEnd);
    }

    [SkipLocalsInit] // every stack buffer is written before it is read
    private static double Rows<TC>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TC : struct, IClassCount
    {
        var classes = TC.Value;
        var weight = a.Weight;
        var smoothing = a.Smoothing != 0f;
        var spread = a.Smoothing / classes;
        var ignoreIndex = Vector512.Create(a.IgnoreIndex);
        var classMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(classes)).AsSingle();
        var weights = weight == null ? Vector512<float>.One : Avx512F.MaskLoad(weight, classMask, Vector512<float>.Zero);

        // A last block of fewer than 16 rows is copied into these and padded with ignored rows, so the one block
        // body below never reads or writes past the caller's rows.
        float* tailLogits = stackalloc float[16 * 16], tailGradient = stackalloc float[16 * 16];
        float* tailUpstream = stackalloc float[16], tailLosses = stackalloc float[16];
        int* tailTargets = stackalloc int[16];
        var tail = new ShortBlock(tailLogits, tailGradient, tailTargets, tailUpstream, tailLosses);

        var lossSum = Vector512<float>.Zero;
        var pending = 0;
        double total = 0;
        for (var r0 = rowStart; r0 < rowEnd; r0 += 16)
        {
            var rows = Math.Min(16, rowEnd - r0);
            var x = a.Logits + (long)r0 * classes;
            var targets = a.Targets + r0;
            var upstream = a.Upstream == null ? null : a.Upstream + r0;
            var losses = a.Losses == null ? null : a.Losses + r0;
            var gradient = a.Gradient == null ? null : a.Gradient + (long)r0 * classes;
            if (rows < 16) tail.CopyIn(16, rows, classes, a.IgnoreIndex, ref x, ref targets, ref upstream);

            var z = Vector512<float>.Zero;
            Vector512<float> v0 = Row<TC>(x, 0, classMask), v1 = Row<TC>(x, 1, classMask), v2 = Row<TC>(x, 2, classMask);
            Vector512<float> v3 = Row<TC>(x, 3, classMask), v4 = Row<TC>(x, 4, classMask), v5 = Row<TC>(x, 5, classMask);
            Vector512<float> v6 = Row<TC>(x, 6, classMask), v7 = Row<TC>(x, 7, classMask), v8 = Row<TC>(x, 8, classMask);
            Vector512<float> v9 = Row<TC>(x, 9, classMask), v10 = Row<TC>(x, 10, classMask), v11 = Row<TC>(x, 11, classMask);
            Vector512<float> v12 = Row<TC>(x, 12, classMask), v13 = Row<TC>(x, 13, classMask), v14 = Row<TC>(x, 14, classMask);
            Vector512<float> v15 = Row<TC>(x, 15, classMask);
            Transpose16x16.Network(ref v0, ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9, ref v10, ref v11, ref v12, ref v13, ref v14, ref v15);
            // Now v_c holds class c of the 16 rows, for c < C; the rest are zeros and unused.

            var t = Vector512.Load(targets);
            var keep = (~Vector512.Equals(t, ignoreIndex)).AsSingle();

            var max = v0;
            Max<TC>(ref max, v1, 1); Max<TC>(ref max, v2, 2); Max<TC>(ref max, v3, 3); Max<TC>(ref max, v4, 4);
            Max<TC>(ref max, v5, 5); Max<TC>(ref max, v6, 6); Max<TC>(ref max, v7, 7); Max<TC>(ref max, v8, 8);
            Max<TC>(ref max, v9, 9); Max<TC>(ref max, v10, 10); Max<TC>(ref max, v11, 11); Max<TC>(ref max, v12, 12);
            Max<TC>(ref max, v13, 13); Max<TC>(ref max, v14, 14);

            Vector512<float> sum = z, weightedShift = z, targetShift = z;
            Exponentiate<TC>(ref v0, 0, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v1, 1, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v2, 2, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v3, 3, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v4, 4, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v5, 5, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v6, 6, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v7, 7, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v8, 8, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v9, 9, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v10, 10, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v11, 11, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v12, 12, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v13, 13, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref v14, 14, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);

            var logSum = SimdMath.Log<Vector512<float>, Simd512>(sum);
            // An ignored target may be any integer: the permute reads its low 4 bits only, and `keep` discards the lane.
            var targetWeight = Vector512.Create(1f - a.Smoothing) * (weight == null ? Vector512<float>.One : Avx512F.PermuteVar16x32(weights, t));
            var loss = targetWeight * (logSum - targetShift);
            if (smoothing) loss = Vector512.MultiplyAddEstimate(Vector512.Create(spread), Vector512.Create(a.WeightTotal) * logSum - weightedShift, loss);
            loss = Vector512.ConditionalSelect(keep, loss, Vector512<float>.Zero); // exact 0 for ignored and padding rows, even with non-finite logits

            if (losses != null) loss.Store(rows == 16 ? losses : tailLosses);
            lossSum += loss;
            if (++pending == BlocksPerFlush)
            {
                total += Vector512.Sum(lossSum);
                lossSum = Vector512<float>.Zero;
                pending = 0;
            }

            if (gradient != null)
            {
                var scale = Vector512.Create(a.GradientScale);
                if (upstream != null) scale *= Vector512.Load(upstream);
                scale = Vector512.ConditionalSelect(keep, scale, Vector512<float>.Zero);
                var alpha = scale * Vector512.MultiplyAddEstimate(Vector512.Create(spread), Vector512.Create(a.WeightTotal), targetWeight) * Simd512.Reciprocal(sum);
                var beta = -scale * Vector512.Create(spread);
                var oneHot = scale * targetWeight;
                Differentiate<TC>(ref v0, 0, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v1, 1, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v2, 2, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v3, 3, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v4, 4, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v5, 5, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v6, 6, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v7, 7, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v8, 8, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v9, 9, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v10, 10, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v11, 11, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v12, 12, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v13, 13, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref v14, 14, alpha, beta, oneHot, keep, t, weight, smoothing);
                Unused<TC>(ref v1, 1); Unused<TC>(ref v2, 2); Unused<TC>(ref v3, 3); Unused<TC>(ref v4, 4); Unused<TC>(ref v5, 5);
                Unused<TC>(ref v6, 6); Unused<TC>(ref v7, 7); Unused<TC>(ref v8, 8); Unused<TC>(ref v9, 9); Unused<TC>(ref v10, 10);
                Unused<TC>(ref v11, 11); Unused<TC>(ref v12, 12); Unused<TC>(ref v13, 13); Unused<TC>(ref v14, 14); v15 = z;
                Transpose16x16.Network(ref v0, ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9, ref v10, ref v11, ref v12, ref v13, ref v14, ref v15);

                var gx = rows == 16 ? gradient : tailGradient;
                Avx512F.MaskStore(gx, classMask, v0); Avx512F.MaskStore(gx + classes, classMask, v1);
                Avx512F.MaskStore(gx + 2 * classes, classMask, v2); Avx512F.MaskStore(gx + 3 * classes, classMask, v3);
                Avx512F.MaskStore(gx + 4 * classes, classMask, v4); Avx512F.MaskStore(gx + 5 * classes, classMask, v5);
                Avx512F.MaskStore(gx + 6 * classes, classMask, v6); Avx512F.MaskStore(gx + 7 * classes, classMask, v7);
                Avx512F.MaskStore(gx + 8 * classes, classMask, v8); Avx512F.MaskStore(gx + 9 * classes, classMask, v9);
                Avx512F.MaskStore(gx + 10 * classes, classMask, v10); Avx512F.MaskStore(gx + 11 * classes, classMask, v11);
                Avx512F.MaskStore(gx + 12 * classes, classMask, v12); Avx512F.MaskStore(gx + 13 * classes, classMask, v13);
                Avx512F.MaskStore(gx + 14 * classes, classMask, v14); Avx512F.MaskStore(gx + 15 * classes, classMask, v15);
            }

            if (rows < 16) tail.CopyOut(rows, classes, losses, gradient);
        }
        return total + Vector512.Sum(lossSum);
    }

    /// <summary>Row <paramref name="r"/> of the block (its C lanes; zeros elsewhere).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Row<TC>(float* x, int r, Vector512<float> classMask) where TC : struct, IClassCount =>
        Avx512F.MaskLoad(x + r * TC.Value, classMask, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Max<TC>(ref Vector512<float> max, Vector512<float> v, int c) where TC : struct, IClassCount
    {
        if (c < TC.Value) max = Vector512.MaxNative(max, v);
    }

    /// <summary>Class <paramref name="c"/>: v ← exp(v − max), adding to the sum and picking the target's shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exponentiate<TC>(
        ref Vector512<float> v, int c, Vector512<float> max, Vector512<int> targets, float* weight, bool smoothing,
        ref Vector512<float> sum, ref Vector512<float> weightedShift, ref Vector512<float> targetShift) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var d = v - max;
        var e = SimdMath.ExpNonPositive<Vector512<float>, Simd512>(d);
        sum += e;
        if (smoothing) weightedShift = Vector512.MultiplyAddEstimate(Vector512.Create(weight == null ? 1f : weight[c]), d, weightedShift);
        targetShift = Vector512.ConditionalSelect(Vector512.Equals(targets, Vector512.Create(c)).AsSingle(), d, targetShift);
        v = e;
    }

    /// <summary>Class <paramref name="c"/>: v ← its gradient (softmax·α, smoothing term, minus the one-hot part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Differentiate<TC>(
        ref Vector512<float> v, int c, Vector512<float> alpha, Vector512<float> beta, Vector512<float> oneHot, Vector512<float> keep,
        Vector512<int> targets, float* weight, bool smoothing) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var gc = smoothing
            ? Vector512.MultiplyAddEstimate(v, alpha, weight == null ? beta : beta * Vector512.Create(weight[c]))
            : v * alpha;
        gc -= Vector512.ConditionalSelect(Vector512.Equals(targets, Vector512.Create(c)).AsSingle(), oneHot, Vector512<float>.Zero);
        v = Vector512.ConditionalSelect(keep, gc, Vector512<float>.Zero); // NaN·0 would leak from non-finite ignored rows
    }

    /// <summary>
    /// Zeroes a vector past the last class before the gradient is transposed back, so the JIT sees it is not
    /// needed and drops the forward-transpose permutes that only fed it (those lanes are never stored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unused<TC>(ref Vector512<float> v, int c) where TC : struct, IClassCount
    {
        if (c >= TC.Value) v = Vector512<float>.Zero;
    }
}

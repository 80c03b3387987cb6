using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// The AVX2 version of <see cref="SoftmaxCrossEntropySmallClasses512"/> (fewer than 16 classes, lanes hold rows),
/// for machines without AVX-512. A block is 8 rows; each row is two 8-lane halves (classes 0–7 and 8–15), turned
/// class-major by two <see cref="Transpose8x8"/> networks and back. Compiled once per class count like the AVX-512
/// kernel, so the block stays in registers. Loads and stores are whole vectors where the 8-row block still holds all
/// 8 floats, masked only at its end: AVX2 masked stores are slow on several CPUs, and a whole-vector store that runs
/// into the next row is overwritten by that row's own store, which comes later. Nothing is read or written past the
/// block. Same formulas and edge cases as the portable path (ignored and padding rows give exact zeros).
/// </summary>
internal static unsafe class SoftmaxCrossEntropySmallClasses256
{
    /// <summary>Blocks whose lane losses are summed in float before flushing into the double total.</summary>
    private const int BlocksPerFlush = 16;

    /// <summary>Whether this machine can run the kernel.</summary>
    public static bool IsSupported => Avx2.IsSupported;

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
        var ignoreIndex = Vector256.Create(a.IgnoreIndex);
        var maskLo = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(classes)).AsSingle();
        var maskHi = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(classes - 8)).AsSingle();
        var weightsLo = weight == null ? Vector256<float>.One : Avx.MaskLoad(weight, maskLo);
        var weightsHi = weight == null || classes <= 8 ? Vector256<float>.One : Avx.MaskLoad(weight + 8, maskHi);

        // A last block of fewer than 8 rows is copied into these and padded with ignored rows, so the one block
        // body below never reads or writes past the caller's rows.
        float* tailLogits = stackalloc float[8 * 16], tailGradient = stackalloc float[8 * 16];
        float* tailUpstream = stackalloc float[8], tailLosses = stackalloc float[8];
        int* tailTargets = stackalloc int[8];
        var tail = new ShortBlock(tailLogits, tailGradient, tailTargets, tailUpstream, tailLosses);

        var lossSum = Vector256<float>.Zero;
        var pending = 0;
        double total = 0;
        for (var r0 = rowStart; r0 < rowEnd; r0 += 8)
        {
            var rows = Math.Min(8, rowEnd - r0);
            var x = a.Logits + (long)r0 * classes;
            var targets = a.Targets + r0;
            var upstream = a.Upstream == null ? null : a.Upstream + r0;
            var losses = a.Losses == null ? null : a.Losses + r0;
            var gradient = a.Gradient == null ? null : a.Gradient + (long)r0 * classes;
            if (rows < 8) tail.CopyIn(8, rows, classes, a.IgnoreIndex, ref x, ref targets, ref upstream);

            var z = Vector256<float>.Zero;
            // Written out rather than through a helper: this kernel is near the JIT's inlining budget, and `classes` is a
            // JIT-time constant, so each condition folds away.
            Vector256<float> a0 = 0 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 0 * classes) : Avx.MaskLoad(x + 0 * classes, maskLo);
            Vector256<float> a1 = 1 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 1 * classes) : Avx.MaskLoad(x + 1 * classes, maskLo);
            Vector256<float> a2 = 2 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 2 * classes) : Avx.MaskLoad(x + 2 * classes, maskLo);
            Vector256<float> a3 = 3 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 3 * classes) : Avx.MaskLoad(x + 3 * classes, maskLo);
            Vector256<float> a4 = 4 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 4 * classes) : Avx.MaskLoad(x + 4 * classes, maskLo);
            Vector256<float> a5 = 5 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 5 * classes) : Avx.MaskLoad(x + 5 * classes, maskLo);
            Vector256<float> a6 = 6 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 6 * classes) : Avx.MaskLoad(x + 6 * classes, maskLo);
            Vector256<float> a7 = 7 * classes + 8 <= 8 * classes ? Avx.LoadVector256(x + 7 * classes) : Avx.MaskLoad(x + 7 * classes, maskLo);
            Vector256<float> b0 = classes <= 8 ? z : 0 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 0 * classes + 8) : Avx.MaskLoad(x + 0 * classes + 8, maskHi);
            Vector256<float> b1 = classes <= 8 ? z : 1 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 1 * classes + 8) : Avx.MaskLoad(x + 1 * classes + 8, maskHi);
            Vector256<float> b2 = classes <= 8 ? z : 2 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 2 * classes + 8) : Avx.MaskLoad(x + 2 * classes + 8, maskHi);
            Vector256<float> b3 = classes <= 8 ? z : 3 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 3 * classes + 8) : Avx.MaskLoad(x + 3 * classes + 8, maskHi);
            Vector256<float> b4 = classes <= 8 ? z : 4 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 4 * classes + 8) : Avx.MaskLoad(x + 4 * classes + 8, maskHi);
            Vector256<float> b5 = classes <= 8 ? z : 5 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 5 * classes + 8) : Avx.MaskLoad(x + 5 * classes + 8, maskHi);
            Vector256<float> b6 = classes <= 8 ? z : 6 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 6 * classes + 8) : Avx.MaskLoad(x + 6 * classes + 8, maskHi);
            Vector256<float> b7 = classes <= 8 ? z : 7 * classes + 16 <= 8 * classes ? Avx.LoadVector256(x + 7 * classes + 8) : Avx.MaskLoad(x + 7 * classes + 8, maskHi);
            Transpose8x8.Network(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7);
            if (classes > 8) Transpose8x8.Network(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
            // Now a_c holds class c of the 8 rows and b_c class 8 + c, for classes below C; the rest are unused.

            var t = Vector256.Load(targets);
            var keep = (~Vector256.Equals(t, ignoreIndex)).AsSingle();

            var max = a0;
            if (classes > 1) max = Vector256.MaxNative(max, a1);
            if (classes > 2) max = Vector256.MaxNative(max, a2);
            if (classes > 3) max = Vector256.MaxNative(max, a3);
            if (classes > 4) max = Vector256.MaxNative(max, a4);
            if (classes > 5) max = Vector256.MaxNative(max, a5);
            if (classes > 6) max = Vector256.MaxNative(max, a6);
            if (classes > 7) max = Vector256.MaxNative(max, a7);
            if (classes > 8) max = Vector256.MaxNative(max, b0);
            if (classes > 9) max = Vector256.MaxNative(max, b1);
            if (classes > 10) max = Vector256.MaxNative(max, b2);
            if (classes > 11) max = Vector256.MaxNative(max, b3);
            if (classes > 12) max = Vector256.MaxNative(max, b4);
            if (classes > 13) max = Vector256.MaxNative(max, b5);
            if (classes > 14) max = Vector256.MaxNative(max, b6);

            Vector256<float> sum = z, weightedShift = z, targetShift = z;
            Exponentiate<TC>(ref a0, 0, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a1, 1, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a2, 2, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a3, 3, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a4, 4, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a5, 5, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a6, 6, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a7, 7, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b0, 8, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b1, 9, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b2, 10, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b3, 11, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b4, 12, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b5, 13, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b6, 14, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);

            var logSum = SimdMath.Log<Vector256<float>, Simd256>(sum);
            // An ignored target may be any integer: the permutes read its low 3 bits only, and `keep` discards the lane.
            var pickedWeight = weight == null ? Vector256<float>.One
                : classes <= 8 ? Avx2.PermuteVar8x32(weightsLo, t)
                : Vector256.ConditionalSelect(Vector256.GreaterThan(t, Vector256.Create(7)).AsSingle(),
                    Avx2.PermuteVar8x32(weightsHi, t), Avx2.PermuteVar8x32(weightsLo, t));
            var targetWeight = Vector256.Create(1f - a.Smoothing) * pickedWeight;
            var loss = targetWeight * (logSum - targetShift);
            if (smoothing) loss = Vector256.MultiplyAddEstimate(Vector256.Create(spread), Vector256.Create(a.WeightTotal) * logSum - weightedShift, loss);
            loss = Vector256.ConditionalSelect(keep, loss, Vector256<float>.Zero); // exact 0 for ignored and padding rows, even with non-finite logits

            if (losses != null) loss.Store(rows == 8 ? losses : tailLosses);
            lossSum += loss;
            if (++pending == BlocksPerFlush)
            {
                total += Vector256.Sum(lossSum);
                lossSum = Vector256<float>.Zero;
                pending = 0;
            }

            if (gradient != null)
            {
                var scale = Vector256.Create(a.GradientScale);
                if (upstream != null) scale *= Vector256.Load(upstream);
                scale = Vector256.ConditionalSelect(keep, scale, Vector256<float>.Zero);
                var alpha = scale * Vector256.MultiplyAddEstimate(Vector256.Create(spread), Vector256.Create(a.WeightTotal), targetWeight) * Simd256.Reciprocal(sum);
                var beta = -scale * Vector256.Create(spread);
                var oneHot = scale * targetWeight;
                Differentiate<TC>(ref a0, 0, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a1, 1, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a2, 2, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a3, 3, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a4, 4, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a5, 5, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a6, 6, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a7, 7, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b0, 8, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b1, 9, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b2, 10, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b3, 11, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b4, 12, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b5, 13, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b6, 14, alpha, beta, oneHot, keep, t, weight, smoothing);
                // Classes past C are zeroed so the JIT drops the work that only fed them.
                if (classes <= 1) a1 = z;
                if (classes <= 2) a2 = z;
                if (classes <= 3) a3 = z;
                if (classes <= 4) a4 = z;
                if (classes <= 5) a5 = z;
                if (classes <= 6) a6 = z;
                if (classes <= 7) a7 = z;
                if (classes <= 8) b0 = z;
                if (classes <= 9) b1 = z;
                if (classes <= 10) b2 = z;
                if (classes <= 11) b3 = z;
                if (classes <= 12) b4 = z;
                if (classes <= 13) b5 = z;
                if (classes <= 14) b6 = z;
                if (classes <= 15) b7 = z;
                Transpose8x8.Network(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7);
                if (classes > 8) Transpose8x8.Network(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);

                // Row by row, in order: a whole-vector store may run into the next row, whose own store comes later.
                var gx = rows == 8 ? gradient : tailGradient;
                if (0 * classes + 8 <= 8 * classes) Avx.Store(gx + 0 * classes, a0); else Avx.MaskStore(gx + 0 * classes, maskLo, a0);
                if (classes > 8) { if (0 * classes + 16 <= 8 * classes) Avx.Store(gx + 0 * classes + 8, b0); else Avx.MaskStore(gx + 0 * classes + 8, maskHi, b0); }
                if (1 * classes + 8 <= 8 * classes) Avx.Store(gx + 1 * classes, a1); else Avx.MaskStore(gx + 1 * classes, maskLo, a1);
                if (classes > 8) { if (1 * classes + 16 <= 8 * classes) Avx.Store(gx + 1 * classes + 8, b1); else Avx.MaskStore(gx + 1 * classes + 8, maskHi, b1); }
                if (2 * classes + 8 <= 8 * classes) Avx.Store(gx + 2 * classes, a2); else Avx.MaskStore(gx + 2 * classes, maskLo, a2);
                if (classes > 8) { if (2 * classes + 16 <= 8 * classes) Avx.Store(gx + 2 * classes + 8, b2); else Avx.MaskStore(gx + 2 * classes + 8, maskHi, b2); }
                if (3 * classes + 8 <= 8 * classes) Avx.Store(gx + 3 * classes, a3); else Avx.MaskStore(gx + 3 * classes, maskLo, a3);
                if (classes > 8) { if (3 * classes + 16 <= 8 * classes) Avx.Store(gx + 3 * classes + 8, b3); else Avx.MaskStore(gx + 3 * classes + 8, maskHi, b3); }
                if (4 * classes + 8 <= 8 * classes) Avx.Store(gx + 4 * classes, a4); else Avx.MaskStore(gx + 4 * classes, maskLo, a4);
                if (classes > 8) { if (4 * classes + 16 <= 8 * classes) Avx.Store(gx + 4 * classes + 8, b4); else Avx.MaskStore(gx + 4 * classes + 8, maskHi, b4); }
                if (5 * classes + 8 <= 8 * classes) Avx.Store(gx + 5 * classes, a5); else Avx.MaskStore(gx + 5 * classes, maskLo, a5);
                if (classes > 8) { if (5 * classes + 16 <= 8 * classes) Avx.Store(gx + 5 * classes + 8, b5); else Avx.MaskStore(gx + 5 * classes + 8, maskHi, b5); }
                if (6 * classes + 8 <= 8 * classes) Avx.Store(gx + 6 * classes, a6); else Avx.MaskStore(gx + 6 * classes, maskLo, a6);
                if (classes > 8) { if (6 * classes + 16 <= 8 * classes) Avx.Store(gx + 6 * classes + 8, b6); else Avx.MaskStore(gx + 6 * classes + 8, maskHi, b6); }
                if (7 * classes + 8 <= 8 * classes) Avx.Store(gx + 7 * classes, a7); else Avx.MaskStore(gx + 7 * classes, maskLo, a7);
                if (classes > 8) { if (7 * classes + 16 <= 8 * classes) Avx.Store(gx + 7 * classes + 8, b7); else Avx.MaskStore(gx + 7 * classes + 8, maskHi, b7); }
            }

            if (rows < 8) tail.CopyOut(rows, classes, losses, gradient);
        }
        return total + Vector256.Sum(lossSum);
    }

    /// <summary>Class <paramref name="c"/>: v ← exp(v − max), adding to the sum and picking the target's shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exponentiate<TC>(
        ref Vector256<float> v, int c, Vector256<float> max, Vector256<int> targets, float* weight, bool smoothing,
        ref Vector256<float> sum, ref Vector256<float> weightedShift, ref Vector256<float> targetShift) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var d = v - max;
        var e = SimdMath.ExpNonPositive<Vector256<float>, Simd256>(d);
        sum += e;
        if (smoothing) weightedShift = Vector256.MultiplyAddEstimate(Vector256.Create(weight == null ? 1f : weight[c]), d, weightedShift);
        targetShift = Vector256.ConditionalSelect(Vector256.Equals(targets, Vector256.Create(c)).AsSingle(), d, targetShift);
        v = e;
    }

    /// <summary>Class <paramref name="c"/>: v ← its gradient (softmax·α, smoothing term, minus the one-hot part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Differentiate<TC>(
        ref Vector256<float> v, int c, Vector256<float> alpha, Vector256<float> beta, Vector256<float> oneHot, Vector256<float> keep,
        Vector256<int> targets, float* weight, bool smoothing) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var gc = smoothing
            ? Vector256.MultiplyAddEstimate(v, alpha, weight == null ? beta : beta * Vector256.Create(weight[c]))
            : v * alpha;
        gc -= Vector256.ConditionalSelect(Vector256.Equals(targets, Vector256.Create(c)).AsSingle(), oneHot, Vector256<float>.Zero);
        v = Vector256.ConditionalSelect(keep, gc, Vector256<float>.Zero); // NaN·0 would leak from non-finite ignored rows
    }
}

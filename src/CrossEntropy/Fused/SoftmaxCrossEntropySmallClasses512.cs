using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// The AVX-512 version of <see cref="SoftmaxCrossEntropySmallClasses"/> (fewer than 16 classes, lanes hold rows).
/// A block of 16 rows is read with one masked load per row (C lanes, never past the row) and turned class-major
/// by <see cref="Transpose16x16"/>; the gradient goes back the same way and leaves with one masked store per row.
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
    [SkipLocalsInit] // every stack buffer is written before it is read; zeroing them cost ~5 % of a 64×10 call
    public static double Run(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd)
    {
        var classes = a.Classes;
        var logits = a.Logits;
        var targets = a.Targets;
        var losses = a.Losses;
        var gradient = a.Gradient;
        var upstream = a.Upstream;
        var weight = a.Weight;
        var smoothing = a.Smoothing != 0f;
        var spread = a.Smoothing / classes;
        var ignoreIndex = Vector512.Create(a.IgnoreIndex);
        var classMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(classes)).AsSingle();
        var weights = weight == null ? Vector512<float>.One : Avx512F.MaskLoad(weight, classMask, Vector512<float>.Zero);
        var block = stackalloc Vector512<float>[16];

        var lossSum = Vector512<float>.Zero;
        var pending = 0;
        double total = 0;
        for (var r0 = rowStart; r0 < rowEnd; r0 += 16)
        {
            var rows = Math.Min(16, rowEnd - r0);
            var x = logits + (long)r0 * classes;
            if (rows == 16) Transpose16x16.FromRows(x, classes, classMask, block);
            else
            {
                for (var r = 0; r < 16; r++)
                    block[r] = r < rows ? Avx512F.MaskLoad(x + r * classes, classMask, Vector512<float>.Zero) : Vector512<float>.Zero;
                Transpose16x16.InPlace(block);
            }

            var rowMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(rows));
            var t = rows == 16 ? Vector512.Load(targets + r0) : Avx512F.MaskLoad(targets + r0, rowMask, Vector512<int>.Zero);
            var keep = (rowMask & ~Vector512.Equals(t, ignoreIndex)).AsSingle();

            var max = block[0];
            for (var c = 1; c < classes; c++) max = Vector512.MaxNative(max, block[c]);

            Vector512<float> sum = Vector512<float>.Zero, weightedShift = Vector512<float>.Zero, targetShift = Vector512<float>.Zero;
            for (var c = 0; c < classes; c++)
            {
                var d = block[c] - max;
                var e = SimdMath.ExpNonPositive<Vector512<float>, Simd512>(d);
                sum += e;
                if (smoothing) weightedShift = Vector512.MultiplyAddEstimate(Vector512.Create(weight == null ? 1f : weight[c]), d, weightedShift);
                targetShift = Vector512.ConditionalSelect(Vector512.Equals(t, Vector512.Create(c)).AsSingle(), d, targetShift);
                block[c] = e;
            }

            var logSum = SimdMath.Log<Vector512<float>, Simd512>(sum);
            // An ignored target may be any integer: the permute reads its low 4 bits only, and `keep` discards the lane.
            var targetWeight = Vector512.Create(1f - a.Smoothing) * (weight == null ? Vector512<float>.One : Avx512F.PermuteVar16x32(weights, t));
            var loss = targetWeight * (logSum - targetShift);
            if (smoothing) loss = Vector512.MultiplyAddEstimate(Vector512.Create(spread), Vector512.Create(a.WeightTotal) * logSum - weightedShift, loss);
            loss = Vector512.ConditionalSelect(keep, loss, Vector512<float>.Zero); // exact 0 for ignored rows, even with non-finite logits

            if (losses != null)
            {
                if (rows == 16) loss.Store(losses + r0);
                else Avx512F.MaskStore(losses + r0, rowMask.AsSingle(), loss);
            }
            lossSum += loss;
            if (++pending == BlocksPerFlush)
            {
                total += Vector512.Sum(lossSum);
                lossSum = Vector512<float>.Zero;
                pending = 0;
            }

            if (gradient == null) continue;
            var scale = Vector512.Create(a.GradientScale);
            if (upstream != null) scale *= Avx512F.MaskLoad(upstream + r0, rowMask.AsSingle(), Vector512<float>.Zero);
            scale = Vector512.ConditionalSelect(keep, scale, Vector512<float>.Zero);
            var alpha = scale * Vector512.MultiplyAddEstimate(Vector512.Create(spread), Vector512.Create(a.WeightTotal), targetWeight) * Simd512.Reciprocal(sum);
            var beta = -scale * Vector512.Create(spread);
            var oneHot = scale * targetWeight;
            for (var c = 0; c < classes; c++)
            {
                var e = block[c];
                var g = smoothing
                    ? Vector512.MultiplyAddEstimate(e, alpha, weight == null ? beta : beta * Vector512.Create(weight[c]))
                    : e * alpha;
                g -= Vector512.ConditionalSelect(Vector512.Equals(t, Vector512.Create(c)).AsSingle(), oneHot, Vector512<float>.Zero);
                block[c] = Vector512.ConditionalSelect(keep, g, Vector512<float>.Zero); // NaN·0 would leak from non-finite ignored rows
            }
            var gx = gradient + (long)r0 * classes;
            if (rows == 16) Transpose16x16.ToRows(block, gx, classes, classMask);
            else
            {
                Transpose16x16.InPlace(block);
                for (var r = 0; r < rows; r++) Avx512F.MaskStore(gx + r * classes, classMask, block[r]);
            }
        }
        return total + Vector512.Sum(lossSum);
    }
}

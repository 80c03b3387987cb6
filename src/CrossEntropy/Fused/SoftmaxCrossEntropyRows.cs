using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// Softmax cross-entropy for rows of at least 16 classes, one row at a time across the vector lanes.
/// The row is read from memory once (the max sweep); the exp sweep and the gradient sweep find it in cache.
/// The exp sweep parks e^(x−max) in the gradient row, and the last sweep rescales it in place, so each
/// exponential is computed once.
/// </summary>
internal static unsafe class SoftmaxCrossEntropyRows
{
    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>); returns the sum of their losses.</summary>
    public static double Run<TV, TS>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var classes = a.Classes;
        var width = TS.Count;
        var fullEnd = classes - classes % width;
        var hasTail = classes % width != 0;
        var tailStart = classes - width; // the tail vector overlaps the last full one; the mask keeps only new lanes
        var tailMask = TS.LanesFrom(width - classes % width);
        var smoothing = a.Smoothing != 0f;
        var weight = a.Weight;
        var spread = a.Smoothing / classes;
        double total = 0;

        for (var r = rowStart; r < rowEnd; r++)
        {
            var x = a.Logits + (long)r * classes;
            var g = a.Gradient == null ? null : a.Gradient + (long)r * classes;
            var t = a.Targets[r];
            if (t == a.IgnoreIndex)
            {
                if (a.Losses != null) a.Losses[r] = 0f;
                if (g != null) new Span<float>(g, classes).Clear();
                continue;
            }

            var maxVector = TS.Load(x);
            for (var i = width; i < fullEnd; i += width) maxVector = TS.Max(maxVector, TS.Load(x + i));
            if (hasTail) maxVector = TS.Max(maxVector, TS.Load(x + tailStart));
            var max = TS.MaxAcross(maxVector);
            var maxSplat = TS.Splat(max);

            TV sumVector = TS.Zero, weightedShift = TS.Zero;
            for (var i = 0; i < fullEnd; i += width)
            {
                // The exp sweep is compute-bound: a good moment to pull in the next row (a prefetch never faults).
                if (Sse.IsSupported) Sse.Prefetch0(x + classes + i);
                var d = TS.Subtract(TS.Load(x + i), maxSplat);
                var e = SimdMath.ExpNonPositive<TV, TS>(d);
                sumVector = TS.Add(sumVector, e);
                if (smoothing) weightedShift = Accumulate<TV, TS>(weightedShift, d, weight, i);
                if (g != null) TS.Store(e, g + i);
            }
            if (hasTail)
            {
                var d = TS.Subtract(TS.Load(x + tailStart), maxSplat);
                var e = SimdMath.ExpNonPositive<TV, TS>(d);
                sumVector = TS.Add(sumVector, TS.Select(tailMask, e, TS.Zero));
                if (smoothing) weightedShift = Accumulate<TV, TS>(weightedShift, TS.Select(tailMask, d, TS.Zero), weight, tailStart);
                if (g != null) TS.Store(e, g + tailStart);
            }

            var sum = TS.Sum(sumVector);
            var logSum = MathF.Log(sum);
            var targetWeight = (1f - a.Smoothing) * (weight == null ? 1f : weight[t]);
            var loss = targetWeight * (logSum - (x[t] - max));
            if (smoothing) loss += spread * (a.WeightTotal * logSum - TS.Sum(weightedShift));
            if (a.Losses != null) a.Losses[r] = loss;
            total += loss;

            if (g == null) continue;
            var scale = a.Upstream == null ? a.GradientScale : a.GradientScale * a.Upstream[r];
            var alpha = TS.Splat(scale * (targetWeight + spread * a.WeightTotal) / sum);
            var beta = TS.Splat(-scale * spread);
            for (var i = 0; i < fullEnd; i += width)
                TS.Store(Rescale<TV, TS>(TS.Load(g + i), alpha, beta, weight, i, smoothing), g + i);
            if (hasTail)
            {
                var old = TS.Load(g + tailStart);
                TS.Store(TS.Select(tailMask, Rescale<TV, TS>(old, alpha, beta, weight, tailStart, smoothing), old), g + tailStart);
            }
            g[t] -= scale * targetWeight;
        }
        return total;
    }

    /// <summary>Σ w_c·(x_c − max), the smoothing term's share of the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Accumulate<TV, TS>(TV sum, TV shifted, float* weight, int offset)
        where TV : struct where TS : struct, ISimd<TV> =>
        weight == null ? TS.Add(sum, shifted) : TS.MultiplyAdd(TS.Load(weight + offset), shifted, sum);

    /// <summary>α·e^(x−max) − scale·(ε/C)·w_c: the gradient of every class but the target's one-hot part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Rescale<TV, TS>(TV e, TV alpha, TV beta, float* weight, int offset, bool smoothing)
        where TV : struct where TS : struct, ISimd<TV>
    {
        if (!smoothing) return TS.Multiply(e, alpha);
        return TS.MultiplyAdd(e, alpha, weight == null ? beta : TS.Multiply(beta, TS.Load(weight + offset)));
    }
}

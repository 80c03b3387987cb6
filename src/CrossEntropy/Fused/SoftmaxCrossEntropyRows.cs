using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// Softmax cross-entropy for rows of at least 16 classes, one row at a time across the vector lanes.
/// The row is read from memory once (the max sweep); the exp sweep and the gradient sweep find it in cache.
/// The exp sweep parks e^(x−max) in the gradient row, and the last sweep rescales it in place, so each
/// exponential is computed once. Rows of up to 256 classes go in pairs through the same sweeps.
/// </summary>
internal static unsafe class SoftmaxCrossEntropyRows
{
    /// <summary>
    /// Rows longer than this go one at a time: their own sweeps are long enough to hide the per-row reductions,
    /// and pairing them measured slower (4096×1000: 2.2 → 2.6 ms), while at C = 100 pairing gained 20 %.
    /// </summary>
    private const int MaxPairedClasses = 256;

    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>); returns the sum of their losses.</summary>
    public static double Run<TV, TS>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var shape = new RowShape<TV, TS>(a.Classes);
        double total = 0;
        var r = rowStart;
        // Rows go in pairs: each row is a chain of dependent steps (max → horizontal max → exp → horizontal sum → log →
        // rescale), and two independent chains side by side keep the vector units busy where one would wait.
        for (; shape.Classes <= MaxPairedClasses && r + 1 < rowEnd; r += 2)
        {
            if (a.Targets[r] == a.IgnoreIndex || a.Targets[r + 1] == a.IgnoreIndex)
            {
                total += One(a, shape, r);
                total += One(a, shape, r + 1);
                continue;
            }
            Two(a, shape, r, out var first, out var second);
            total += first;
            total += second;
        }
        for (; r < rowEnd; r++) total += One(a, shape, r);
        return total;
    }

    /// <summary>The loop bounds of a row, the same for every row of a call.</summary>
    private readonly struct RowShape<TV, TS> where TV : struct where TS : struct, ISimd<TV>
    {
        public readonly int Classes;
        public readonly int FullEnd;
        public readonly bool HasTail;
        public readonly int TailStart; // the tail vector overlaps the last full one; the mask keeps only new lanes
        public readonly TV TailMask;

        public RowShape(int classes)
        {
            Classes = classes;
            FullEnd = classes - classes % TS.Count;
            HasTail = classes % TS.Count != 0;
            TailStart = classes - TS.Count;
            TailMask = TS.LanesFrom(TS.Count - classes % TS.Count);
        }
    }

    /// <summary>One row (ignored or not); returns its loss.</summary>
    private static float One<TV, TS>(in SoftmaxCrossEntropyArgs a, in RowShape<TV, TS> s, int r)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var classes = s.Classes;
        var width = TS.Count;
        var x = a.Logits + (long)r * classes;
        var g = a.Gradient == null ? null : a.Gradient + (long)r * classes;
        var t = a.Targets[r];
        if (t == a.IgnoreIndex)
        {
            if (a.Losses != null) a.Losses[r] = 0f;
            if (g != null) new Span<float>(g, classes).Clear();
            return 0f;
        }

        var maxVector = TS.Load(x);
        for (var i = width; i < s.FullEnd; i += width) maxVector = TS.Max(maxVector, TS.Load(x + i));
        if (s.HasTail) maxVector = TS.Max(maxVector, TS.Load(x + s.TailStart));
        var max = TS.MaxAcross(maxVector);

        var sum = ExpSweep(a, s, x, g, TS.Splat(max), out var weightedShift);
        return Finish(a, s, r, x, g, t, max, sum, weightedShift);
    }

    /// <summary>Two non-ignored rows side by side; their losses come back in row order.</summary>
    private static void Two<TV, TS>(in SoftmaxCrossEntropyArgs a, in RowShape<TV, TS> s, int r, out float first, out float second)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var classes = s.Classes;
        var width = TS.Count;
        var x0 = a.Logits + (long)r * classes;
        var x1 = x0 + classes;
        var g0 = a.Gradient == null ? null : a.Gradient + (long)r * classes;
        var g1 = g0 == null ? null : g0 + classes;

        TV max0 = TS.Load(x0), max1 = TS.Load(x1);
        for (var i = width; i < s.FullEnd; i += width)
        {
            max0 = TS.Max(max0, TS.Load(x0 + i));
            max1 = TS.Max(max1, TS.Load(x1 + i));
        }
        if (s.HasTail)
        {
            max0 = TS.Max(max0, TS.Load(x0 + s.TailStart));
            max1 = TS.Max(max1, TS.Load(x1 + s.TailStart));
        }
        var m0 = TS.MaxAcross(max0);
        var m1 = TS.MaxAcross(max1);

        ExpSweep2(a, s, x0, x1, g0, g1, TS.Splat(m0), TS.Splat(m1), out var sum0, out var sum1, out var shift0, out var shift1);
        first = Finish(a, s, r, x0, g0, a.Targets[r], m0, sum0, shift0);
        second = Finish(a, s, r + 1, x1, g1, a.Targets[r + 1], m1, sum1, shift1);
    }

    /// <summary>e^(x − max) parked in the gradient row (when there is one); returns Σ e and, for smoothing, Σ w·(x − max).</summary>
    private static float ExpSweep<TV, TS>(in SoftmaxCrossEntropyArgs a, in RowShape<TV, TS> s, float* x, float* g, TV maxSplat, out TV weightedShift)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var width = TS.Count;
        var smoothing = a.Smoothing != 0f;
        var weight = a.Weight;
        TV sumVector = TS.Zero;
        weightedShift = TS.Zero;
        for (var i = 0; i < s.FullEnd; i += width)
        {
            // The exp sweep is compute-bound: a good moment to pull in the next row (a prefetch never faults).
            if (Sse.IsSupported) Sse.Prefetch0(x + s.Classes + i);
            var d = TS.Subtract(TS.Load(x + i), maxSplat);
            var e = SimdMath.ExpNonPositive<TV, TS>(d);
            sumVector = TS.Add(sumVector, e);
            if (smoothing) weightedShift = Accumulate<TV, TS>(weightedShift, d, weight, i);
            if (g != null) TS.Store(e, g + i);
        }
        if (s.HasTail)
        {
            var d = TS.Subtract(TS.Load(x + s.TailStart), maxSplat);
            var e = SimdMath.ExpNonPositive<TV, TS>(d);
            sumVector = TS.Add(sumVector, TS.Select(s.TailMask, e, TS.Zero));
            if (smoothing) weightedShift = Accumulate<TV, TS>(weightedShift, TS.Select(s.TailMask, d, TS.Zero), weight, s.TailStart);
            if (g != null) TS.Store(e, g + s.TailStart);
        }
        return TS.Sum(sumVector);
    }

    /// <summary><see cref="ExpSweep{TV, TS}"/> for two rows in one loop.</summary>
    private static void ExpSweep2<TV, TS>(
        in SoftmaxCrossEntropyArgs a, in RowShape<TV, TS> s, float* x0, float* x1, float* g0, float* g1, TV max0, TV max1,
        out float sum0, out float sum1, out TV shift0, out TV shift1)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var width = TS.Count;
        var smoothing = a.Smoothing != 0f;
        var weight = a.Weight;
        TV s0 = TS.Zero, s1 = TS.Zero;
        shift0 = TS.Zero;
        shift1 = TS.Zero;
        for (var i = 0; i < s.FullEnd; i += width)
        {
            if (Sse.IsSupported) Sse.Prefetch0(x1 + s.Classes + i);
            var d0 = TS.Subtract(TS.Load(x0 + i), max0);
            var d1 = TS.Subtract(TS.Load(x1 + i), max1);
            var e0 = SimdMath.ExpNonPositive<TV, TS>(d0);
            var e1 = SimdMath.ExpNonPositive<TV, TS>(d1);
            s0 = TS.Add(s0, e0);
            s1 = TS.Add(s1, e1);
            if (smoothing)
            {
                shift0 = Accumulate<TV, TS>(shift0, d0, weight, i);
                shift1 = Accumulate<TV, TS>(shift1, d1, weight, i);
            }
            if (g0 != null)
            {
                TS.Store(e0, g0 + i);
                TS.Store(e1, g1 + i);
            }
        }
        if (s.HasTail)
        {
            var d0 = TS.Subtract(TS.Load(x0 + s.TailStart), max0);
            var d1 = TS.Subtract(TS.Load(x1 + s.TailStart), max1);
            var e0 = SimdMath.ExpNonPositive<TV, TS>(d0);
            var e1 = SimdMath.ExpNonPositive<TV, TS>(d1);
            s0 = TS.Add(s0, TS.Select(s.TailMask, e0, TS.Zero));
            s1 = TS.Add(s1, TS.Select(s.TailMask, e1, TS.Zero));
            if (smoothing)
            {
                shift0 = Accumulate<TV, TS>(shift0, TS.Select(s.TailMask, d0, TS.Zero), weight, s.TailStart);
                shift1 = Accumulate<TV, TS>(shift1, TS.Select(s.TailMask, d1, TS.Zero), weight, s.TailStart);
            }
            if (g0 != null)
            {
                TS.Store(e0, g0 + s.TailStart);
                TS.Store(e1, g1 + s.TailStart);
            }
        }
        sum0 = TS.Sum(s0);
        sum1 = TS.Sum(s1);
    }

    /// <summary>The loss from the row statistics, and the in-place rescale of the parked exponentials into the gradient.</summary>
    private static float Finish<TV, TS>(in SoftmaxCrossEntropyArgs a, in RowShape<TV, TS> s, int r, float* x, float* g, int t, float max, float sum, TV weightedShift)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var width = TS.Count;
        var smoothing = a.Smoothing != 0f;
        var weight = a.Weight;
        var spread = a.Smoothing / s.Classes;
        var logSum = MathF.Log(sum);
        var targetWeight = (1f - a.Smoothing) * (weight == null ? 1f : weight[t]);
        var loss = targetWeight * (logSum - (x[t] - max));
        if (smoothing) loss += spread * (a.WeightTotal * logSum - TS.Sum(weightedShift));
        if (a.Losses != null) a.Losses[r] = loss;
        if (g == null) return loss;

        var scale = a.Upstream == null ? a.GradientScale : a.GradientScale * a.Upstream[r];
        var alpha = TS.Splat(scale * (targetWeight + spread * a.WeightTotal) / sum);
        var beta = TS.Splat(-scale * spread);
        for (var i = 0; i < s.FullEnd; i += width)
            TS.Store(Rescale<TV, TS>(TS.Load(g + i), alpha, beta, weight, i, smoothing), g + i);
        if (s.HasTail)
        {
            var old = TS.Load(g + s.TailStart);
            TS.Store(TS.Select(s.TailMask, Rescale<TV, TS>(old, alpha, beta, weight, s.TailStart, smoothing), old), g + s.TailStart);
        }
        g[t] -= scale * targetWeight;
        return loss;
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

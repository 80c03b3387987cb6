using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// BCE with logits, loss and gradient from one exp, one log1p and two reciprocals per element:
/// e = e^(−|x|), softplus(−x) = max(−x, 0) + log1p(e), σ(x) = (x ≥ 0 ? 1 : e)/(1 + e).
/// Loss and gradient are regrouped by the sign of x (as the plain path does) so that no two large terms cancel.
/// Targets are checked in the same pass: a block that meets one outside [0, 1] (or NaN) raises
/// <see cref="BinaryCrossEntropyWithLogitsArgs.InvalidTargets"/>, and the caller throws after the run.
/// </summary>
internal static unsafe class BinaryCrossEntropyWithLogitsKernel
{
    /// <summary>Chunks summed in float before flushing into the double total (bounds the float error to ~16 ulp).</summary>
    private const int ChunksPerFlush = 16;

    /// <summary>Elements [<paramref name="start"/>, <paramref name="end"/>), start a multiple of 16; returns their loss sum.</summary>
    public static double Run<TV, TS>(in BinaryCrossEntropyWithLogitsArgs a, int start, int end)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var width = TS.Count;
        var weightScratch = stackalloc float[PeriodicVector.ScratchLength];
        var posScratch = stackalloc float[PeriodicVector.ScratchLength];
        var weight = a.Weight == null ? default : PeriodicVector.Start(a.Weight, a.WeightPeriod, start, width, weightScratch);
        var pos = a.PosWeight == null ? default : PeriodicVector.Start(a.PosWeight, a.PosWeightPeriod, start, width, posScratch);
        var scale = TS.Splat(a.GradientScale);

        double total = 0;
        var sum = TS.Zero;
        var invalid = TS.Zero;
        var chunks = 0;
        var fullEnd = start + (end - start) / width * width;
        for (var i = start; i < fullEnd; i += width)
        {
            var w = a.Weight == null ? default : weight.Next<TV, TS>();
            var q = a.PosWeight == null ? default : pos.Next<TV, TS>();
            var up = a.Upstream == null ? scale : TS.Multiply(scale, TS.Load(a.Upstream + i));
            var loss = Chunk<TV, TS>(a, TS.Load(a.Logits + i), TS.Load(a.Targets + i), w, q, up, a.Gradient == null ? null : a.Gradient + i, ref invalid);
            if (!a.WithLoss) continue;
            if (a.Losses != null) TS.Store(loss, a.Losses + i);
            sum = TS.Add(sum, loss);
            if (++chunks == ChunksPerFlush)
            {
                total += TS.Sum(sum);
                sum = TS.Zero;
                chunks = 0;
            }
        }

        if (fullEnd < end)
        {
            // The last partial chunk goes through padded stack copies: no read or write past the caller's buffers.
            var count = end - fullEnd;
            var x = stackalloc float[16];
            var y = stackalloc float[16];
            var u = stackalloc float[16];
            var outLoss = stackalloc float[16];
            var outGradient = stackalloc float[16];
            for (var k = 0; k < width; k++)
            {
                x[k] = k < count ? a.Logits[fullEnd + k] : 0f;
                y[k] = k < count ? a.Targets[fullEnd + k] : 0f;
                u[k] = a.Upstream != null && k < count ? a.Upstream[fullEnd + k] : 1f;
            }
            var w = a.Weight == null ? default : weight.Next<TV, TS>();
            var q = a.PosWeight == null ? default : pos.Next<TV, TS>();
            var up = a.Upstream == null ? scale : TS.Multiply(scale, TS.Load(u));
            var loss = Chunk<TV, TS>(a, TS.Load(x), TS.Load(y), w, q, up, a.Gradient == null ? null : outGradient, ref invalid);
            sum = TS.Add(sum, TS.Select(TS.LanesFrom(count), TS.Zero, loss));
            TS.Store(loss, outLoss);
            for (var k = 0; k < count; k++)
            {
                if (a.Losses != null) a.Losses[fullEnd + k] = outLoss[k];
                if (a.Gradient != null) a.Gradient[fullEnd + k] = outGradient[k];
            }
        }
        if (TS.Sum(invalid) != 0f) *a.InvalidTargets = 1; // any block may set it; the caller reports the first bad index
        return a.WithLoss ? total + TS.Sum(sum) : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Chunk<TV, TS>(in BinaryCrossEntropyWithLogitsArgs a, TV x, TV y, TV w, TV q, TV upstream, float* gradient, ref TV invalid)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var one = TS.Splat(1f);
        // y − y² ≥ 0 exactly when y is in [0, 1] (one FMA; NaN and ±∞ fail): the target check rides along with the
        // arithmetic instead of costing a separate sweep over the targets.
        invalid = TS.Add(invalid, TS.Select(TS.GreaterThanOrEqual(TS.MultiplyAdd(TS.Subtract(TS.Zero, y), y, y), TS.Zero), TS.Zero, one));
        var e = SimdMath.ExpNonPositive<TV, TS>(TS.Subtract(TS.Zero, TS.Abs(x)));
        var hasPos = a.PosWeight != null;
        var logWeight = hasPos ? TS.MultiplyAdd(TS.Subtract(q, one), y, one) : one;
        var positiveTarget = hasPos ? TS.Multiply(q, y) : y;
        var negativeTarget = TS.Subtract(one, y);

        var negative = TS.LessThan(x, TS.Zero);
        var loss = TS.Zero;
        if (a.WithLoss)
        {
            // (1 − y)·x + L·softplus(−x), regrouped by the sign of x so no two large terms cancel:
            // x < 0: −q·y·x + L·log1p(e); x ≥ 0: (1 − y)·x + L·log1p(e).
            var log1p = SimdMath.Log1p<TV, TS>(e);
            var linear = TS.Multiply(TS.Select(negative, TS.Subtract(TS.Zero, positiveTarget), negativeTarget), x);
            loss = TS.MultiplyAdd(logWeight, log1p, linear);
            var infinite = TS.GreaterThanOrEqual(TS.Abs(x), TS.Splat(float.PositiveInfinity));
            if (TS.AnyTrue(infinite))
            {
                // Infinite x keeps the literal form, so NaN appears exactly where PyTorch's formula gives ∞ − ∞ or 0·∞.
                var literal = TS.MultiplyAdd(logWeight, TS.Add(log1p, TS.Max(TS.Subtract(TS.Zero, x), TS.Zero)), TS.Multiply(negativeTarget, x));
                loss = TS.Select(infinite, literal, loss);
            }
            if (a.Weight != null) loss = TS.Multiply(loss, w);
        }
        if (gradient != null)
        {
            // σ(−|x|) = e/(1 + e) is σ(x) for x < 0 and σ(−x) for x ≥ 0.
            // x < 0: L·σ(x) − q·y; x ≥ 0: (1 − y) − L·σ(−x). Each form is free of cancellation on its side.
            var small = TS.Multiply(logWeight, TS.Multiply(e, TS.Reciprocal(TS.Add(one, e))));
            var g = TS.Select(negative, TS.Subtract(small, positiveTarget), TS.Subtract(negativeTarget, small));
            if (a.Weight != null) g = TS.Multiply(g, w);
            TS.Store(TS.Multiply(g, upstream), gradient);
        }
        return loss;
    }
}

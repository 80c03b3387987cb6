using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// BCE with logits, loss and gradient from one exp, one log1p and two reciprocals per element:
/// e = e^(−|x|), softplus(−x) = max(−x, 0) + log1p(e), σ(x) = (x ≥ 0 ? 1 : e)/(1 + e).
/// Loss and gradient are regrouped by the sign of x (as the plain path does) so that no two large terms cancel.
/// Targets are validated by the caller before the pass (so a bad call writes nothing); the pass only computes.
/// </summary>
internal static unsafe class BinaryCrossEntropyWithLogitsKernel
{
    /// <summary>Chunks summed in float before flushing into the double total (bounds the float error to ~16 ulp).</summary>
    private const int ChunksPerFlush = 16;

    /// <summary>Elements [<paramref name="start"/>, <paramref name="end"/>), start a multiple of 16; returns their loss sum.</summary>
    [SkipLocalsInit] // every stack buffer is written before it is read; zeroing them cost ~5 % of a 64×10 call
    public static double Run<TV, TS, TMode>(in BinaryCrossEntropyWithLogitsArgs a, int start, int end)
        where TV : struct where TS : struct, ISimd<TV> where TMode : struct, IBinaryCrossEntropyMode
    {
        // Constants in the plain instances, so the JIT removes the branches on them; run-time tests in the general one.
        var hasWeight = TMode.Extras && a.Weight != null;
        var hasPos = TMode.Extras && a.PosWeight != null;
        var hasUpstream = TMode.Extras && a.Upstream != null;
        var storeLosses = TMode.Extras && a.Losses != null;
        var withLoss = TMode.Extras ? a.WithLoss : TMode.Loss;
        var withGradient = TMode.Extras ? a.Gradient != null : TMode.Gradient;

        var width = TS.Count;
        var weightScratch = stackalloc float[PeriodicVector.ScratchLength];
        var posScratch = stackalloc float[PeriodicVector.ScratchLength];
        var weight = hasWeight ? PeriodicVector.Start(a.Weight, a.WeightPeriod, start, width, weightScratch) : default;
        var pos = hasPos ? PeriodicVector.Start(a.PosWeight, a.PosWeightPeriod, start, width, posScratch) : default;
        var scale = TS.Splat(a.GradientScale);

        double total = 0;
        var sum = TS.Zero;
        var chunks = 0;
        var fullEnd = start + (end - start) / width * width;
        for (var i = start; i < fullEnd; i += width)
        {
            var w = hasWeight ? weight.Next<TV, TS>() : default;
            var q = hasPos ? pos.Next<TV, TS>() : default;
            var up = hasUpstream ? TS.Multiply(scale, TS.Load(a.Upstream + i)) : scale;
            var loss = Chunk<TV, TS>(TS.Load(a.Logits + i), TS.Load(a.Targets + i), w, q, up, withGradient ? a.Gradient + i : null,
                withLoss, hasWeight, hasPos);
            if (!withLoss) continue;
            if (storeLosses) TS.Store(loss, a.Losses + i);
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
                u[k] = hasUpstream && k < count ? a.Upstream[fullEnd + k] : 1f;
            }
            var w = hasWeight ? weight.Next<TV, TS>() : default;
            var q = hasPos ? pos.Next<TV, TS>() : default;
            var up = hasUpstream ? TS.Multiply(scale, TS.Load(u)) : scale;
            var loss = Chunk<TV, TS>(TS.Load(x), TS.Load(y), w, q, up, withGradient ? outGradient : null, withLoss, hasWeight, hasPos);
            sum = TS.Add(sum, TS.Select(TS.LanesFrom(count), TS.Zero, loss));
            TS.Store(loss, outLoss);
            for (var k = 0; k < count; k++)
            {
                if (storeLosses) a.Losses[fullEnd + k] = outLoss[k];
                if (withGradient) a.Gradient[fullEnd + k] = outGradient[k];
            }
        }
        return withLoss ? total + TS.Sum(sum) : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Chunk<TV, TS>(TV x, TV y, TV w, TV q, TV upstream, float* gradient, bool withLoss, bool hasWeight, bool hasPos)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var one = TS.Splat(1f);
        var e = SimdMath.ExpNonPositive<TV, TS>(TS.Subtract(TS.Zero, TS.Abs(x)));
        var positiveTarget = hasPos ? TS.Multiply(q, y) : y;
        var negativeTarget = TS.Subtract(one, y);

        var negative = TS.LessThan(x, TS.Zero);
        var loss = TS.Zero;
        if (withLoss)
        {
            // (1 − y)·x + L·softplus(−x) with L = 1 + (q − 1)·y, regrouped by the sign of x so no two large terms cancel:
            // x < 0: −q·y·x + L·log1p(e); x ≥ 0: (1 − y)·x + L·log1p(e).
            var log1p = SimdMath.Log1p<TV, TS>(e);
            // PyTorch's literal form gives NaN at x = −∞ (∞ − ∞, or 0·∞) whatever the target; the regrouped form would give
            // +∞ there. Adding x − x on the negative side (0 for finite x, NaN for −∞) restores that without a branch.
            // At x = +∞ both forms already agree: (1 − y)·∞, NaN when y = 1.
            var linear = TS.MultiplyAdd(TS.Select(negative, TS.Subtract(TS.Zero, positiveTarget), negativeTarget), x,
                TS.Select(negative, TS.Subtract(x, x), TS.Zero));
            loss = hasPos ? TS.MultiplyAdd(LogWeight<TV, TS>(q, y), log1p, linear) : TS.Add(log1p, linear);
            if (hasWeight) loss = TS.Multiply(loss, w);
        }
        if (gradient != null)
        {
            // σ(−|x|) = e/(1 + e) is σ(x) for x < 0 and σ(−x) for x ≥ 0.
            // x < 0: L·σ(x) − q·y; x ≥ 0: (1 − y) − L·σ(−x). Each form is free of cancellation on its side.
            var small = TS.Multiply(e, TS.Reciprocal(TS.Add(one, e)));
            if (hasPos) small = TS.Multiply(LogWeight<TV, TS>(q, y), small);
            var g = TS.Select(negative, TS.Subtract(small, positiveTarget), TS.Subtract(negativeTarget, small));
            if (hasWeight) g = TS.Multiply(g, w);
            TS.Store(TS.Multiply(g, upstream), gradient);
        }
        return loss;
    }

    /// <summary>L = 1 + (q − 1)·y, the weight pos_weight puts on the softplus term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogWeight<TV, TS>(TV q, TV y) where TV : struct where TS : struct, ISimd<TV> =>
        TS.MultiplyAdd(TS.Subtract(q, TS.Splat(1f)), y, TS.Splat(1f));
}

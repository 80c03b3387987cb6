using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// BCE with logits, loss and gradient from one exp, one log and one reciprocal per element:
/// e = e^(−|x|), softplus(−x) = max(−x, 0) + log1p(e), σ(x) = (x ≥ 0 ? 1 : e)/(1 + e).
/// Loss and gradient are regrouped by the sign of x (as the plain path does) so that no two large terms cancel.
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
        var chunks = 0;
        var fullEnd = start + (end - start) / width * width;
        for (var i = start; i < fullEnd; i += width)
        {
            var w = a.Weight == null ? default : weight.Next<TV, TS>();
            var q = a.PosWeight == null ? default : pos.Next<TV, TS>();
            var up = a.Upstream == null ? scale : TS.Multiply(scale, TS.Load(a.Upstream + i));
            var loss = Chunk<TV, TS>(a, TS.Load(a.Logits + i), TS.Load(a.Targets + i), w, q, up, a.Gradient == null ? null : a.Gradient + i);
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
            var loss = Chunk<TV, TS>(a, TS.Load(x), TS.Load(y), w, q, up, a.Gradient == null ? null : outGradient);
            sum = TS.Add(sum, TS.Select(TS.LanesFrom(count), TS.Zero, loss));
            TS.Store(loss, outLoss);
            for (var k = 0; k < count; k++)
            {
                if (a.Losses != null) a.Losses[fullEnd + k] = outLoss[k];
                if (a.Gradient != null) a.Gradient[fullEnd + k] = outGradient[k];
            }
        }
        return a.WithLoss ? total + TS.Sum(sum) : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Chunk<TV, TS>(in BinaryCrossEntropyWithLogitsArgs a, TV x, TV y, TV w, TV q, TV upstream, float* gradient)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var one = TS.Splat(1f);
        var e = SimdMath.ExpNonPositive<TV, TS>(TS.Subtract(TS.Zero, TS.Abs(x)));
        var d = TS.Add(one, e);
        var rd = TS.Reciprocal(d);
        var hasPos = a.PosWeight != null;
        var logWeight = hasPos ? TS.MultiplyAdd(TS.Subtract(q, one), y, one) : one;

        var negative = TS.LessThan(x, TS.Zero);
        var loss = TS.Zero;
        if (a.WithLoss)
        {
            // (1 − y)·x + L·softplus(−x), regrouped by the sign of x so no two large terms cancel:
            // x < 0: −q·y·x + L·log1p(e); x ≥ 0: (1 − y)·x + L·log1p(e). Infinite x keeps the literal form,
            // so NaN appears exactly where PyTorch's formula gives ∞ − ∞ or 0·∞.
            var log1p = SimdMath.Log1p<TV, TS>(e, d, rd);
            var linear = TS.Select(negative,
                TS.Multiply(TS.Subtract(TS.Zero, hasPos ? TS.Multiply(q, y) : y), x),
                TS.Multiply(TS.Subtract(one, y), x));
            loss = TS.MultiplyAdd(logWeight, log1p, linear);
            var literal = TS.MultiplyAdd(logWeight, TS.Add(log1p, TS.Max(TS.Subtract(TS.Zero, x), TS.Zero)), TS.Multiply(TS.Subtract(one, y), x));
            loss = TS.Select(TS.GreaterThanOrEqual(TS.Abs(x), TS.Splat(float.PositiveInfinity)), literal, loss);
            if (a.Weight != null) loss = TS.Multiply(loss, w);
        }
        if (gradient != null)
        {
            // x < 0: L·σ(x) − q·y; x ≥ 0: (1 − y) − L·σ(−x). Each form is free of cancellation on its side.
            var sigmoidOfX = TS.Multiply(TS.Select(negative, e, one), rd);
            var sigmoidOfMinusX = TS.Multiply(TS.Select(negative, one, e), rd);
            var g = TS.Select(negative,
                TS.Subtract(TS.Multiply(logWeight, sigmoidOfX), hasPos ? TS.Multiply(q, y) : y),
                TS.Subtract(TS.Subtract(one, y), TS.Multiply(logWeight, sigmoidOfMinusX)));
            if (a.Weight != null) g = TS.Multiply(g, w);
            TS.Store(TS.Multiply(g, upstream), gradient);
        }
        return loss;
    }
}

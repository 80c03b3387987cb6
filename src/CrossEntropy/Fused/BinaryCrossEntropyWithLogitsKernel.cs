using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// BCE with logits, loss and gradient from one exp, one log and one reciprocal per element:
/// e = e^(−|x|), softplus(−x) = max(−x, 0) + log1p(e), σ(x) = (x ≥ 0 ? 1 : e)/(1 + e).
/// The gradient is written as L·σ(x) − q·y (L = 1 + (q − 1)·y), which has no cancellation when σ(x) is tiny.
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

        var loss = TS.Zero;
        if (a.WithLoss)
        {
            var softplus = TS.Add(SimdMath.Log1p<TV, TS>(e, d, rd), TS.Max(TS.Subtract(TS.Zero, x), TS.Zero));
            loss = TS.MultiplyAdd(logWeight, softplus, TS.Multiply(TS.Subtract(one, y), x));
            if (a.Weight != null) loss = TS.Multiply(loss, w);
        }
        if (gradient != null)
        {
            var sigmoid = TS.Multiply(TS.Select(TS.GreaterThanOrEqual(x, TS.Zero), one, e), rd);
            var g = hasPos
                ? TS.Subtract(TS.Multiply(logWeight, sigmoid), TS.Multiply(q, y))
                : TS.Subtract(sigmoid, y);
            if (a.Weight != null) g = TS.Multiply(g, w);
            TS.Store(TS.Multiply(g, upstream), gradient);
        }
        return loss;
    }
}

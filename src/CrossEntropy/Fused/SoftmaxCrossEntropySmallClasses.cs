using System.Runtime.CompilerServices;
namespace CrossEntropy.Fused;

/// <summary>
/// Softmax cross-entropy for fewer than 16 classes: a row is shorter than a vector, so the lanes hold
/// rows instead. Each block of rows is transposed into a class-major stack tile (one vector per class),
/// every row statistic is then a plain vector operation, and the gradient is transposed back.
/// This is the portable version (any width), for machines and class counts the register kernels do not take:
/// <see cref="SoftmaxCrossEntropySmallClasses512"/>, <see cref="SoftmaxCrossEntropySmallClasses256"/> and
/// <see cref="SoftmaxCrossEntropySmallClasses128"/>.
/// A scalar transpose through L1 costs about what a hardware gather does for one column, but it is
/// portable and also serves the way back, where a scatter would be needed.
/// </summary>
internal static unsafe class SoftmaxCrossEntropySmallClasses
{
    /// <summary>The largest class count this path takes (rows must be shorter than the widest vector).</summary>
    public const int MaxClasses = 15;

    /// <summary>Blocks whose lane losses are summed in float before flushing into the double total (as the BCE kernel).</summary>
    private const int BlocksPerFlush = 16;

    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>); returns the sum of their losses.</summary>
    [SkipLocalsInit] // every stack buffer is written before it is read; zeroing them cost ~5 % of a 64×10 call
    public static double Run<TV, TS>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd)
        where TV : struct where TS : struct, ISimd<TV>
    {
        var classes = a.Classes;
        var width = TS.Count;
        var tile = stackalloc float[MaxClasses * 16];   // tile[c·width + lane]
        var targetLogit = stackalloc float[16];
        var targetWeight = stackalloc float[16];
        var spreadLane = stackalloc float[16];
        var laneLoss = stackalloc float[16];
        var keep = stackalloc float[16];
        var lossSum = TS.Zero;
        var pending = 0;
        var smoothing = a.Smoothing != 0f;
        var spread = a.Smoothing / classes;
        var weight = a.Weight;
        double total = 0;

        for (var r0 = rowStart; r0 < rowEnd; r0 += width)
        {
            var rows = Math.Min(width, rowEnd - r0);
            var block = a.Logits + (long)r0 * classes;

            for (var lane = 0; lane < width; lane++)
            {
                if (lane >= rows)
                {
                    // Padding lanes compute a harmless all-zero row and are never written out.
                    for (var c = 0; c < classes; c++) tile[c * width + lane] = 0f;
                    targetLogit[lane] = targetWeight[lane] = spreadLane[lane] = keep[lane] = 0f;
                    continue;
                }
                var row = block + lane * classes;
                for (var c = 0; c < classes; c++) tile[c * width + lane] = row[c];
                var t = a.Targets[r0 + lane];
                var ignored = t == a.IgnoreIndex;
                targetLogit[lane] = ignored ? 0f : row[t];
                targetWeight[lane] = ignored ? 0f : (1f - a.Smoothing) * (weight == null ? 1f : weight[t]);
                spreadLane[lane] = ignored ? 0f : spread;
                keep[lane] = ignored ? 0f : 1f;
            }

            var max = TS.Load(tile);
            for (var c = 1; c < classes; c++) max = TS.Max(max, TS.Load(tile + c * width));

            TV sum = TS.Zero, weightedShift = TS.Zero;
            for (var c = 0; c < classes; c++)
            {
                var d = TS.Subtract(TS.Load(tile + c * width), max);
                var e = SimdMath.ExpNonPositive<TV, TS>(d);
                sum = TS.Add(sum, e);
                if (smoothing) weightedShift = TS.MultiplyAdd(TS.Splat(weight == null ? 1f : weight[c]), d, weightedShift);
                TS.Store(e, tile + c * width);
            }

            var logSum = SimdMath.Log<TV, TS>(sum);
            var wt = TS.Load(targetWeight);
            var sp = TS.Load(spreadLane);
            var loss = TS.Multiply(wt, TS.Subtract(logSum, TS.Subtract(TS.Load(targetLogit), max)));
            if (smoothing)
                loss = TS.MultiplyAdd(sp, TS.Subtract(TS.Multiply(TS.Splat(a.WeightTotal), logSum), weightedShift), loss);
            // An ignored row is exactly 0 even when its logits are not finite (padding lanes count as ignored).
            loss = TS.Select(TS.GreaterThanOrEqual(TS.Load(keep), TS.Splat(1f)), loss, TS.Zero);
            if (a.Losses != null)
            {
                if (rows == width) TS.Store(loss, a.Losses + r0);
                else
                {
                    TS.Store(loss, laneLoss);
                    for (var lane = 0; lane < rows; lane++) a.Losses[r0 + lane] = laneLoss[lane];
                }
            }
            // Lanes add up in a float vector, flushed into the double total every few blocks: the per-lane
            // double additions were a serial chain on the critical path of every block.
            lossSum = TS.Add(lossSum, loss);
            if (++pending == BlocksPerFlush)
            {
                total += TS.Sum(lossSum);
                lossSum = TS.Zero;
                pending = 0;
            }

            if (a.Gradient == null) continue;
            TV scale;
            if (a.Upstream == null) scale = TS.Splat(a.GradientScale);
            else
            {
                for (var lane = 0; lane < width; lane++) laneLoss[lane] = lane < rows ? a.GradientScale * a.Upstream[r0 + lane] : 0f;
                scale = TS.Load(laneLoss);
            }
            var alpha = TS.Multiply(TS.Multiply(scale, TS.MultiplyAdd(sp, TS.Splat(a.WeightTotal), wt)), TS.Reciprocal(sum));
            var beta = TS.Multiply(TS.Subtract(TS.Zero, scale), sp);
            TS.Store(TS.Multiply(scale, wt), targetWeight); // the one-hot part, per row
            for (var c = 0; c < classes; c++)
            {
                var e = TS.Load(tile + c * width);
                var gc = smoothing
                    ? TS.MultiplyAdd(e, alpha, weight == null ? beta : TS.Multiply(beta, TS.Splat(weight[c])))
                    : TS.Multiply(e, alpha);
                TS.Store(gc, tile + c * width);
            }

            var gradientBlock = a.Gradient + (long)r0 * classes;
            for (var lane = 0; lane < rows; lane++)
            {
                var row = gradientBlock + lane * classes;
                var t = a.Targets[r0 + lane];
                if (t == a.IgnoreIndex)
                {
                    for (var c = 0; c < classes; c++) row[c] = 0f;
                    continue;
                }
                for (var c = 0; c < classes; c++) row[c] = tile[c * width + lane];
                row[t] -= targetWeight[lane];
            }
        }
        return total + TS.Sum(lossSum);
    }
}

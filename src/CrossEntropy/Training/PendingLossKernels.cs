// TEMPORARY: stand-ins with the signatures of core-torch's kernels, so training builds before they land
// on main. Delete this file when merging main brings CrossEntropy.Losses.
namespace CrossEntropy.Losses;

internal static class BinaryCrossEntropyWithLogits
{
    public static double Forward(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets)
    {
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var x = logits[i];
            sum += Math.Max(x, 0) - x * targets[i] + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        }

        return sum / logits.Length;
    }

    public static void Backward(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        for (var i = 0; i < logits.Length; i++)
            gradient[i] = (1 / (1 + Math.Exp(-logits[i])) - targets[i]) / logits.Length;
    }
}

internal static class SoftmaxCrossEntropy
{
    public static double Forward(ReadOnlySpan<double> logits, ReadOnlySpan<int> targets, int classes)
    {
        Span<double> scratch = new double[logits.Length];
        return ForwardBackward(logits, targets, classes, scratch);
    }

    public static double ForwardBackward(ReadOnlySpan<double> logits, ReadOnlySpan<int> targets, int classes, Span<double> gradient)
    {
        var n = targets.Length;
        var sum = 0.0;
        for (var r = 0; r < n; r++)
        {
            var row = logits.Slice(r * classes, classes);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            var z = 0.0;
            foreach (var v in row) z += Math.Exp(v - max);
            var lse = max + Math.Log(z);
            sum += lse - row[targets[r]];
            for (var c = 0; c < classes; c++)
                gradient[r * classes + c] = (Math.Exp(row[c] - lse) - (c == targets[r] ? 1 : 0)) / n;
        }

        return sum / n;
    }
}

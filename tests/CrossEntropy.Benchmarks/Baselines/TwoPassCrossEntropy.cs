using System.Numerics.Tensors;

namespace CrossEntropy.Benchmarks.Baselines;

/// <summary>
/// The straightforward vectorized version: log-softmax of every row into an N×C buffer with TensorPrimitives,
/// then a second pass that gathers the targets' log-probabilities (and, for the gradient, exponentiates the
/// buffer and subtracts the one-hot). Caller-owned buffers, so it allocates nothing.
/// </summary>
public static class TwoPassCrossEntropy
{
    public static float Forward(float[] logits, int[] targets, int classes, float[] logSoftmax, float[] scratch)
    {
        LogSoftmax(logits, classes, logSoftmax, scratch);
        var rows = targets.Length;
        float total = 0;
        for (var r = 0; r < rows; r++) total -= logSoftmax[r * classes + targets[r]];
        return total / rows;
    }

    public static float ForwardBackward(float[] logits, int[] targets, int classes, float[] logSoftmax, float[] scratch, float[] gradient)
    {
        var loss = Forward(logits, targets, classes, logSoftmax, scratch);
        var rows = targets.Length;
        TensorPrimitives.Exp(logSoftmax, gradient);
        for (var r = 0; r < rows; r++) gradient[r * classes + targets[r]] -= 1f;
        TensorPrimitives.Multiply(gradient, 1f / rows, gradient);
        return loss;
    }

    private static void LogSoftmax(float[] logits, int classes, float[] destination, float[] scratch)
    {
        for (var start = 0; start < logits.Length; start += classes)
        {
            var row = logits.AsSpan(start, classes);
            var output = destination.AsSpan(start, classes);
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), output);
            TensorPrimitives.Exp(output, scratch.AsSpan(0, classes));
            TensorPrimitives.Subtract(output, MathF.Log(TensorPrimitives.Sum(scratch.AsSpan(0, classes))), output);
        }
    }
}

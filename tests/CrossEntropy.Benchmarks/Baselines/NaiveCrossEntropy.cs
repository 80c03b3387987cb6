namespace CrossEntropy.Benchmarks.Baselines;

/// <summary>
/// Cross-entropy as a tutorial writes it: a softmax array per row (max subtracted, so at least it is stable),
/// then the log of the target's probability; the gradient is softmax minus one-hot over N.
/// </summary>
public static class NaiveCrossEntropy
{
    public static float Forward(float[] logits, int[] targets, int classes)
    {
        var rows = targets.Length;
        float total = 0;
        for (var r = 0; r < rows; r++)
        {
            var probabilities = Softmax(logits, r * classes, classes);
            total += -MathF.Log(probabilities[targets[r]]);
        }
        return total / rows;
    }

    public static float ForwardBackward(float[] logits, int[] targets, int classes, float[] gradient)
    {
        var rows = targets.Length;
        float total = 0;
        for (var r = 0; r < rows; r++)
        {
            var probabilities = Softmax(logits, r * classes, classes);
            total += -MathF.Log(probabilities[targets[r]]);
            for (var c = 0; c < classes; c++)
                gradient[r * classes + c] = (probabilities[c] - (c == targets[r] ? 1f : 0f)) / rows;
        }
        return total / rows;
    }

    private static float[] Softmax(float[] logits, int start, int classes)
    {
        var max = float.NegativeInfinity;
        for (var c = 0; c < classes; c++) max = Math.Max(max, logits[start + c]);
        var probabilities = new float[classes];
        float sum = 0;
        for (var c = 0; c < classes; c++)
        {
            probabilities[c] = MathF.Exp(logits[start + c] - max);
            sum += probabilities[c];
        }
        for (var c = 0; c < classes; c++) probabilities[c] /= sum;
        return probabilities;
    }
}

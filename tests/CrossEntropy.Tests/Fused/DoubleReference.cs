namespace CrossEntropy.Tests.Fused;

/// <summary>
/// Textbook double-precision cross-entropy, written for clarity rather than speed: log-softmax per row,
/// then the loss as Σ_c coefficient_c·(−log p_c) and its gradient p·Σ coefficient − coefficient.
/// The fused float kernels are compared against it on random shapes.
/// </summary>
internal static class DoubleReference
{
    public static double SoftmaxCrossEntropy(
        float[] logits, int[] targets, int classes, float[]? weight, int ignoreIndex, double smoothing,
        Reduction reduction, float[]? gradOutput, double[] losses, double[] gradient, double[]? gradientScale = null)
    {
        var rows = targets.Length;
        double denominator = 0;
        foreach (var t in targets) if (t != ignoreIndex) denominator += weight is null ? 1 : weight[t];
        var scale = reduction == Reduction.Mean ? 1 / denominator : 1;
        double total = 0;
        var logp = new double[classes];
        var coefficient = new double[classes];
        for (var r = 0; r < rows; r++)
        {
            var t = targets[r];
            if (t == ignoreIndex)
            {
                losses[r] = 0;
                if (gradientScale is not null) gradientScale[r] = 0;
                for (var c = 0; c < classes; c++) gradient[r * classes + c] = 0;
                continue;
            }
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++) max = Math.Max(max, logits[r * classes + c]);
            double sum = 0;
            for (var c = 0; c < classes; c++) sum += Math.Exp(logits[r * classes + c] - max);
            var lse = max + Math.Log(sum);
            double loss = 0, coefficientTotal = 0;
            for (var c = 0; c < classes; c++)
            {
                logp[c] = logits[r * classes + c] - lse;
                var w = weight is null ? 1.0 : weight[c];
                coefficient[c] = smoothing / classes * w + (c == t ? (1 - smoothing) * w : 0);
                // Without smoothing only the target term exists (so a −∞ logit elsewhere does not give 0·∞).
                if (c == t || smoothing != 0) loss -= coefficient[c] * logp[c];
                coefficientTotal += coefficient[c];
            }
            losses[r] = loss;
            total += loss;
            var upstream = scale * (reduction == Reduction.None && gradOutput is not null ? gradOutput[r] : gradOutput is not null ? gradOutput[0] : 1);
            for (var c = 0; c < classes; c++)
                gradient[r * classes + c] = upstream * (Math.Exp(logp[c]) * coefficientTotal - coefficient[c]);
            // The size of the terms a gradient entry is the difference of: a float result is good to an ulp of this.
            if (gradientScale is not null) gradientScale[r] = Math.Abs(upstream * coefficientTotal);
        }
        return reduction == Reduction.Mean ? total / denominator : total;
    }

    public static double BinaryCrossEntropyWithLogits(
        float[] logits, float[] targets, float[]? weight, float[]? posWeight, Reduction reduction, float[]? gradOutput,
        double[] losses, double[] gradient)
    {
        var n = logits.Length;
        var scale = reduction == Reduction.Mean ? 1.0 / n : 1.0;
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            double x = logits[i], y = targets[i];
            var w = weight is null ? 1.0 : weight[i % weight.Length];
            var q = posWeight is null ? 1.0 : posWeight[i % posWeight.Length];
            var logSigmoid = Math.Min(x, 0) - Math.Log(1 + Math.Exp(-Math.Abs(x)));
            var logOneMinusSigmoid = logSigmoid - x; // log(1 − σ(x)) = log σ(−x)
            var loss = -w * (q * y * logSigmoid + (1 - y) * logOneMinusSigmoid);
            losses[i] = loss;
            total += loss;
            var sigmoid = x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
            var upstream = scale * (reduction == Reduction.None && gradOutput is not null ? gradOutput[i] : gradOutput is not null ? gradOutput[0] : 1);
            gradient[i] = upstream * w * (q * y * (sigmoid - 1) + (1 - y) * sigmoid);
        }
        return reduction == Reduction.Mean ? total / n : total;
    }
}

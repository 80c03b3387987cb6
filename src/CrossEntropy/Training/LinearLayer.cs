using System.Numerics.Tensors;

namespace CrossEntropy.Training;

/// <summary>
/// The affine map both models share, logits = X·Wᵀ + b, and its gradient, over caller-owned buffers.
/// W is stored class-major (K rows of F weights) so each logit is one contiguous dot product.
/// </summary>
internal static class LinearLayer
{
    /// <summary>Writes rows×K logits for rows×F features.</summary>
    public static void Forward(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> logits)
    {
        var outputs = bias.Length;
        var rows = features.Length / featureCount;
        for (var n = 0; n < rows; n++)
        {
            var x = features.Slice(n * featureCount, featureCount);
            for (var k = 0; k < outputs; k++)
                logits[n * outputs + k] = TensorPrimitives.Dot(x, weights.Slice(k * featureCount, featureCount)) + bias[k];
        }
    }

    /// <summary>
    /// Overwrites <paramref name="weightGradient"/> (K×F) with Gᵀ·X and <paramref name="biasGradient"/> (K)
    /// with the column sums of G, where G is the rows×K gradient of the loss w.r.t. the logits.
    /// </summary>
    public static void Backward(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> logitGradient,
        Span<double> weightGradient, Span<double> biasGradient)
    {
        var outputs = biasGradient.Length;
        var rows = features.Length / featureCount;
        weightGradient.Clear();
        biasGradient.Clear();
        for (var n = 0; n < rows; n++)
        {
            var x = features.Slice(n * featureCount, featureCount);
            for (var k = 0; k < outputs; k++)
            {
                var g = logitGradient[n * outputs + k];
                var row = weightGradient.Slice(k * featureCount, featureCount);
                TensorPrimitives.MultiplyAdd(x, g, row, row);
                biasGradient[k] += g;
            }
        }
    }

    /// <summary>θ ← θ − η·g, in place.</summary>
    public static void Descend(Span<double> parameters, ReadOnlySpan<double> gradient, double learningRate) =>
        TensorPrimitives.MultiplyAdd(gradient, -learningRate, parameters, parameters);
}

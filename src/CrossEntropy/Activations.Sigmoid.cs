using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy;

/// <summary>
/// Activations that turn scores (logits) into probabilities or log-probabilities, elementwise or per row
/// of an N×C buffer, with the backward passes libtorch autograd uses. Span in, span out, no allocation;
/// every function is exact for scores of any magnitude (±1e4 included) and propagates NaN.
/// </summary>
public static partial class Activations
{
    /// <summary>
    /// Elementwise logistic sigmoid, as <c>torch.sigmoid</c>: σ(x) = 1 / (1 + e^{−x}).
    /// </summary>
    /// <remarks>
    /// Shapes: any; <paramref name="destination"/> has the length of <paramref name="x"/> and may be the same span.
    /// Edge cases: σ(−∞) = 0, σ(+∞) = 1, very negative x underflows smoothly to 0 (subnormals included); NaN stays NaN.
    /// </remarks>
    /// <param name="x">The scores.</param>
    /// <param name="destination">Receives σ(x).</param>
    /// <exception cref="ArgumentException">The lengths differ or <paramref name="x"/> is empty.</exception>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.DestinationLength(destination, x.Length, nameof(destination));
        for (var i = 0; i < x.Length; i++)
            destination[i] = ScalarMath.Sigmoid(x[i]);
    }

    /// <summary>
    /// Elementwise log of the sigmoid, as <c>F.logsigmoid</c>: log σ(x) = −(max(−x, 0) + log(1 + e^{−|x|})).
    /// </summary>
    /// <remarks>
    /// Computing log(σ(x)) naively gives −∞ once σ underflows (x below about −88 in float32); this form returns x
    /// there (log σ(x) ≈ x) and a tiny negative number for large positive x. <paramref name="destination"/> may be
    /// the same span as <paramref name="x"/>. NaN stays NaN.
    /// </remarks>
    /// <param name="x">The scores.</param>
    /// <param name="destination">Receives log σ(x) (always ≤ 0).</param>
    /// <exception cref="ArgumentException">The lengths differ or <paramref name="x"/> is empty.</exception>
    public static void LogSigmoid<T>(ReadOnlySpan<T> x, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.DestinationLength(destination, x.Length, nameof(destination));
        for (var i = 0; i < x.Length; i++)
            destination[i] = ScalarMath.LogSigmoid(x[i]);
    }

    /// <summary>
    /// Backward of <see cref="Sigmoid{T}"/> from its output, as libtorch's <c>sigmoid_backward</c>:
    /// gradient = gradOutput · y · (1 − y) with y = σ(x).
    /// </summary>
    /// <param name="output">The sigmoid values y computed by the forward pass.</param>
    /// <param name="gradOutput">d(objective)/dy, one per element.</param>
    /// <param name="gradient">Receives d(objective)/dx; may be the same span as <paramref name="gradOutput"/>.</param>
    /// <exception cref="ArgumentException">The three lengths differ or the input is empty.</exception>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> gradOutput, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(output, nameof(output));
        Guard.SameLength(output, nameof(output), gradOutput, nameof(gradOutput));
        Guard.DestinationLength(gradient, output.Length, nameof(gradient));
        for (var i = 0; i < output.Length; i++)
        {
            var y = output[i];
            gradient[i] = gradOutput[i] * y * (T.One - y);
        }
    }

    /// <summary>
    /// Backward of <see cref="LogSigmoid{T}"/> from its input: gradient = gradOutput · σ(−x) (= 1 − σ(x), computed
    /// without cancellation).
    /// </summary>
    /// <param name="x">The scores the forward pass saw.</param>
    /// <param name="gradOutput">d(objective)/d log σ(x), one per element.</param>
    /// <param name="gradient">Receives d(objective)/dx; may be the same span as <paramref name="gradOutput"/>.</param>
    /// <exception cref="ArgumentException">The three lengths differ or the input is empty.</exception>
    public static void LogSigmoidBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, nameof(x), gradOutput, nameof(gradOutput));
        Guard.DestinationLength(gradient, x.Length, nameof(gradient));
        for (var i = 0; i < x.Length; i++)
            gradient[i] = gradOutput[i] * ScalarMath.LogSigmoidDerivative(x[i]);
    }
}

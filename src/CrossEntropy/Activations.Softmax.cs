using System.Numerics;
using System.Numerics.Tensors;
using CrossEntropy.Internal;

namespace CrossEntropy;

public static partial class Activations
{
    /// <summary>
    /// Softmax of each row of an N×C buffer, as <c>F.softmax(x, dim=-1)</c>:
    /// softmax(x)_c = exp(x_c − m) / Σ_k exp(x_k − m), m = max_k x_k.
    /// </summary>
    /// <remarks>
    /// Subtracting the row maximum makes it exact for any magnitude (unlike <c>TensorPrimitives.SoftMax</c>,
    /// which overflows past ~88 in float32). Each row sums to 1 up to rounding. A row containing NaN, or +∞, gives NaN;
    /// a row of −∞ gives NaN (0/0), as in PyTorch. <paramref name="destination"/> may be the same span as <paramref name="x"/>.
    /// </remarks>
    /// <param name="x">Scores, N rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="destination">Receives the probabilities, same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Empty input, a length that is not a whole number of rows, or a destination of the wrong length.</exception>
    public static void Softmax<T>(ReadOnlySpan<T> x, int classes, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        var rows = Guard.WholeRows(x, classes, nameof(x));
        Guard.DestinationLength(destination, x.Length, nameof(destination));
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * classes, classes);
            var dst = destination.Slice(r * classes, classes);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, dst);
            TensorPrimitives.Exp(dst, dst);
            var sum = TensorPrimitives.Sum<T>(dst);
            TensorPrimitives.Divide(dst, sum, dst);
        }
    }

    /// <summary>
    /// Log-softmax of each row, as <c>F.log_softmax(x, dim=-1)</c>: (x_c − m) − log Σ_k exp(x_k − m).
    /// </summary>
    /// <remarks>
    /// Never computed as log(softmax(x)): the result stays finite and exact where the probability underflows
    /// (e.g. −20000.31 for a logit 2·10⁴ below the maximum). NaN/∞ behave as in <see cref="Softmax{T}"/>.
    /// <paramref name="destination"/> may be the same span as <paramref name="x"/>.
    /// </remarks>
    /// <param name="x">Scores, N rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="destination">Receives the log-probabilities (all ≤ 0).</param>
    /// <exception cref="ArgumentException">Empty input, a length that is not a whole number of rows, or a destination of the wrong length.</exception>
    public static void LogSoftmax<T>(ReadOnlySpan<T> x, int classes, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        var rows = Guard.WholeRows(x, classes, nameof(x));
        Guard.DestinationLength(destination, x.Length, nameof(destination));
        for (var r = 0; r < rows; r++)
        {
            var dst = destination.Slice(r * classes, classes);
            TensorPrimitives.Subtract(x.Slice(r * classes, classes), TensorPrimitives.Max(x.Slice(r * classes, classes)), dst);
            var sum = T.Zero;
            foreach (var v in dst) sum += T.Exp(v);
            TensorPrimitives.Subtract(dst, T.Log(sum), dst);
        }
    }

    /// <summary>
    /// log Σ_c exp(x_c) of each row, as <c>torch.logsumexp(x, dim=-1)</c>: m + log Σ_c exp(x_c − m).
    /// </summary>
    /// <remarks>
    /// One value per row. When the maximum is infinite the shift is skipped, as libtorch does, so a row of −∞
    /// gives −∞ and a row containing +∞ gives +∞; NaN propagates.
    /// </remarks>
    /// <param name="x">Scores, N rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="destination">Receives N values.</param>
    /// <exception cref="ArgumentException">Empty input, a length that is not a whole number of rows, or a destination that is not one value per row.</exception>
    public static void LogSumExp<T>(ReadOnlySpan<T> x, int classes, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        var rows = Guard.WholeRows(x, classes, nameof(x));
        Guard.DestinationLength(destination, rows, nameof(destination));
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * classes, classes);
            var max = TensorPrimitives.Max(row);
            if (T.IsInfinity(max)) max = T.Zero;
            var sum = T.Zero;
            foreach (var v in row) sum += T.Exp(v - max);
            destination[r] = max + T.Log(sum);
        }
    }

    /// <summary>
    /// Backward of <see cref="Softmax{T}"/> from its output y, per row: gradient_c = y_c · (g_c − Σ_k g_k·y_k).
    /// </summary>
    /// <param name="output">The softmax values y of the forward pass.</param>
    /// <param name="gradOutput">d(objective)/dy, same shape.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="gradient">Receives d(objective)/dx; may be the same span as <paramref name="gradOutput"/>.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, empty input or a length that is not a whole number of rows.</exception>
    public static void SoftmaxBackward<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> gradOutput, int classes, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(output, nameof(output));
        var rows = Guard.WholeRows(output, classes, nameof(output));
        Guard.SameLength(output, nameof(output), gradOutput, nameof(gradOutput));
        Guard.DestinationLength(gradient, output.Length, nameof(gradient));
        for (var r = 0; r < rows; r++)
        {
            var y = output.Slice(r * classes, classes);
            var g = gradOutput.Slice(r * classes, classes);
            var dot = TensorPrimitives.Dot(g, y);
            var dst = gradient.Slice(r * classes, classes);
            for (var c = 0; c < classes; c++)
                dst[c] = y[c] * (g[c] - dot);
        }
    }

    /// <summary>
    /// Backward of <see cref="LogSoftmax{T}"/> from its output l, per row: gradient_c = g_c − exp(l_c) · Σ_k g_k.
    /// </summary>
    /// <param name="output">The log-softmax values l of the forward pass.</param>
    /// <param name="gradOutput">d(objective)/dl, same shape.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="gradient">Receives d(objective)/dx; may be the same span as <paramref name="gradOutput"/>.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, empty input or a length that is not a whole number of rows.</exception>
    public static void LogSoftmaxBackward<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> gradOutput, int classes, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(output, nameof(output));
        var rows = Guard.WholeRows(output, classes, nameof(output));
        Guard.SameLength(output, nameof(output), gradOutput, nameof(gradOutput));
        Guard.DestinationLength(gradient, output.Length, nameof(gradient));
        for (var r = 0; r < rows; r++)
        {
            var l = output.Slice(r * classes, classes);
            var g = gradOutput.Slice(r * classes, classes);
            var sum = TensorPrimitives.Sum(g);
            var dst = gradient.Slice(r * classes, classes);
            for (var c = 0; c < classes; c++)
                dst[c] = g[c] - T.Exp(l[c]) * sum;
        }
    }

    /// <summary>
    /// Backward of <see cref="LogSumExp{T}"/>: gradient_{r,c} = gradOutput_r · exp(x_{r,c} − lse_r), i.e. the softmax
    /// of the row scaled by the row's upstream gradient.
    /// </summary>
    /// <param name="x">The scores of the forward pass, N rows of <paramref name="classes"/>.</param>
    /// <param name="result">The N log-sum-exp values of the forward pass.</param>
    /// <param name="gradOutput">d(objective)/d lse, N values.</param>
    /// <param name="classes">Values per row (C).</param>
    /// <param name="gradient">Receives d(objective)/dx, same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, empty input or a length that is not a whole number of rows.</exception>
    public static void LogSumExpBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, ReadOnlySpan<T> gradOutput, int classes, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(x, nameof(x));
        var rows = Guard.WholeRows(x, classes, nameof(x));
        if (result.Length != rows)
            throw new ArgumentException($"result has {result.Length} values: expected {rows} (one per row).", nameof(result));
        Guard.SameLength(result, nameof(result), gradOutput, nameof(gradOutput));
        Guard.DestinationLength(gradient, x.Length, nameof(gradient));
        for (var r = 0; r < rows; r++)
        {
            var g = gradOutput[r];
            var lse = result[r];
            for (int c = 0, i = r * classes; c < classes; c++, i++)
                gradient[i] = g * T.Exp(x[i] - lse);
        }
    }
}

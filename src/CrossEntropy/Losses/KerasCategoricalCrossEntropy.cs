using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Keras 3 <c>keras.losses.CategoricalCrossentropy</c> / <c>categorical_crossentropy</c> as span kernels:
/// cross-entropy between a target distribution and a predicted one, per row of C classes.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> Labels are smoothed towards uniform: y' = y·(1 − ε_ls) + ε_ls / C. From probabilities each
/// row p is first divided by its sum S = Σ p (so unnormalised rows are accepted), then clipped to
/// [1e-7, 1 − 1e-7] in float32 ([1.0000000116860974e-07, 0.99999988079071044921875]):
/// loss = −Σ_c y'_c · log(clip(p_c / S)). From logits: loss = Σ_c y'_c · (logsumexp(x) − x_c), stable for any |x|
/// (TensorFlow's softmax_cross_entropy_with_logits).</para>
/// <para><b>Shapes.</b> <c>yTrue</c>, <c>yPred</c>: N×C row-major (leading axes flattened into N). <c>losses</c>: N
/// values or empty. <c>sampleWeight</c>: N, 1, or a leading-axis length dividing N. <c>gradient</c>: N×C.</para>
/// <para><b>Reduction.</b> As in <see cref="KerasReduction"/>; see <see cref="KerasBinaryCrossEntropy"/> for the
/// None and rank-1 conventions.</para>
/// <para><b>Gradient</b> (TensorFlow conventions). From probabilities: with q = p / S and
/// g_c = −y'_c / clip(q_c) where 1e-7 ≤ q_c ≤ 1 − 1e-7 (closed interval) and 0 elsewhere,
/// ∂loss/∂p_j = (g_j − Σ_c g_c·q_c) / S. From logits: softmax(x) − y', TensorFlow's kernel gradient, which is the
/// true derivative only when the labels of the row sum to 1 (otherwise it is (Σy')·softmax − y').
/// Scaled by gradOutput · w / divisor.</para>
/// <para><b>Edge cases.</b> Labels in [0, 1]; probabilities ≥ 0 with a positive row sum (values above 1 are allowed
/// because the row is rescaled); NaN predictions propagate.</para>
/// </remarks>
public static class KerasCategoricalCrossEntropy
{
    /// <summary>The reduced loss; per-sample losses go to <paramref name="losses"/> when it is not empty.</summary>
    /// <param name="yTrue">Target distributions (one-hot or soft), N×C.</param>
    /// <param name="yPred">Probabilities (rescaled per row) or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="classes">C, the number of classes (the last axis).</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <returns>The reduced loss (for <see cref="KerasReduction.None"/>: Σ loss·w).</returns>
    public static T Forward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> losses = default,
        bool fromLogits = false, double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Categorical(yTrue, yPred, classes, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        return KerasRowLoop.Forward(new Rows<T>(yTrue, yPred, classes, fromLogits, labelSmoothing), rows, losses, reduction, sampleWeight);
    }

    /// <summary>The reduced loss, and d(Σ output·gradOutput)/d(yPred) written to <paramref name="gradient"/>.</summary>
    /// <param name="yTrue">Target distributions, N×C.</param>
    /// <param name="yPred">Probabilities or logits, N×C.</param>
    /// <param name="classes">C.</param>
    /// <param name="gradient">Destination, N×C.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <param name="gradOutput">Upstream gradient: N values for <see cref="KerasReduction.None"/>, otherwise 1; empty means ones.</param>
    /// <returns>The same value as <see cref="Forward{T}"/>.</returns>
    public static T ForwardBackward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> gradient,
        Span<T> losses = default, bool fromLogits = false, double labelSmoothing = 0,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, ReadOnlySpan<T> sampleWeight = default,
        ReadOnlySpan<T> gradOutput = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Categorical(yTrue, yPred, classes, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        KerasArgs.Gradient(gradient, yPred.Length, gradOutput, rows, reduction);
        return KerasRowLoop.ForwardBackward(new Rows<T>(yTrue, yPred, classes, fromLogits, labelSmoothing), rows, classes,
            gradient, losses, reduction, sampleWeight, gradOutput);
    }

    private readonly ref struct Rows<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, bool fromLogits, double labelSmoothing)
        : IKerasRowLoss<T> where T : IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _yTrue = yTrue, _yPred = yPred;
        private readonly T _labelSmoothing = T.CreateChecked(labelSmoothing);

        public T Loss(int row) =>
            RowLoss(_yTrue.Slice(row * classes, classes), _yPred.Slice(row * classes, classes), fromLogits, _labelSmoothing);

        public T LossAndGradient(int row, T factor, Span<T> gradient)
        {
            var y = _yTrue.Slice(row * classes, classes);
            var x = _yPred.Slice(row * classes, classes);
            // The loss first: a caller may reuse yPred's buffer as the gradient.
            var loss = RowLoss(y, x, fromLogits, _labelSmoothing);
            RowGradient(y, x, fromLogits, _labelSmoothing, factor, gradient);
            return loss;
        }
    }

    internal static T Smooth<T>(T y, T labelSmoothing, int classes) where T : IFloatingPointIeee754<T> =>
        labelSmoothing == T.Zero ? y : y * (T.One - labelSmoothing) + labelSmoothing / T.CreateChecked(classes);

    private static T RowLoss<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> x, bool fromLogits, T ls) where T : IFloatingPointIeee754<T>
    {
        var loss = T.Zero;
        if (fromLogits)
        {
            var row = RowStatistics<T>.Of(x, 0, x.Length, 1);
            for (var c = 0; c < x.Length; c++)
                loss -= Smooth(y[c], ls, x.Length) * row.LogProbability(x[c]);
            return loss;
        }
        var sum = Sum(x);
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        for (var c = 0; c < x.Length; c++)
            loss -= Smooth(y[c], ls, x.Length) * T.Log(KerasClip.Clip(x[c] / sum, lo, hi));
        return loss;
    }

    private static void RowGradient<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> x, bool fromLogits, T ls, T factor, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
    {
        if (fromLogits)
        {
            var row = RowStatistics<T>.Of(x, 0, x.Length, 1);
            for (var c = 0; c < x.Length; c++)
                gradient[c] = factor * (T.Exp(row.LogProbability(x[c])) - Smooth(y[c], ls, x.Length));
            return;
        }
        var sum = Sum(x);
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        var dot = T.Zero;
        for (var c = 0; c < x.Length; c++)
        {
            var q = x[c] / sum;
            var g = KerasClip.Passes(q, lo, hi) ? -Smooth(y[c], ls, x.Length) / KerasClip.Clip(q, lo, hi) : T.Zero;
            gradient[c] = g;
            dot += g * q;
        }
        for (var c = 0; c < x.Length; c++)
            gradient[c] = factor * (gradient[c] - dot) / sum;
    }

    internal static T Sum<T>(ReadOnlySpan<T> row) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        foreach (var v in row) sum += v;
        return sum;
    }
}

using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Keras 3 <c>keras.losses.BinaryCrossentropy</c> / <c>binary_crossentropy</c> as span kernels: binary cross-entropy
/// of each element, averaged over the last axis, then weighted and reduced.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> Labels are first smoothed towards 0.5: y' = y·(1 − ε_ls) + 0.5·ε_ls. From probabilities
/// (<c>fromLogits: false</c>) each p is clipped to [1e-7, 1 − 1e-7] in float32, i.e. to
/// [1.0000000116860974e-07, 0.99999988079071044921875] (so −log(1 − p) at p = 1 is 15.942385, not 16.118),
/// and the element loss is −[y'·log(clip(p)) + (1 − y')·log(1 − clip(p))]. From logits it is the stable
/// max(x, 0) − x·y' + log(1 + e^−|x|), finite for any |x|. Per-sample loss: the mean of the D element losses
/// of its row.</para>
/// <para><b>Shapes.</b> <c>yTrue</c> and <c>yPred</c>: N×D row-major (any leading shape flattened to N; a rank-1
/// tensor of D values is one row). <c>losses</c>: N values or empty. <c>sampleWeight</c>: N values, 1 value, or a
/// leading-axis length that divides N (broadcast over the rest). <c>gradient</c>: N×D.</para>
/// <para><b>Reduction.</b> See <see cref="KerasReduction"/>: the default divides Σ(loss·w) by N, not Σw. For
/// <see cref="KerasReduction.None"/> the return value is Σ(loss·w) and the loss object's output is losses[i]·w[i].
/// Keras returns a rank-1 input's scalar per-sample loss unreduced; with N = 1 every reduction here gives that
/// same value except <see cref="KerasReduction.MeanWithSampleWeight"/> with a weight (Keras: loss·w; here: loss).</para>
/// <para><b>Gradient</b> (w.r.t. <c>yPred</c>, TensorFlow conventions): from probabilities
/// (−y'/c + (1 − y')/(1 − c)) / D with c = clip(p), passed where lo ≤ p ≤ hi (the closed interval) and 0 strictly
/// outside; from logits (σ(x) − y') / D. Each is multiplied by gradOutput · w · (1 / divisor of the reduction).</para>
/// <para><b>Edge cases.</b> Labels must be in [0, 1] (soft labels allowed), probabilities in [0, 1]; NaN
/// predictions propagate to the loss and gradient. Bad shapes, weights or options throw <see cref="ArgumentException"/>.</para>
/// </remarks>
public static class KerasBinaryCrossEntropy
{
    /// <summary>The reduced loss; per-sample losses (before weighting) go to <paramref name="losses"/> when it is not empty.</summary>
    /// <param name="yTrue">Labels in [0, 1], N×D.</param>
    /// <param name="yPred">Probabilities in [0, 1] or, with <paramref name="fromLogits"/>, logits; N×D.</param>
    /// <param name="lastAxis">D, the length of the last axis that is averaged.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1]: labels move towards 0.5.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty for all ones.</param>
    /// <returns>The reduced loss (for <see cref="KerasReduction.None"/>: Σ loss·w).</returns>
    public static T Forward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Span<T> losses = default,
        bool fromLogits = false, double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Binary(yTrue, yPred, lastAxis, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        return KerasRowLoop.Forward(new Rows<T>(yTrue, yPred, lastAxis, fromLogits, labelSmoothing), rows, losses, reduction, sampleWeight);
    }

    /// <summary>The reduced loss, and d(Σ output·gradOutput)/d(yPred) written to <paramref name="gradient"/>.</summary>
    /// <param name="yTrue">Labels in [0, 1], N×D.</param>
    /// <param name="yPred">Probabilities in [0, 1] or, with <paramref name="fromLogits"/>, logits; N×D.</param>
    /// <param name="lastAxis">D, the length of the last axis that is averaged.</param>
    /// <param name="gradient">Destination, N×D.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty for all ones.</param>
    /// <param name="gradOutput">Upstream gradient: N values for <see cref="KerasReduction.None"/>, otherwise 1 value; empty means ones.</param>
    /// <returns>The same value as <see cref="Forward{T}"/>.</returns>
    public static T ForwardBackward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Span<T> gradient,
        Span<T> losses = default, bool fromLogits = false, double labelSmoothing = 0,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, ReadOnlySpan<T> sampleWeight = default,
        ReadOnlySpan<T> gradOutput = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Binary(yTrue, yPred, lastAxis, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        KerasArgs.Gradient(gradient, yPred.Length, gradOutput, rows, reduction);
        return KerasRowLoop.ForwardBackward(new Rows<T>(yTrue, yPred, lastAxis, fromLogits, labelSmoothing), rows, lastAxis,
            gradient, losses, reduction, sampleWeight, gradOutput);
    }

    /// <summary>A sample's loss is the mean of its D element losses over the last axis, as Keras averages axis −1.</summary>
    private readonly ref struct Rows<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, bool fromLogits, double labelSmoothing)
        : IKerasRowLoss<T> where T : IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _yTrue = yTrue, _yPred = yPred;
        private readonly T _labelSmoothing = T.CreateChecked(labelSmoothing), _d = T.CreateChecked(lastAxis);

        public T Loss(int row)
        {
            var sum = T.Zero;
            for (var j = row * lastAxis; j < (row + 1) * lastAxis; j++)
                sum += Element(Smooth(_yTrue[j], _labelSmoothing), _yPred[j], fromLogits);
            return sum / _d;
        }

        public T LossAndGradient(int row, T factor, Span<T> gradient)
        {
            factor /= _d;
            var sum = T.Zero;
            for (int j = row * lastAxis, k = 0; k < lastAxis; j++, k++)
            {
                var y = Smooth(_yTrue[j], _labelSmoothing);
                sum += Element(y, _yPred[j], fromLogits);
                gradient[k] = factor * ElementGradient(y, _yPred[j], fromLogits);
            }
            return sum / _d;
        }
    }

    internal static T Smooth<T>(T y, T labelSmoothing) where T : IFloatingPointIeee754<T> =>
        labelSmoothing == T.Zero ? y : y * (T.One - labelSmoothing) + T.CreateChecked(0.5) * labelSmoothing;

    /// <summary>One element's loss: the clipped-probability form or the stable logit form.</summary>
    internal static T Element<T>(T y, T prediction, bool fromLogits) where T : IFloatingPointIeee754<T>
    {
        if (fromLogits)
            return T.Max(prediction, T.Zero) - prediction * y + ScalarMath.Log1P(T.Exp(-T.Abs(prediction)));
        var c = KerasClip.Clip(prediction, KerasClip.Lo<T>(), KerasClip.Hi<T>());
        return -(y * T.Log(c) + (T.One - y) * T.Log(T.One - c));
    }

    /// <summary>d(element loss)/d(prediction), with tf.clip_by_value's pass-through on the closed interval.</summary>
    internal static T ElementGradient<T>(T y, T prediction, bool fromLogits) where T : IFloatingPointIeee754<T>
    {
        if (fromLogits)
            return ScalarMath.Sigmoid(prediction) - y;
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        if (!KerasClip.Passes(prediction, lo, hi)) return T.Zero;
        var c = KerasClip.Clip(prediction, lo, hi);
        return -y / c + (T.One - y) / (T.One - c);
    }
}

using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Keras 3 <c>keras.losses.BinaryFocalCrossentropy</c> / <c>binary_focal_crossentropy</c> as span kernels:
/// binary cross-entropy down-weighted on elements the model already gets right.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> y' = y·(1 − ε_ls) + 0.5·ε_ls; p = σ(x) when <c>fromLogits</c>, else the given probability.
/// bce = −[y'·log c + (1 − y')·log(1 − c)] with c = clip(p) to [1e-7, 1 − 1e-7] in float32 (Keras 3 uses this
/// clipped form even from logits, so terms saturate near 15.9–16.1). p_t = y'·p + (1 − y')·(1 − p) on the
/// <i>unclipped</i> p; element loss = (1 − p_t)^γ · bce, times α_t = y'·α + (1 − y')·(1 − α) when
/// <c>applyClassBalancing</c>. Per-sample loss: the mean over the last axis.</para>
/// <para><b>Shapes, reduction.</b> As <see cref="KerasBinaryCrossEntropy"/>: N×D inputs, N per-sample losses.</para>
/// <para><b>Gradient</b> (TensorFlow conventions). With u = 1 − p_t (∂u/∂p = 1 − 2y'):
/// ∂/∂p = α_t·[γ·u^(γ−1)·(1 − 2y')·bce + u^γ·∂bce/∂p], where ∂bce/∂p = −y'/c + (1 − y')/(1 − c) on the closed clip
/// interval and 0 strictly outside; from logits it is multiplied by σ'(x) = p(1 − p). The γ·u^(γ−1) factor is taken
/// as 0 when γ = 0 (TensorFlow's pow gradient would give 0·∞ = NaN at u = 0). Divided by D and scaled by
/// gradOutput · w / divisor.</para>
/// <para><b>Edge cases.</b> γ ≥ 0 and finite; α in [0, 1]; labels and probabilities in [0, 1]; NaN predictions propagate.</para>
/// </remarks>
public static class KerasBinaryFocalCrossEntropy
{
    /// <summary>The reduced loss; per-sample losses go to <paramref name="losses"/> when it is not empty.</summary>
    /// <param name="yTrue">Labels in [0, 1], N×D.</param>
    /// <param name="yPred">Probabilities or, with <paramref name="fromLogits"/>, logits; N×D.</param>
    /// <param name="lastAxis">D, the length of the averaged last axis.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="applyClassBalancing">Multiply by α for positives and 1 − α for negatives.</param>
    /// <param name="alpha">α in [0, 1] (Keras default 0.25).</param>
    /// <param name="gamma">γ ≥ 0, the focusing exponent (Keras default 2); γ = 0 is plain BCE.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <returns>The reduced loss (for <see cref="KerasReduction.None"/>: Σ loss·w).</returns>
    public static T Forward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Span<T> losses = default,
        bool applyClassBalancing = false, double alpha = 0.25, double gamma = 2.0, bool fromLogits = false,
        double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Binary(yTrue, yPred, lastAxis, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        KerasArgs.Focal(gamma, alpha);
        var p = new Parameters<T>(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing);
        return KerasRowLoop.Forward(new Rows<T>(yTrue, yPred, lastAxis, p), rows, losses, reduction, sampleWeight);
    }

    /// <summary>The reduced loss, and d(Σ output·gradOutput)/d(yPred) written to <paramref name="gradient"/>.</summary>
    /// <param name="yTrue">Labels in [0, 1], N×D.</param>
    /// <param name="yPred">Probabilities or logits, N×D.</param>
    /// <param name="lastAxis">D.</param>
    /// <param name="gradient">Destination, N×D.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="applyClassBalancing">Multiply by α for positives and 1 − α for negatives.</param>
    /// <param name="alpha">α in [0, 1].</param>
    /// <param name="gamma">γ ≥ 0.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <param name="gradOutput">Upstream gradient: N values for <see cref="KerasReduction.None"/>, otherwise 1; empty means ones.</param>
    /// <returns>The same value as <see cref="Forward{T}"/>.</returns>
    public static T ForwardBackward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Span<T> gradient,
        Span<T> losses = default, bool applyClassBalancing = false, double alpha = 0.25, double gamma = 2.0,
        bool fromLogits = false, double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default, ReadOnlySpan<T> gradOutput = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Binary(yTrue, yPred, lastAxis, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        KerasArgs.Focal(gamma, alpha);
        KerasArgs.Gradient(gradient, yPred.Length, gradOutput, rows, reduction);
        var p = new Parameters<T>(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing);
        return KerasRowLoop.ForwardBackward(new Rows<T>(yTrue, yPred, lastAxis, p), rows, lastAxis, gradient, losses,
            reduction, sampleWeight, gradOutput);
    }

    /// <summary>A sample's loss is the mean of its D element losses over the last axis, as Keras averages axis −1.</summary>
    private readonly ref struct Rows<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Parameters<T> parameters)
        : IKerasRowLoss<T> where T : IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _yTrue = yTrue, _yPred = yPred;
        private readonly Parameters<T> _parameters = parameters;
        private readonly T _d = T.CreateChecked(lastAxis);

        public T Loss(int row)
        {
            var sum = T.Zero;
            for (var j = row * lastAxis; j < (row + 1) * lastAxis; j++)
                sum += Element(_yTrue[j], _yPred[j], _parameters, out _);
            return sum / _d;
        }

        public T LossAndGradient(int row, T factor, Span<T> gradient)
        {
            factor /= _d;
            var sum = T.Zero;
            for (int j = row * lastAxis, k = 0; k < lastAxis; j++, k++)
            {
                sum += Element(_yTrue[j], _yPred[j], _parameters, out var derivative);
                gradient[k] = factor * derivative;
            }
            return sum / _d;
        }
    }

    internal readonly struct Parameters<T>(bool balancing, double alpha, double gamma, bool fromLogits, double labelSmoothing)
        where T : IFloatingPointIeee754<T>
    {
        public readonly bool Balancing = balancing;
        public readonly T Alpha = T.CreateChecked(alpha);
        public readonly T Gamma = T.CreateChecked(gamma);
        public readonly bool FromLogits = fromLogits;
        public readonly T LabelSmoothing = T.CreateChecked(labelSmoothing);
    }

    /// <summary>One element's focal loss and its derivative w.r.t. the prediction (probability or logit).</summary>
    internal static T Element<T>(T label, T prediction, in Parameters<T> q, out T derivative) where T : IFloatingPointIeee754<T>
    {
        var y = KerasBinaryCrossEntropy.Smooth(label, q.LabelSmoothing);
        var p = q.FromLogits ? ScalarMath.Sigmoid(prediction) : prediction;
        var bce = KerasBinaryCrossEntropy.Element(y, p, fromLogits: false);
        var pt = y * p + (T.One - y) * (T.One - p);
        var u = T.One - pt;
        var modulating = T.Pow(u, q.Gamma);
        var dModulating = q.Gamma == T.Zero ? T.Zero : q.Gamma * T.Pow(u, q.Gamma - T.One) * (T.One - y - y);
        var dBce = KerasBinaryCrossEntropy.ElementGradient(y, p, fromLogits: false);
        var balance = q.Balancing ? y * q.Alpha + (T.One - y) * (T.One - q.Alpha) : T.One;
        derivative = balance * (dModulating * bce + modulating * dBce);
        if (q.FromLogits) derivative *= p * (T.One - p);
        return balance * modulating * bce;
    }
}

using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Keras 3 <c>keras.losses.CategoricalFocalCrossentropy</c> / <c>categorical_focal_crossentropy</c> as span kernels:
/// categorical cross-entropy with each class term down-weighted by how confident the prediction already is.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> y' = y·(1 − ε_ls) + ε_ls / C. p = softmax(x) when <c>fromLogits</c>, else the given row;
/// q = p / Σ p (Keras rescales even a softmax output); c = clip(q) to [1e-7, 1 − 1e-7] in float32;
/// loss = Σ_c α_c · (1 − c_c)^γ · (−y'_c · log c_c), with α_c the per-class <c>classAlpha</c> when given, else the
/// scalar <c>alpha</c>. γ = 0 and α = 1 give <see cref="KerasCategoricalCrossEntropy"/>.</para>
/// <para><b>Shapes, reduction.</b> As <see cref="KerasCategoricalCrossEntropy"/>: N×C inputs, N per-sample losses;
/// <c>classAlpha</c>: C values or empty.</para>
/// <para><b>Gradient</b> (TensorFlow conventions). g_c = α_c·[γ(1 − c)^(γ−1)·y'_c·log c − y'_c(1 − c)^γ / c] on the
/// closed clip interval of q_c, 0 strictly outside; ∂/∂p_j = (g_j − Σ_c g_c q_c) / Σp; from logits
/// ∂/∂x_j = p_j·(h_j − Σ_c h_c p_c) with h = ∂/∂p. Scaled by gradOutput · w / divisor.</para>
/// <para><b>Edge cases.</b> γ ≥ 0 finite, α ≥ 0 finite; labels in [0, 1]; probabilities ≥ 0 with a positive row sum;
/// NaN predictions propagate.</para>
/// </remarks>
public static class KerasCategoricalFocalCrossEntropy
{
    /// <summary>The reduced loss; per-sample losses go to <paramref name="losses"/> when it is not empty.</summary>
    /// <param name="yTrue">Target distributions, N×C.</param>
    /// <param name="yPred">Probabilities (rescaled per row) or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="classes">C.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="alpha">Scalar class weight α ≥ 0 (Keras default 0.25), used when <paramref name="classAlpha"/> is empty.</param>
    /// <param name="gamma">γ ≥ 0 (Keras default 2).</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <param name="classAlpha">One α per class (Keras <c>alpha=[…]</c>), or empty.</param>
    /// <returns>The reduced loss (for <see cref="KerasReduction.None"/>: Σ loss·w).</returns>
    public static T Forward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> losses = default,
        double alpha = 0.25, double gamma = 2.0, bool fromLogits = false, double labelSmoothing = 0,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, ReadOnlySpan<T> sampleWeight = default,
        ReadOnlySpan<T> classAlpha = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Categorical(yTrue, yPred, classes, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        CheckFocal(alpha, gamma, classAlpha, classes);
        var p = new Parameters<T>(alpha, gamma, fromLogits, labelSmoothing);
        return KerasRowLoop.Forward(new Rows<T>(yTrue, yPred, classes, p, classAlpha), rows, losses, reduction, sampleWeight);
    }

    /// <summary>The reduced loss, and d(Σ output·gradOutput)/d(yPred) written to <paramref name="gradient"/>.</summary>
    /// <param name="yTrue">Target distributions, N×C.</param>
    /// <param name="yPred">Probabilities or logits, N×C.</param>
    /// <param name="classes">C.</param>
    /// <param name="gradient">Destination, N×C.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="alpha">Scalar α ≥ 0.</param>
    /// <param name="gamma">γ ≥ 0.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">ε_ls in [0, 1].</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <param name="classAlpha">One α per class, or empty.</param>
    /// <param name="gradOutput">Upstream gradient: N values for <see cref="KerasReduction.None"/>, otherwise 1; empty means ones.</param>
    /// <returns>The same value as <see cref="Forward{T}"/>.</returns>
    public static T ForwardBackward<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> gradient,
        Span<T> losses = default, double alpha = 0.25, double gamma = 2.0, bool fromLogits = false,
        double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default, ReadOnlySpan<T> classAlpha = default, ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Categorical(yTrue, yPred, classes, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        CheckFocal(alpha, gamma, classAlpha, classes);
        KerasArgs.Gradient(gradient, yPred.Length, gradOutput, rows, reduction);
        var p = new Parameters<T>(alpha, gamma, fromLogits, labelSmoothing);
        return KerasRowLoop.ForwardBackward(new Rows<T>(yTrue, yPred, classes, p, classAlpha), rows, classes, gradient, losses,
            reduction, sampleWeight, gradOutput);
    }

    private readonly ref struct Rows<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Parameters<T> parameters,
        ReadOnlySpan<T> classAlpha) : IKerasRowLoss<T> where T : IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _yTrue = yTrue, _yPred = yPred, _classAlpha = classAlpha;
        private readonly Parameters<T> _parameters = parameters;

        public T Loss(int row) =>
            RowLoss(_yTrue.Slice(row * classes, classes), _yPred.Slice(row * classes, classes), _parameters, _classAlpha);

        public T LossAndGradient(int row, T factor, Span<T> gradient)
        {
            var y = _yTrue.Slice(row * classes, classes);
            var x = _yPred.Slice(row * classes, classes);
            // The loss first: a caller may reuse yPred's buffer as the gradient.
            var loss = RowLoss(y, x, _parameters, _classAlpha);
            RowGradient(y, x, _parameters, _classAlpha, factor, gradient);
            return loss;
        }
    }

    private readonly struct Parameters<T>(double alpha, double gamma, bool fromLogits, double labelSmoothing)
        where T : IFloatingPointIeee754<T>
    {
        public readonly T Alpha = T.CreateChecked(alpha);
        public readonly T Gamma = T.CreateChecked(gamma);
        public readonly bool FromLogits = fromLogits;
        public readonly T LabelSmoothing = T.CreateChecked(labelSmoothing);
    }

    /// <summary>The row's softmax normaliser (max and log Σe^(x−max)) when from logits; the identity otherwise.</summary>
    private readonly struct Softmax<T> where T : IFloatingPointIeee754<T>
    {
        private readonly bool _fromLogits;
        private readonly RowStatistics<T> _row;

        public Softmax(ReadOnlySpan<T> x, bool fromLogits)
        {
            _fromLogits = fromLogits;
            if (fromLogits) _row = RowStatistics<T>.Of(x, 0, x.Length, 1);
        }

        /// <summary>p_c: the softmax of the logits (no buffer) or the given probability.</summary>
        public T Probability(ReadOnlySpan<T> x, int c) => _fromLogits ? T.Exp(_row.LogProbability(x[c])) : x[c];
    }

    private static T RowSum<T>(ReadOnlySpan<T> x, in Softmax<T> softmax) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var c = 0; c < x.Length; c++) sum += softmax.Probability(x, c);
        return sum;
    }

    private static T RowLoss<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> x, in Parameters<T> q, ReadOnlySpan<T> classAlpha)
        where T : IFloatingPointIeee754<T>
    {
        var softmax = new Softmax<T>(x, q.FromLogits);
        var sum = RowSum(x, softmax);
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        var loss = T.Zero;
        for (var c = 0; c < x.Length; c++)
        {
            var clipped = KerasClip.Clip(softmax.Probability(x, c) / sum, lo, hi);
            var yc = KerasCategoricalCrossEntropy.Smooth(y[c], q.LabelSmoothing, x.Length);
            var ac = classAlpha.IsEmpty ? q.Alpha : classAlpha[c];
            loss += ac * T.Pow(T.One - clipped, q.Gamma) * (-yc * T.Log(clipped));
        }
        return loss;
    }

    // The gradient row doubles as scratch space: first ∂/∂c, then ∂/∂p, then (from logits) ∂/∂x.
    private static void RowGradient<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> x, in Parameters<T> q, ReadOnlySpan<T> classAlpha, T factor, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
    {
        var softmax = new Softmax<T>(x, q.FromLogits);
        var sum = RowSum(x, softmax);
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        var dot = T.Zero;
        for (var c = 0; c < x.Length; c++)
        {
            var normalised = softmax.Probability(x, c) / sum;
            var g = T.Zero;
            if (KerasClip.Passes(normalised, lo, hi))
            {
                var clipped = KerasClip.Clip(normalised, lo, hi);
                var yc = KerasCategoricalCrossEntropy.Smooth(y[c], q.LabelSmoothing, x.Length);
                var ac = classAlpha.IsEmpty ? q.Alpha : classAlpha[c];
                var oneMinus = T.One - clipped;
                var dModulating = q.Gamma == T.Zero ? T.Zero : q.Gamma * T.Pow(oneMinus, q.Gamma - T.One);
                g = ac * (dModulating * yc * T.Log(clipped) - yc * T.Pow(oneMinus, q.Gamma) / clipped);
            }
            gradient[c] = g;
            dot += g * normalised;
        }
        for (var c = 0; c < x.Length; c++)
            gradient[c] = (gradient[c] - dot) / sum;
        if (q.FromLogits)
        {
            var softmaxDot = T.Zero;
            for (var c = 0; c < x.Length; c++) softmaxDot += gradient[c] * softmax.Probability(x, c);
            for (var c = 0; c < x.Length; c++) gradient[c] = softmax.Probability(x, c) * (gradient[c] - softmaxDot);
        }
        for (var c = 0; c < x.Length; c++) gradient[c] *= factor;
    }

    private static void CheckFocal<T>(double alpha, double gamma, ReadOnlySpan<T> classAlpha, int classes) where T : IFloatingPointIeee754<T>
    {
        Guard.NonNegativeFinite(gamma, nameof(gamma), "a focusing exponent");
        Guard.NonNegativeFinite(alpha, nameof(alpha), "a class weight");
        if (classAlpha.IsEmpty) return;
        if (classAlpha.Length != classes)
            throw new ArgumentException($"classAlpha has {classAlpha.Length} values: expected {classes} (one per class) or none to use alpha.", nameof(classAlpha));
        Guard.NonNegative(classAlpha, nameof(classAlpha));
    }
}

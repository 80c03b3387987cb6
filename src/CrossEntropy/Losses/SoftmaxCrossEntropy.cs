using System.Numerics;
using CrossEntropy.Fused;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Cross-entropy from logits with PyTorch semantics (<c>torch.nn.CrossEntropyLoss</c>, <c>F.cross_entropy</c>):
/// log-softmax over the classes followed by the negative log-likelihood, fused and numerically stable.
/// </summary>
/// <remarks>
/// <para><b>Shapes.</b> Logits are (N, C) rows, or (N, C, d1, …) for K-dimensional inputs: element [n, c, s] lives at
/// (n·C + c)·spatial + s, with spatial = d1·d2·… (1 for plain rows). A "position" is one (n, s) pair; there are
/// N·spatial of them. Class-index targets hold one index per position, laid out (N, d1, …); probability targets have
/// the shape of the logits. <c>weight</c> is empty or one value per class. <c>losses</c> receives one value per position.</para>
/// <para><b>Class indices.</b> With log p = log_softmax(x) over the class axis, target t, class weights w and label
/// smoothing ε: ℓ = (1 − ε)·w_t·(−log p_t) + (ε / C)·Σ_c w_c·(−log p_c). The smoothing term is weighted by every
/// class's weight, not the target's. A position whose target equals <c>ignoreIndex</c> contributes 0 to the loss and
/// nothing to the denominator. Mean divides the sum by Σ w_t over the non-ignored positions (the count of them when
/// there is no weight), for both terms. Every target ignored: Mean is 0/0 = NaN with an all-zero gradient, Sum is 0,
/// None is all zeros.</para>
/// <para><b>Class probabilities.</b> With targets q (smoothed to q·(1 − ε) + ε/C when ε &gt; 0):
/// ℓ = −Σ_c w_c·q_c·log p_c. There is no ignore index and rows that do not sum to 1 are used as given. Mean divides by
/// the number of positions even when a weight is given.</para>
/// <para><b>Gradient</b> w.r.t. the logits, per position with upstream factor g: ∂ℓ/∂x_c = g·(p_c·Σ_k a_k − a_c) where a_c is
/// the coefficient of −log p_c in ℓ (for one-hot targets without smoothing: g·w_t·(p_c − [c = t])).</para>
/// <para><b>Edge cases.</b> Exact for logits of any magnitude (the row maximum is subtracted; log p is never log(softmax)).
/// NaN or ±∞ logits propagate to the affected positions as in PyTorch. Class indices must be in [0, C) or equal
/// <c>ignoreIndex</c>; probability targets in [0, 1] and not NaN; weights ≥ 0; ε in [0, 1].</para>
/// <para><b>Speed.</b> float calls with class indices and spatial = 1 run a fused SIMD kernel (one read of each row,
/// every core above 64K elements with results independent of the thread count, nothing allocated below that); other
/// calls run the generic path. Both give the same results to float precision (see BENCHMARKS.md).</para>
/// </remarks>
public static class SoftmaxCrossEntropy
{
    /// <summary>Cross-entropy with class-index targets; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="logits">Raw scores, (N, C) or (N, C, d1, …) row-major.</param>
    /// <param name="targets">One class index per position (or <paramref name="ignoreIndex"/>).</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="losses">Optional: receives the loss of every position (0 where ignored); <c>default</c> skips it.</param>
    /// <param name="weight">Optional class weights, one per class; <c>default</c> = all ones.</param>
    /// <param name="ignoreIndex">Targets equal to this do not count (PyTorch's default −100).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the share of the target mass spread uniformly over the classes.</param>
    /// <param name="reduction">None (returns the sum), Mean (weighted mean) or Sum.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths that do not fit (N, C, spatial), a class index out of range, negative weights, or ε outside [0, 1].</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<int> targets,
        int classes,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        int ignoreIndex = -100,
        T labelSmoothing = default!,
        Reduction reduction = Reduction.Mean,
        int spatial = 1)
        where T : IFloatingPointIeee754<T> =>
        ClassIndices(logits, targets, classes, losses, weight, ignoreIndex, labelSmoothing, reduction, spatial, default, default, withGradient: false);

    /// <summary>
    /// Cross-entropy with class-index targets and its gradient w.r.t. the logits in one pass (the gradient matches
    /// libtorch autograd for the chosen reduction).
    /// </summary>
    /// <param name="logits">Raw scores, (N, C) or (N, C, d1, …) row-major.</param>
    /// <param name="targets">One class index per position (or <paramref name="ignoreIndex"/>).</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="gradient">Receives d(loss)/d(logits), same length as <paramref name="logits"/> (zeros for ignored positions).</param>
    /// <param name="losses">Optional: receives the loss of every position; <c>default</c> skips it.</param>
    /// <param name="weight">Optional class weights; <c>default</c> = all ones.</param>
    /// <param name="ignoreIndex">Targets equal to this do not count.</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="reduction">None, Mean or Sum.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <param name="gradOutput">Upstream gradient: one per position for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}(ReadOnlySpan{T}, ReadOnlySpan{int}, int, Span{T}, ReadOnlySpan{T}, int, T, Reduction, int)"/>, or a gradient/gradOutput of the wrong length.</exception>
    public static T ForwardBackward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<int> targets,
        int classes,
        Span<T> gradient,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        int ignoreIndex = -100,
        T labelSmoothing = default!,
        Reduction reduction = Reduction.Mean,
        int spatial = 1,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T> =>
        ClassIndices(logits, targets, classes, losses, weight, ignoreIndex, labelSmoothing, reduction, spatial, gradient, gradOutput, withGradient: true);

    /// <summary>Cross-entropy with class-probability targets; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="logits">Raw scores, (N, C) or (N, C, d1, …) row-major.</param>
    /// <param name="targetProbabilities">Target distribution over the classes, same shape as <paramref name="logits"/>, values in [0, 1].</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="losses">Optional: receives the loss of every position; <c>default</c> skips it.</param>
    /// <param name="weight">Optional class weights; <c>default</c> = all ones.</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="reduction">None (returns the sum), Mean (over positions, even with a weight) or Sum.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, target values outside [0, 1] or NaN, negative weights, or ε outside [0, 1].</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<T> targetProbabilities,
        int classes,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        T labelSmoothing = default!,
        Reduction reduction = Reduction.Mean,
        int spatial = 1)
        where T : IFloatingPointIeee754<T> =>
        Probabilities(logits, targetProbabilities, classes, losses, weight, labelSmoothing, reduction, spatial, default, default, withGradient: false);

    /// <summary>Cross-entropy with class-probability targets and its gradient w.r.t. the logits.</summary>
    /// <param name="logits">Raw scores, (N, C) or (N, C, d1, …) row-major.</param>
    /// <param name="targetProbabilities">Target distribution, same shape as <paramref name="logits"/>.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="gradient">Receives d(loss)/d(logits), same length as <paramref name="logits"/>.</param>
    /// <param name="losses">Optional: receives the loss of every position; <c>default</c> skips it.</param>
    /// <param name="weight">Optional class weights; <c>default</c> = all ones.</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="reduction">None, Mean or Sum.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <param name="gradOutput">Upstream gradient: one per position for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">As the forward overload, or a gradient/gradOutput of the wrong length.</exception>
    public static T ForwardBackward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<T> targetProbabilities,
        int classes,
        Span<T> gradient,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        T labelSmoothing = default!,
        Reduction reduction = Reduction.Mean,
        int spatial = 1,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T> =>
        Probabilities(logits, targetProbabilities, classes, losses, weight, labelSmoothing, reduction, spatial, gradient, gradOutput, withGradient: true);

    private static T ClassIndices<T>(
        ReadOnlySpan<T> logits, ReadOnlySpan<int> targets, int classes, Span<T> losses, ReadOnlySpan<T> weight,
        int ignoreIndex, T epsilon, Reduction reduction, int spatial, Span<T> gradient, ReadOnlySpan<T> gradOutput, bool withGradient)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        var positions = Guard.Positions(logits, classes, spatial, nameof(logits));
        Guard.TargetCount(targets, positions, nameof(targets), nameof(logits));
        Guard.Defined(reduction);
        Guard.ClassIndices(targets, classes, ignoreIndex, nameof(targets));
        Guard.PerClass(weight, classes, nameof(weight));
        Guard.NonNegative(weight, nameof(weight));
        CheckSmoothing(epsilon);
        Guard.OptionalDestination(losses, positions, nameof(losses));
        if (withGradient)
        {
            Guard.DestinationLength(gradient, logits.Length, nameof(gradient));
            Guard.GradOutput(gradOutput, positions, reduction != Reduction.None, nameof(gradOutput));
        }

        // float rows take the fused SIMD kernel (same semantics; the typeof test is folded by the JIT). It writes the
        // gradient before re-reading the row, so an in-place call (gradient over the logits) stays on this path.
        if (typeof(T) == typeof(float) && spatial == 1 && !(withGradient && logits.Overlaps(gradient)))
            return FloatSpans.Back<T>(FusedSoftmaxCrossEntropy.Unchecked(
                FloatSpans.Of(logits), targets, classes, FloatSpans.Of(losses), FloatSpans.Of(weight), ignoreIndex,
                float.CreateTruncating(epsilon), reduction, withGradient ? FloatSpans.Of(gradient) : default,
                FloatSpans.Of(gradOutput), FusedOptions.Default));

        // The weighted-mean denominator depends only on the targets, so it is known before the logits are read,
        // which lets the gradient be written in the same pass.
        var denominator = T.Zero;
        foreach (var t in targets)
            if (t != ignoreIndex) denominator += weight.IsEmpty ? T.One : weight[t];
        var scale = Reduce.Scale(denominator, reduction);

        var smoothing = epsilon > T.Zero;
        var c0 = T.CreateChecked(classes);
        var spread = epsilon / c0;
        var weightTotal = weight.IsEmpty ? c0 : Sum(weight);
        var sum = T.Zero;
        var samples = positions / spatial;

        for (var n = 0; n < samples; n++)
        {
            for (var s = 0; s < spatial; s++)
            {
                var pos = n * spatial + s;
                var start = n * classes * spatial + s;
                var t = targets[pos];
                if (t == ignoreIndex)
                {
                    if (!losses.IsEmpty) losses[pos] = T.Zero;
                    if (withGradient)
                        for (var c = 0; c < classes; c++) gradient[start + c * spatial] = T.Zero;
                    continue;
                }

                var row = RowStatistics<T>.Of(logits, start, classes, spatial);
                var wt = weight.IsEmpty ? T.One : weight[t];
                var loss = -row.LogProbability(logits[start + t * spatial]) * wt;
                if (smoothing)
                {
                    var smooth = T.Zero;
                    for (var c = 0; c < classes; c++)
                        smooth -= (weight.IsEmpty ? T.One : weight[c]) * row.LogProbability(logits[start + c * spatial]);
                    loss = (T.One - epsilon) * loss + spread * smooth;
                }
                if (!losses.IsEmpty) losses[pos] = loss;
                sum += loss;

                if (!withGradient) continue;
                var g = Reduce.Upstream(gradOutput, pos, reduction) * scale;
                var targetCoefficient = smoothing ? (T.One - epsilon) * wt : wt;
                var total = smoothing ? targetCoefficient + spread * weightTotal : wt;
                for (var c = 0; c < classes; c++)
                {
                    var i = start + c * spatial;
                    var coefficient = smoothing ? spread * (weight.IsEmpty ? T.One : weight[c]) : T.Zero;
                    if (c == t) coefficient += targetCoefficient;
                    var p = T.Exp(row.LogProbability(logits[i]));
                    gradient[i] = g * (p * total - coefficient);
                }
            }
        }
        return Reduce.Total(sum, denominator, reduction);
    }

    private static T Probabilities<T>(
        ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, int classes, Span<T> losses, ReadOnlySpan<T> weight,
        T epsilon, Reduction reduction, int spatial, Span<T> gradient, ReadOnlySpan<T> gradOutput, bool withGradient)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        var positions = Guard.Positions(logits, classes, spatial, nameof(logits));
        Guard.SameLength(logits, nameof(logits), targets, "targetProbabilities");
        Guard.Defined(reduction);
        Guard.Targets(targets, "targetProbabilities");
        Guard.PerClass(weight, classes, nameof(weight));
        Guard.NonNegative(weight, nameof(weight));
        CheckSmoothing(epsilon);
        Guard.OptionalDestination(losses, positions, nameof(losses));
        if (withGradient)
        {
            Guard.DestinationLength(gradient, logits.Length, nameof(gradient));
            Guard.GradOutput(gradOutput, positions, reduction != Reduction.None, nameof(gradOutput));
        }

        var smoothing = epsilon > T.Zero;
        var spread = epsilon / T.CreateChecked(classes);
        var scale = Reduce.Scale(T.CreateChecked(positions), reduction);
        var sum = T.Zero;
        var samples = positions / spatial;

        for (var n = 0; n < samples; n++)
        {
            for (var s = 0; s < spatial; s++)
            {
                var pos = n * spatial + s;
                var start = n * classes * spatial + s;
                var row = RowStatistics<T>.Of(logits, start, classes, spatial);
                var loss = T.Zero;
                var total = T.Zero;
                for (var c = 0; c < classes; c++)
                {
                    var i = start + c * spatial;
                    var coefficient = Coefficient(targets[i], weight, c, smoothing, epsilon, spread);
                    loss -= coefficient * row.LogProbability(logits[i]);
                    total += coefficient;
                }
                if (!losses.IsEmpty) losses[pos] = loss;
                sum += loss;

                if (!withGradient) continue;
                var g = Reduce.Upstream(gradOutput, pos, reduction) * scale;
                for (var c = 0; c < classes; c++)
                {
                    var i = start + c * spatial;
                    var p = T.Exp(row.LogProbability(logits[i]));
                    gradient[i] = g * (p * total - Coefficient(targets[i], weight, c, smoothing, epsilon, spread));
                }
            }
        }
        return Reduce.Total(sum, T.CreateChecked(positions), reduction);
    }

    /// <summary>w_c · q_c with the smoothed target q_c·(1 − ε) + ε/C: the weight of −log p_c in the loss.</summary>
    private static T Coefficient<T>(T target, ReadOnlySpan<T> weight, int c, bool smoothing, T epsilon, T spread)
        where T : IFloatingPointIeee754<T>
    {
        var q = smoothing ? target * (T.One - epsilon) + spread : target;
        return weight.IsEmpty ? q : weight[c] * q;
    }

    private static T Sum<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        foreach (var v in values) sum += v;
        return sum;
    }

    private static void CheckSmoothing<T>(T epsilon) where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(epsilon) || epsilon < T.Zero || epsilon > T.One)
            throw new ArgumentOutOfRangeException("labelSmoothing", $"labelSmoothing = {Guard.Format(epsilon)} is outside [0, 1]: expected a smoothing share between 0 (none) and 1.");
    }
}

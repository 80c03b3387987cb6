using System.Numerics;
using CrossEntropy.Fused;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Binary cross-entropy from logits with PyTorch semantics (<c>torch.nn.BCEWithLogitsLoss</c>,
/// <c>F.binary_cross_entropy_with_logits</c>): the sigmoid and the log fused into one stable expression.
/// </summary>
/// <remarks>
/// <para>Formula, per element i with logit x, target y, weight w and positive-class weight q (pos_weight):
/// ℓ_i = w_i · [(1 − y_i) · x_i − (1 + (q_i − 1) · y_i) · log σ(x_i)], where
/// log σ(x) = −(max(−x, 0) + log(1 + e^{−|x|})) (softplus form). Equivalent to
/// −w·[q·y·log σ(x) + (1 − y)·log(1 − σ(x))] but finite for |x| = 10⁴ and beyond.</para>
/// <para>Shapes: <c>logits</c> and <c>targets</c> have the same length. <c>weight</c> and <c>posWeight</c> are empty
/// or broadcast over trailing dimensions: their length is the input's length or divides it, element i uses
/// [i mod length]. pos_weight is normally one value per class of the last dimension (C of an N×C buffer).</para>
/// <para>Reduction: None returns the sum and leaves the unreduced losses in <c>losses</c>; Mean divides by the number
/// of elements (not by any weight sum); Sum adds.</para>
/// <para>Edge cases: targets must lie in [0, 1] (soft targets allowed), weights must be ≥ 0; NaN or ±∞ logits
/// propagate as in PyTorch (an infinite logit gives ∞·0 = NaN where the target makes a term vanish).</para>
/// <para>Speed: float calls run a fused SIMD kernel (loss and gradient from one exp, one log1p and two reciprocals per
/// element; every core above 64K elements, results independent of the thread count); other types run the generic path.
/// Arguments, targets included, are checked before anything is written: a bad call leaves <c>losses</c> and
/// <c>gradient</c> untouched.</para>
/// </remarks>
public static class BinaryCrossEntropyWithLogits
{
    /// <summary>Computes the loss; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="logits">Raw scores x (any real value).</param>
    /// <param name="targets">Targets y in [0, 1], same length.</param>
    /// <param name="losses">Optional: receives the unreduced loss of every element; <c>default</c> skips it.</param>
    /// <param name="weight">Optional per-element weight, broadcast; <c>default</c> = all ones.</param>
    /// <param name="posWeight">Optional weight of the positive term, broadcast along the last dimension; <c>default</c> = all ones.</param>
    /// <param name="reduction">None (returns the sum), Mean (over elements) or Sum.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, targets outside [0, 1] or NaN, negative weights, or a weight that does not broadcast.</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<T> targets,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        ReadOnlySpan<T> posWeight = default,
        Reduction reduction = Reduction.Mean)
        where T : IFloatingPointIeee754<T>
    {
        Validate(logits, targets, weight, posWeight, reduction);
        Guard.OptionalDestination(losses, logits.Length, nameof(losses));

        // float inputs take the fused SIMD kernel (same formula; the typeof test is folded by the JIT).
        if (typeof(T) == typeof(float))
            return FloatSpans.Back<T>(FusedBinaryCrossEntropyWithLogits.Unchecked(
                FloatSpans.Of(logits), FloatSpans.Of(targets), FloatSpans.Of(losses), FloatSpans.Of(weight), FloatSpans.Of(posWeight),
                reduction, default, default, withLoss: true, FusedOptions.Default));

        var sum = T.Zero;
        for (var i = 0; i < logits.Length; i++)
        {
            T x = logits[i], y = targets[i];
            var q = posWeight.IsEmpty ? T.One : posWeight[i % posWeight.Length];
            var loss = Pointwise(x, y, q);
            if (!weight.IsEmpty) loss *= weight[i % weight.Length];
            if (!losses.IsEmpty) losses[i] = loss;
            sum += loss;
        }
        return Reduce.Total(sum, T.CreateChecked(logits.Length), reduction);
    }

    /// <summary>
    /// Writes d(loss)/d(logits) into <paramref name="gradient"/>, as libtorch autograd:
    /// g_i · w_i · [(1 − y_i) − (1 + (q_i − 1)·y_i) · σ(−x_i)], divided by the element count for Mean
    /// (without pos_weight this is g·w·(σ(x) − y)).
    /// </summary>
    /// <param name="logits">Raw scores x.</param>
    /// <param name="targets">Targets y in [0, 1].</param>
    /// <param name="gradient">Receives the gradient, same length as <paramref name="logits"/>.</param>
    /// <param name="weight">The weight of the forward pass; <c>default</c> = all ones.</param>
    /// <param name="posWeight">The pos_weight of the forward pass; <c>default</c> = all ones.</param>
    /// <param name="reduction">The reduction of the forward pass.</param>
    /// <param name="gradOutput">Upstream gradient: one per element for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/>, or a gradient/gradOutput of the wrong length.</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<T> targets,
        Span<T> gradient,
        ReadOnlySpan<T> weight = default,
        ReadOnlySpan<T> posWeight = default,
        Reduction reduction = Reduction.Mean,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        Validate(logits, targets, weight, posWeight, reduction);
        Guard.DestinationLength(gradient, logits.Length, nameof(gradient));
        Guard.GradOutput(gradOutput, logits.Length, reduction != Reduction.None, nameof(gradOutput));

        if (typeof(T) == typeof(float))
        {
            FusedBinaryCrossEntropyWithLogits.Unchecked(
                FloatSpans.Of(logits), FloatSpans.Of(targets), default, FloatSpans.Of(weight), FloatSpans.Of(posWeight),
                reduction, FloatSpans.Of(gradient), FloatSpans.Of(gradOutput), withLoss: false, FusedOptions.Default);
            return;
        }

        var scale = Reduce.Scale(T.CreateChecked(logits.Length), reduction);
        for (var i = 0; i < logits.Length; i++)
        {
            T x = logits[i], y = targets[i];
            var g = Reduce.Upstream(gradOutput, i, reduction) * scale;
            if (!weight.IsEmpty) g *= weight[i % weight.Length];
            var q = posWeight.IsEmpty ? T.One : posWeight[i % posWeight.Length];
            gradient[i] = g * Derivative(x, y, q);
        }
    }

    /// <summary>
    /// The loss and d(loss)/d(logits) together: one pass over the inputs for float (the fused SIMD kernel), otherwise
    /// <see cref="Forward{T}"/> then <see cref="Backward{T}"/>. Formula, shapes and edge cases as in the class remarks.
    /// </summary>
    /// <param name="logits">Raw scores x.</param>
    /// <param name="targets">Targets y in [0, 1], same length.</param>
    /// <param name="gradient">Receives the gradient, same length as <paramref name="logits"/>.</param>
    /// <param name="losses">Optional: receives the unreduced loss of every element; <c>default</c> skips it.</param>
    /// <param name="weight">Optional per-element weight, broadcast; <c>default</c> = all ones.</param>
    /// <param name="posWeight">Optional weight of the positive term, broadcast along the last dimension; <c>default</c> = all ones.</param>
    /// <param name="reduction">None (returns the sum), Mean (over elements) or Sum.</param>
    /// <param name="gradOutput">Upstream gradient: one per element for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/> and <see cref="Backward{T}"/>.</exception>
    public static T ForwardBackward<T>(
        ReadOnlySpan<T> logits,
        ReadOnlySpan<T> targets,
        Span<T> gradient,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        ReadOnlySpan<T> posWeight = default,
        Reduction reduction = Reduction.Mean,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        Validate(logits, targets, weight, posWeight, reduction);
        Guard.OptionalDestination(losses, logits.Length, nameof(losses));
        Guard.DestinationLength(gradient, logits.Length, nameof(gradient));
        Guard.GradOutput(gradOutput, logits.Length, reduction != Reduction.None, nameof(gradOutput));

        // Elementwise, so an in-place call (gradient over the logits) is fine for the fused kernel: each chunk is read before it is written.
        if (typeof(T) == typeof(float) && !logits.Overlaps(gradient, out var offset) | offset == 0)
            return FloatSpans.Back<T>(FusedBinaryCrossEntropyWithLogits.Unchecked(
                FloatSpans.Of(logits), FloatSpans.Of(targets), FloatSpans.Of(losses), FloatSpans.Of(weight), FloatSpans.Of(posWeight),
                reduction, FloatSpans.Of(gradient), FloatSpans.Of(gradOutput), withLoss: true, FusedOptions.Default));

        // Loss first: the gradient may overwrite the logits.
        var loss = Forward(logits, targets, losses, weight, posWeight, reduction);
        Backward(logits, targets, gradient, weight, posWeight, reduction, gradOutput);
        return loss;
    }

    /// <summary>
    /// (1 − y)·x − l·log σ(x) with l = 1 + (q − 1)·y, regrouped by the sign of x into a sum of non-negative terms:
    /// x &lt; 0: −q·y·x + l·log1p(e^x); x ≥ 0: (1 − y)·x + l·log1p(e^{−x}). libtorch's literal form cancels
    /// (x − x) for large negative x and soft targets, losing ~1e−3 absolute in float32 at |x| = 1e4; this form does
    /// not. Infinite logits keep the literal form so that NaN appears exactly where PyTorch produces it.
    /// </summary>
    private static T Pointwise<T>(T x, T y, T q) where T : IFloatingPointIeee754<T>
    {
        var l = (q - T.One) * y + T.One;
        if (T.IsInfinity(x)) return (T.One - y) * x - l * ScalarMath.LogSigmoid(x);
        var softplus = ScalarMath.Log1P(T.Exp(-T.Abs(x)));
        return x < T.Zero ? -(q * y * x) + l * softplus : (T.One - y) * x + l * softplus;
    }

    /// <summary>
    /// d/dx of <see cref="Pointwise{T}"/>: (1 − y) − l·σ(−x), written for x &lt; 0 as −q·y + l·σ(x) so that the
    /// 1 − 1 cancellation of the literal form does not swamp small gradients.
    /// </summary>
    private static T Derivative<T>(T x, T y, T q) where T : IFloatingPointIeee754<T>
    {
        var l = (q - T.One) * y + T.One;
        return x < T.Zero
            ? l * ScalarMath.Sigmoid(x) - q * y
            : (T.One - y) - l * ScalarMath.LogSigmoidDerivative(x);
    }

    private static void Validate<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, ReadOnlySpan<T> weight, ReadOnlySpan<T> posWeight, Reduction reduction)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        Guard.SameLength(logits, nameof(logits), targets, nameof(targets));
        Guard.Defined(reduction);
        // Check the targets before anything is written, so a bad call leaves the caller's buffers as they were.
        // The check is one vectorized read; only a failure pays for the indexed scan that names the element.
        if (!Guard.AllInUnitInterval(targets)) Guard.Targets(targets, nameof(targets));
        Guard.Broadcasts(weight, nameof(weight), logits.Length, nameof(logits));
        Guard.NonNegative(weight, nameof(weight));
        Guard.Broadcasts(posWeight, nameof(posWeight), logits.Length, nameof(logits));
        Guard.NonNegative(posWeight, nameof(posWeight));
    }
}

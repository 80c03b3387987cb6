using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Binary cross-entropy on probabilities with PyTorch semantics (<c>torch.nn.BCELoss</c>,
/// <c>F.binary_cross_entropy</c>).
/// </summary>
/// <remarks>
/// <para>Formula, per element i: ℓ_i = −w_i · [y_i · max(ln p_i, −100) + (1 − y_i) · max(ln(1 − p_i), −100)].
/// Each logarithm is clamped at −100, so p = 0 with y = 1 costs 100 rather than ∞.</para>
/// <para>Shapes: <c>probabilities</c> and <c>targets</c> have the same length (any shape, flattened); <c>weight</c> is
/// empty (all ones) or broadcasts over the trailing dimensions: its length is the input's length or divides it
/// (e.g. one weight per column of the last dimension), element i uses weight[i mod weight.Length].</para>
/// <para>Reduction: None returns the sum and leaves the unreduced losses in <c>losses</c>; Mean divides the sum by
/// the number of elements (never by the sum of the weights); Sum adds them.</para>
/// <para>Edge cases: probabilities and targets must lie in [0, 1] (soft targets allowed); a NaN probability
/// propagates to NaN (PyTorch rejects it instead); the gradient follows libtorch, not the derivative of the
/// clamped loss: (p − y) / max((1 − p)·p, ε) with ε = float32(1e−12) ≈ 9.99999996e−13 in both precisions,
/// so p = 0 with y = 1 gives about −10¹².</para>
/// </remarks>
public static class BinaryCrossEntropy
{
    /// <summary>Computes the loss; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="probabilities">Predicted probabilities p in [0, 1].</param>
    /// <param name="targets">Targets y in [0, 1], same length.</param>
    /// <param name="losses">Optional: receives the unreduced (weighted) loss of every element; <c>default</c> skips it.</param>
    /// <param name="weight">Optional rescaling weight per element, broadcast as described; <c>default</c> = all ones.</param>
    /// <param name="reduction">None (returns the sum), Mean (over elements) or Sum.</param>
    /// <returns>The reduced loss in nats.</returns>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, values outside [0, 1], NaN targets, negative weights, or a weight that does not broadcast.</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> probabilities,
        ReadOnlySpan<T> targets,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        Reduction reduction = Reduction.Mean)
        where T : IFloatingPointIeee754<T>
    {
        Validate(probabilities, targets, weight, reduction);
        Guard.OptionalDestination(losses, probabilities.Length, nameof(losses));

        var floor = ScalarMath.Constant<T>(-100);
        var sum = T.Zero;
        for (var i = 0; i < probabilities.Length; i++)
        {
            T p = probabilities[i], y = targets[i];
            var loss = (y - T.One) * T.Max(ScalarMath.Log1P(-p), floor) - y * T.Max(T.Log(p), floor);
            if (!weight.IsEmpty) loss *= weight[i % weight.Length];
            if (!losses.IsEmpty) losses[i] = loss;
            sum += loss;
        }
        return Reduce.Total(sum, T.CreateChecked(probabilities.Length), reduction);
    }

    /// <summary>
    /// Writes d(loss)/d(probabilities) into <paramref name="gradient"/>, exactly libtorch's rule:
    /// g_i · w_i · (p_i − y_i) / max((1 − p_i)·p_i, float32(1e−12)), divided by the element count for Mean.
    /// </summary>
    /// <param name="probabilities">Predicted probabilities p in [0, 1].</param>
    /// <param name="targets">Targets y in [0, 1], same length.</param>
    /// <param name="gradient">Receives the gradient, same length as <paramref name="probabilities"/>.</param>
    /// <param name="weight">The weight used in the forward pass; <c>default</c> = all ones.</param>
    /// <param name="reduction">The reduction used in the forward pass.</param>
    /// <param name="gradOutput">Upstream gradient: one value per element for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/>, or a gradient/gradOutput of the wrong length.</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> probabilities,
        ReadOnlySpan<T> targets,
        Span<T> gradient,
        ReadOnlySpan<T> weight = default,
        Reduction reduction = Reduction.Mean,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        Validate(probabilities, targets, weight, reduction);
        Guard.DestinationLength(gradient, probabilities.Length, nameof(gradient));
        Guard.GradOutput(gradOutput, probabilities.Length, reduction != Reduction.None, nameof(gradOutput));

        // libtorch declares this floor as a float constant, so even its double kernel divides by float32(1e-12).
        var epsilon = T.CreateChecked(1e-12f);
        var scale = Reduce.Scale(T.CreateChecked(probabilities.Length), reduction);
        for (var i = 0; i < probabilities.Length; i++)
        {
            T p = probabilities[i], y = targets[i];
            var g = Reduce.Upstream(gradOutput, i, reduction) * (p - y) / T.Max((T.One - p) * p, epsilon);
            if (!weight.IsEmpty) g *= weight[i % weight.Length];
            gradient[i] = g * scale;
        }
    }

    private static void Validate<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets, ReadOnlySpan<T> weight, Reduction reduction)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(probabilities, nameof(probabilities));
        Guard.SameLength(probabilities, nameof(probabilities), targets, nameof(targets));
        Guard.Defined(reduction);
        Guard.Probabilities(probabilities, nameof(probabilities));
        Guard.Targets(targets, nameof(targets));
        Guard.Broadcasts(weight, nameof(weight), probabilities.Length, nameof(probabilities));
        Guard.NonNegative(weight, nameof(weight));
    }
}

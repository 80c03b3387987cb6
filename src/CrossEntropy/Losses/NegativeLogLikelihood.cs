using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Negative log-likelihood with PyTorch semantics (<c>torch.nn.NLLLoss</c>, <c>F.nll_loss</c>): picks the
/// input of the target class and negates it. Composed with <see cref="Activations.LogSoftmax{T}"/> it is the
/// cross-entropy; composed with a plain log of probabilities it scores given probabilities.
/// </summary>
/// <remarks>
/// <para>Formula, per position with target t and class weights w: ℓ = −w_t · input[t]. The input need not be
/// log-probabilities (PyTorch does not check), so raw scores give a negative "loss".</para>
/// <para>Shapes: (N, C) rows or (N, C, d1, …) with element [n, c, s] at (n·C + c)·spatial + s; targets (N, d1, …),
/// one per position; <c>weight</c> empty or one per class; <c>losses</c> one per position.</para>
/// <para>Reduction: None returns the sum of the per-position losses; Mean divides by Σ w_t over the non-ignored
/// positions; Sum adds. Positions whose target equals <c>ignoreIndex</c> give 0 and do not count; all of them
/// ignored: Mean is NaN (0/0) with a zero gradient, Sum is 0.</para>
/// <para>Edge cases: NaN/±∞ inputs propagate to their positions; class indices must be in [0, C) or the ignore index;
/// weights ≥ 0.</para>
/// </remarks>
public static class NegativeLogLikelihood
{
    /// <summary>Computes the loss; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="input">Log-probabilities (or any scores), (N, C) or (N, C, d1, …) row-major.</param>
    /// <param name="targets">One class index per position (or <paramref name="ignoreIndex"/>).</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="losses">Optional: receives the loss of every position (0 where ignored); <c>default</c> skips it.</param>
    /// <param name="weight">Optional class weights, one per class; <c>default</c> = all ones.</param>
    /// <param name="ignoreIndex">Targets equal to this do not count (PyTorch's default −100).</param>
    /// <param name="reduction">None (returns the sum), Mean (weighted) or Sum.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <returns>The reduced loss.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths that do not fit (N, C, spatial), a class index out of range, or negative weights.</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> input,
        ReadOnlySpan<int> targets,
        int classes,
        Span<T> losses = default,
        ReadOnlySpan<T> weight = default,
        int ignoreIndex = -100,
        Reduction reduction = Reduction.Mean,
        int spatial = 1)
        where T : IFloatingPointIeee754<T>
    {
        var positions = Validate(input, targets, classes, weight, ignoreIndex, reduction, spatial);
        Guard.OptionalDestination(losses, positions, nameof(losses));

        var sum = T.Zero;
        var denominator = T.Zero;
        for (var pos = 0; pos < positions; pos++)
        {
            var t = targets[pos];
            if (t == ignoreIndex)
            {
                if (!losses.IsEmpty) losses[pos] = T.Zero;
                continue;
            }
            var wt = weight.IsEmpty ? T.One : weight[t];
            var loss = -wt * input[Index(pos, t, classes, spatial)];
            if (!losses.IsEmpty) losses[pos] = loss;
            sum += loss;
            denominator += wt;
        }
        return Reduce.Total(sum, denominator, reduction);
    }

    /// <summary>
    /// Writes d(loss)/d(input): −g·w_t at each non-ignored target entry (divided by Σ w_t for Mean), 0 everywhere else.
    /// </summary>
    /// <param name="input">The input of the forward pass (its length fixes the shape).</param>
    /// <param name="targets">The targets of the forward pass.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="gradient">Receives the gradient, same length as <paramref name="input"/>.</param>
    /// <param name="weight">The class weights of the forward pass; <c>default</c> = all ones.</param>
    /// <param name="ignoreIndex">The ignore index of the forward pass.</param>
    /// <param name="reduction">The reduction of the forward pass.</param>
    /// <param name="spatial">d1·d2·… for K-dimensional inputs; 1 for (N, C) rows.</param>
    /// <param name="gradOutput">Upstream gradient: one per position for None, one value (or none) for Mean/Sum; <c>default</c> = ones.</param>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/>, or a gradient/gradOutput of the wrong length.</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input,
        ReadOnlySpan<int> targets,
        int classes,
        Span<T> gradient,
        ReadOnlySpan<T> weight = default,
        int ignoreIndex = -100,
        Reduction reduction = Reduction.Mean,
        int spatial = 1,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        var positions = Validate(input, targets, classes, weight, ignoreIndex, reduction, spatial);
        Guard.DestinationLength(gradient, input.Length, nameof(gradient));
        Guard.GradOutput(gradOutput, positions, reduction != Reduction.None, nameof(gradOutput));

        var denominator = T.Zero;
        foreach (var t in targets)
            if (t != ignoreIndex) denominator += weight.IsEmpty ? T.One : weight[t];
        var scale = Reduce.Scale(denominator, reduction);

        gradient.Clear();
        for (var pos = 0; pos < positions; pos++)
        {
            var t = targets[pos];
            if (t == ignoreIndex) continue;
            var wt = weight.IsEmpty ? T.One : weight[t];
            gradient[Index(pos, t, classes, spatial)] = -(Reduce.Upstream(gradOutput, pos, reduction) * scale) * wt;
        }
    }

    /// <summary>Flat index of class <paramref name="c"/> at position <paramref name="pos"/> = n·spatial + s.</summary>
    private static int Index(int pos, int c, int classes, int spatial)
    {
        var n = pos / spatial;
        var s = pos - n * spatial;
        return (n * classes + c) * spatial + s;
    }

    private static int Validate<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> targets, int classes, ReadOnlySpan<T> weight, int ignoreIndex, Reduction reduction, int spatial)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(input, nameof(input));
        var positions = Guard.Positions(input, classes, spatial, nameof(input));
        Guard.TargetCount(targets, positions, nameof(targets), nameof(input));
        Guard.Defined(reduction);
        Guard.ClassIndices(targets, classes, ignoreIndex, nameof(targets));
        Guard.PerClass(weight, classes, nameof(weight));
        Guard.NonNegative(weight, nameof(weight));
        return positions;
    }
}

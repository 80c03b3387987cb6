using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Kullback–Leibler divergence with PyTorch semantics (<c>torch.nn.KLDivLoss</c>, <c>F.kl_div</c>): the input is
/// the model's <b>log</b>-probabilities, the target the true distribution (probabilities, or log-probabilities
/// with <c>logTarget</c>).
/// </summary>
/// <remarks>
/// <para>Formula, pointwise: ℓ = t·log t − t·x with 0·log 0 = 0 (<c>xlogy(t, t) − t·x</c>), or with
/// <c>logTarget</c>: ℓ = e^t·(t − x). Summed over a row this is KL(target ‖ exp(input)).</para>
/// <para>Shapes: input and target have the same length (any shape, flattened); <c>batchSize</c> is the first
/// dimension N, used by BatchMean and to check that the buffer is a whole number of samples.</para>
/// <para>Reduction: None (returns the sum, pointwise terms in <c>losses</c>), Sum, Mean over <b>all elements</b>
/// (not per sample: PyTorch warns about it), BatchMean = sum / N, the KL divergence per sample.</para>
/// <para>Edge cases: probability targets must be in [0, 1], log targets ≤ 0, neither NaN; a zero target contributes
/// 0 whatever the input, except where the input is ±∞ or NaN, which propagates (0·∞ = NaN) as in PyTorch.</para>
/// </remarks>
public static class KLDivergence
{
    /// <summary>Computes the loss; see the class remarks for formula, shapes and edge cases.</summary>
    /// <param name="input">Model log-probabilities x.</param>
    /// <param name="target">Target probabilities t (or log-probabilities when <paramref name="logTarget"/>), same length.</param>
    /// <param name="batchSize">N, the first dimension (1 for a single distribution).</param>
    /// <param name="losses">Optional: receives every pointwise term; <c>default</c> skips it.</param>
    /// <param name="reduction">None (returns the sum), Mean (over elements), Sum or BatchMean (sum / N).</param>
    /// <param name="logTarget">True when <paramref name="target"/> holds log-probabilities.</param>
    /// <returns>The reduced divergence in nats.</returns>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, a length that is not a whole number of samples, or invalid targets.</exception>
    public static T Forward<T>(
        ReadOnlySpan<T> input,
        ReadOnlySpan<T> target,
        int batchSize,
        Span<T> losses = default,
        KLDivReduction reduction = KLDivReduction.Mean,
        bool logTarget = false)
        where T : IFloatingPointIeee754<T>
    {
        Validate(input, target, batchSize, reduction, logTarget);
        Guard.OptionalDestination(losses, input.Length, nameof(losses));

        var sum = T.Zero;
        for (var i = 0; i < input.Length; i++)
        {
            T x = input[i], t = target[i];
            var loss = logTarget ? T.Exp(t) * (t - x) : ScalarMath.XLogY(t, t) - t * x;
            if (!losses.IsEmpty) losses[i] = loss;
            sum += loss;
        }
        return reduction switch
        {
            KLDivReduction.Mean => sum / T.CreateChecked(input.Length),
            KLDivReduction.BatchMean => sum / T.CreateChecked(batchSize),
            _ => sum,
        };
    }

    /// <summary>
    /// Writes d(loss)/d(input): −g·t (or −g·e^t with <paramref name="logTarget"/>), divided by the element count for
    /// Mean and by N for BatchMean.
    /// </summary>
    /// <param name="input">Model log-probabilities of the forward pass.</param>
    /// <param name="target">Targets of the forward pass.</param>
    /// <param name="batchSize">N, the first dimension.</param>
    /// <param name="gradient">Receives the gradient, same length as <paramref name="input"/>.</param>
    /// <param name="reduction">The reduction of the forward pass.</param>
    /// <param name="logTarget">True when <paramref name="target"/> holds log-probabilities.</param>
    /// <param name="gradOutput">Upstream gradient: one per element for None, one value (or none) otherwise; <c>default</c> = ones.</param>
    /// <exception cref="ArgumentException">As <see cref="Forward{T}"/>, or a gradient/gradOutput of the wrong length.</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input,
        ReadOnlySpan<T> target,
        int batchSize,
        Span<T> gradient,
        KLDivReduction reduction = KLDivReduction.Mean,
        bool logTarget = false,
        ReadOnlySpan<T> gradOutput = default)
        where T : IFloatingPointIeee754<T>
    {
        Validate(input, target, batchSize, reduction, logTarget);
        Guard.DestinationLength(gradient, input.Length, nameof(gradient));
        Guard.GradOutput(gradOutput, input.Length, reduction != KLDivReduction.None, nameof(gradOutput));

        var scale = reduction switch
        {
            KLDivReduction.Mean => T.One / T.CreateChecked(input.Length),
            KLDivReduction.BatchMean => T.One / T.CreateChecked(batchSize),
            _ => T.One,
        };
        for (var i = 0; i < input.Length; i++)
        {
            var g = gradOutput.IsEmpty ? T.One : reduction == KLDivReduction.None ? gradOutput[i] : gradOutput[0];
            var t = target[i];
            gradient[i] = -(g * scale) * (logTarget ? T.Exp(t) : t);
        }
    }

    private static void Validate<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> target, int batchSize, KLDivReduction reduction, bool logTarget)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(input, nameof(input));
        Guard.SameLength(input, nameof(input), target, nameof(target));
        Guard.Defined(reduction);
        Guard.Positive(batchSize, nameof(batchSize), "batch size (the first dimension)");
        if (input.Length % batchSize != 0)
            throw new ArgumentException(
                $"input has {input.Length} values, which does not split into {batchSize} samples of equal size: expected a multiple of batchSize ({batchSize}).", nameof(input));
        if (logTarget) Guard.LogTargets(target, nameof(target));
        else Guard.Targets(target, nameof(target));
    }
}

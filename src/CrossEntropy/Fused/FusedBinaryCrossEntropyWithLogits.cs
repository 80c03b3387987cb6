using System.Runtime.Intrinsics;
using CrossEntropy.Internal;

namespace CrossEntropy.Fused;

/// <summary>
/// Fused float32 binary cross-entropy from logits (PyTorch's <c>binary_cross_entropy_with_logits</c>):
/// loss and gradient from one pass over the logits. The public <c>BinaryCrossEntropyWithLogits</c>
/// dispatches here for float inputs.
/// </summary>
/// <remarks>
/// <para>Formula per element with logit x, target y ∈ [0, 1], weight w and pos_weight q (both broadcast: element i
/// uses [i mod length]): ℓ = w·[(1 − y)·x + (1 + (q − 1)·y)·softplus(−x)], softplus(−x) = max(−x, 0) + log(1 + e^(−|x|)).
/// Gradient: w·[(1 + (q − 1)·y)·σ(x) − q·y] (σ(x) − y without pos_weight), times the reduction scale and upstream gradient.</para>
/// <para>Reduction: Mean divides by the element count, Sum adds, None returns the sum and leaves the per-element
/// losses in <c>losses</c>. NaN and ±∞ logits propagate as in PyTorch.</para>
/// <para>Accuracy and allocation: as <see cref="FusedSoftmaxCrossEntropy"/> (float32 polynomials within 2 ulp, double
/// block sums in a fixed order, nothing allocated below 65 536 elements, a constant ~3.5 KB above: the target check
/// and the kernel each run one Parallel.For; with <c>MaxThreads = 1</c> nothing is allocated at any size).</para>
/// </remarks>
internal static unsafe class FusedBinaryCrossEntropyWithLogits
{
    /// <summary>The loss, and per-element losses into <paramref name="losses"/> when given.</summary>
    /// <param name="logits">Raw scores.</param>
    /// <param name="targets">Targets in [0, 1], same length.</param>
    /// <param name="losses">Empty, or one value per element.</param>
    /// <param name="weight">Empty, or a weight whose length divides the input's.</param>
    /// <param name="posWeight">Empty, or a pos_weight whose length divides the input's.</param>
    /// <param name="reduction">Mean, Sum, or None (returns the sum).</param>
    /// <param name="options">Width and thread limit (tests).</param>
    public static float Forward(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> losses = default,
        ReadOnlySpan<float> weight = default, ReadOnlySpan<float> posWeight = default,
        Reduction reduction = Reduction.Mean, FusedOptions options = default)
    {
        Validate(logits, targets, weight, posWeight, reduction, options.MaxThreads);
        if (!losses.IsEmpty) Guard.DestinationLength(losses, logits.Length, nameof(losses));
        return Unchecked(logits, targets, losses, weight, posWeight, reduction, default, default, withLoss: true, options);
    }

    /// <summary>The gradient only (no loss is computed).</summary>
    /// <param name="logits">Raw scores.</param>
    /// <param name="targets">Targets in [0, 1], same length.</param>
    /// <param name="gradient">Receives d(loss)/d(logits), one value per element.</param>
    /// <param name="weight">Empty, or a weight whose length divides the input's.</param>
    /// <param name="posWeight">Empty, or a pos_weight whose length divides the input's.</param>
    /// <param name="reduction">The forward pass's reduction.</param>
    /// <param name="gradOutput">Upstream gradient: empty (ones), one value for Mean/Sum, one per element for None.</param>
    /// <param name="options">Width and thread limit (tests).</param>
    public static void Backward(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient,
        ReadOnlySpan<float> weight = default, ReadOnlySpan<float> posWeight = default,
        Reduction reduction = Reduction.Mean, ReadOnlySpan<float> gradOutput = default, FusedOptions options = default)
    {
        Validate(logits, targets, weight, posWeight, reduction, options.MaxThreads);
        ValidateGradient(logits, gradient, gradOutput, reduction);
        Unchecked(logits, targets, default, weight, posWeight, reduction, gradient, gradOutput, withLoss: false, options);
    }

    /// <summary>The loss and its gradient in one pass.</summary>
    /// <param name="logits">Raw scores.</param>
    /// <param name="targets">Targets in [0, 1], same length.</param>
    /// <param name="gradient">Receives d(loss)/d(logits), one value per element.</param>
    /// <param name="losses">Empty, or one value per element.</param>
    /// <param name="weight">Empty, or a weight whose length divides the input's.</param>
    /// <param name="posWeight">Empty, or a pos_weight whose length divides the input's.</param>
    /// <param name="reduction">Mean, Sum, or None (returns the sum).</param>
    /// <param name="gradOutput">Upstream gradient: empty (ones), one value for Mean/Sum, one per element for None.</param>
    /// <param name="options">Width and thread limit (tests).</param>
    public static float ForwardBackward(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient, Span<float> losses = default,
        ReadOnlySpan<float> weight = default, ReadOnlySpan<float> posWeight = default,
        Reduction reduction = Reduction.Mean, ReadOnlySpan<float> gradOutput = default, FusedOptions options = default)
    {
        Validate(logits, targets, weight, posWeight, reduction, options.MaxThreads);
        if (!losses.IsEmpty) Guard.DestinationLength(losses, logits.Length, nameof(losses));
        ValidateGradient(logits, gradient, gradOutput, reduction);
        return Unchecked(logits, targets, losses, weight, posWeight, reduction, gradient, gradOutput, withLoss: true, options);
    }

    /// <summary>
    /// The kernel without the argument checks: callers (the public API and the methods above) validate everything,
    /// targets included, before calling, so a bad call writes nothing. Empty gradient = forward only.
    /// </summary>
    internal static float Unchecked(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> losses, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> posWeight, Reduction reduction, Span<float> gradient, ReadOnlySpan<float> gradOutput,
        bool withLoss, FusedOptions options)
    {
        var n = logits.Length;
        var scale = reduction == Reduction.Mean ? 1f / n : 1f;
        var perElementUpstream = reduction == Reduction.None && !gradOutput.IsEmpty;
        if (!gradOutput.IsEmpty && !perElementUpstream) scale *= gradOutput[0];

        fixed (float* x = logits)
        fixed (float* y = targets)
        fixed (float* l = losses)
        fixed (float* w = weight)
        fixed (float* q = posWeight)
        fixed (float* g = gradient)
        fixed (float* up = gradOutput)
        {
            var args = new BinaryCrossEntropyWithLogitsArgs
            {
                Logits = x, Targets = y, Weight = w, WeightPeriod = weight.Length, PosWeight = q, PosWeightPeriod = posWeight.Length,
                WithLoss = withLoss, Losses = l, Gradient = g, GradientScale = scale, Upstream = perElementUpstream ? up : null, Length = n,
            };
            var plain = w == null && q == null && l == null && args.Upstream == null;
            var total = (plain, withLoss, g != null) switch
            {
                (true, true, true) => Run<PlainForwardBackwardMode>(args, options),
                (true, true, false) => Run<PlainForwardMode>(args, options),
                (true, false, true) => Run<PlainBackwardMode>(args, options),
                _ => Run<GeneralBinaryMode>(args, options),
            };
            return reduction == Reduction.Mean ? (float)(total / n) : (float)total;
        }
    }

    private static double Run<TMode>(in BinaryCrossEntropyWithLogitsArgs args, FusedOptions options) where TMode : struct, IBinaryCrossEntropyMode =>
        FixedBlocks.Run(new Body<TMode> { Width = options.Resolve(), Args = args }, args.Length, FixedBlocks.BlockElements, args.Length, options.MaxThreads);

    private static void Validate(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<float> weight, ReadOnlySpan<float> posWeight, Reduction reduction, int maxThreads)
    {
        Guard.NotEmpty(logits, nameof(logits));
        Guard.SameLength(logits, nameof(logits), targets, nameof(targets));
        // Before anything is written: one vectorized read, and the indexed scan that names the element only on failure.
        if (!Guard.AllInUnitInterval(targets, maxThreads)) Guard.Targets(targets, nameof(targets));
        if (reduction is not (Reduction.None or Reduction.Mean or Reduction.Sum))
            throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction is {(int)reduction}: expected Reduction.None, Reduction.Mean or Reduction.Sum.");
        Broadcasts(weight, nameof(weight), logits.Length);
        Guard.NonNegative(weight, nameof(weight));
        Broadcasts(posWeight, nameof(posWeight), logits.Length);
        Guard.NonNegative(posWeight, nameof(posWeight));
    }

    private static void Broadcasts(ReadOnlySpan<float> values, string name, int length)
    {
        if (!values.IsEmpty && length % values.Length != 0)
            throw new ArgumentException($"{name} has {values.Length} values, which does not broadcast over logits of {length} values: expected {length} values or the size of the trailing dimensions.", name);
    }

    private static void ValidateGradient(ReadOnlySpan<float> logits, Span<float> gradient, ReadOnlySpan<float> gradOutput, Reduction reduction)
    {
        Guard.DestinationLength(gradient, logits.Length, nameof(gradient));
        var expected = reduction == Reduction.None ? logits.Length : 1;
        if (!gradOutput.IsEmpty && gradOutput.Length != expected)
            throw new ArgumentException($"gradOutput has {gradOutput.Length} values: expected {expected} or none.", nameof(gradOutput));
    }

    /// <summary>One block of elements at the chosen width, for one kernel mode.</summary>
    private struct Body<TMode> : IBlockBody where TMode : struct, IBinaryCrossEntropyMode
    {
        public BinaryCrossEntropyWithLogitsArgs Args;
        public SimdWidth Width;

        public readonly double Run(int start, int end) => Width switch
        {
            SimdWidth.W512 => BinaryCrossEntropyWithLogitsKernel.Run<Vector512<float>, Simd512, TMode>(Args, start, end),
            SimdWidth.W256 => BinaryCrossEntropyWithLogitsKernel.Run<Vector256<float>, Simd256, TMode>(Args, start, end),
            _ => BinaryCrossEntropyWithLogitsKernel.Run<Vector128<float>, Simd128, TMode>(Args, start, end),
        };
    }
}

using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>Checks added for the PyTorch-semantics kernels (broadcasting, positions, upstream gradients).</summary>
internal static partial class Guard
{
    /// <summary>
    /// A weight broadcasts over an input when its length equals the input's or divides it, i.e. it matches the
    /// input's trailing dimensions (the usual case: one weight per column of the last dimension).
    /// </summary>
    public static void Broadcasts<T>(ReadOnlySpan<T> weight, string name, int inputLength, string inputName)
    {
        if (weight.IsEmpty) return;
        if (inputLength % weight.Length != 0)
            throw new ArgumentException(
                $"{name} has {weight.Length} values, which does not broadcast over {inputName} of {inputLength} values: expected {inputLength} values or the size of {inputName}'s trailing dimensions (e.g. its last dimension).", name);
    }

    /// <summary>A per-class vector (class weights) must hold exactly one value per class.</summary>
    public static void PerClass<T>(ReadOnlySpan<T> weight, int classes, string name)
    {
        if (weight.IsEmpty) return;
        if (weight.Length != classes)
            throw new ArgumentException($"{name} has {weight.Length} values: expected {classes} (one per class).", name);
    }

    public static void Positive(int value, string name, string what)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, $"{name} is {value}: expected a positive {what}.");
    }

    /// <summary>
    /// Positions of an (N, C, d1, …) buffer: N·d1·…; throws when the length is not a whole number of C·spatial blocks.
    /// </summary>
    public static int Positions<T>(ReadOnlySpan<T> input, int classes, int spatial, string name)
    {
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), $"classes is {classes}: expected a positive count.");
        if (spatial <= 0)
            throw new ArgumentOutOfRangeException(nameof(spatial), $"spatial is {spatial}: expected a positive count (d1·d2·…, 1 for plain N×C rows).");
        var block = (long)classes * spatial;
        if (input.Length % block != 0)
            throw new ArgumentException(
                $"{name} has {input.Length} values, which is not a whole number of samples of {classes} classes × {spatial} positions: expected a multiple of {block}.", name);
        return (int)(input.Length / block * spatial);
    }

    /// <summary>One class index per position.</summary>
    public static void TargetCount(ReadOnlySpan<int> targets, int positions, string name, string inputName)
    {
        if (targets.Length != positions)
            throw new ArgumentException(
                $"{name} has {targets.Length} values but {inputName} has {positions} positions (samples × spatial positions): expected one class index per position.", name);
    }

    /// <summary>An optional output span: empty (skip) or exactly the required length.</summary>
    public static void OptionalDestination<T>(Span<T> destination, int required, string name)
    {
        if (destination.IsEmpty) return;
        DestinationLength(destination, required, name);
    }

    /// <summary>
    /// The upstream gradient: empty (all ones); one value per output for <see cref="Reduction.None"/>;
    /// a single value for a reduced (scalar) loss.
    /// </summary>
    public static void GradOutput<T>(ReadOnlySpan<T> gradOutput, int outputs, bool reduced, string name = "gradOutput")
    {
        if (gradOutput.IsEmpty) return;
        var expected = reduced ? 1 : outputs;
        if (gradOutput.Length != expected)
            throw new ArgumentException(reduced
                ? $"{name} has {gradOutput.Length} values: expected 1 (the loss is reduced to a scalar) or none."
                : $"{name} has {gradOutput.Length} values: expected {outputs} (one per unreduced loss) or none.", name);
    }

    /// <summary>Log-probability targets (kl_div with log_target): not NaN, at most 0.</summary>
    public static void LogTargets<T>(ReadOnlySpan<T> y, string name) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++)
        {
            var v = y[i];
            if (T.IsNaN(v))
                throw new ArgumentException($"{name}[{i}] is NaN: expected a log-probability ≤ 0.", name);
            if (v > T.Zero)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is above 0: expected a log-probability ≤ 0 (pass probabilities with logTarget: false).");
        }
    }

    public static void Defined(Reduction reduction, string name = "reduction")
    {
        if (reduction is not (Reduction.None or Reduction.Mean or Reduction.Sum))
            throw new ArgumentOutOfRangeException(name, $"{name} is {(int)reduction}: expected Reduction.None, Reduction.Mean or Reduction.Sum.");
    }

    public static void Defined(KLDivReduction reduction, string name = "reduction")
    {
        if (reduction is not (KLDivReduction.None or KLDivReduction.Mean or KLDivReduction.Sum or KLDivReduction.BatchMean))
            throw new ArgumentOutOfRangeException(name, $"{name} is {(int)reduction}: expected KLDivReduction.None, Mean, Sum or BatchMean.");
    }
}

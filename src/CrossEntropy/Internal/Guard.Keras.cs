using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Argument checks used by the Keras losses and the information-theory helpers. Same rule as the rest
/// of <see cref="Guard"/>: one line naming the argument, the offending index and value, and the fix.
/// </summary>
internal static partial class Guard
{
    /// <summary>Keras rescales categorical rows itself, so values above 1 are allowed; negatives are not.</summary>
    public static void NonNegativePredictions<T>(ReadOnlySpan<T> p, string name) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < p.Length; i++)
        {
            var v = p[i];
            if (T.IsNaN(v)) continue; // NaN predictions propagate
            if (v < T.Zero)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is negative: expected a probability ≥ 0 (pass logits with fromLogits: true).");
        }
    }

    /// <summary>A row of probabilities that Keras divides by its sum must have a positive sum.</summary>
    public static void PositiveRowSum<T>(T sum, int row, string name) where T : IFloatingPointIeee754<T>
    {
        if (sum == T.Zero)
            throw new ArgumentException($"{name} row {row} sums to 0: expected at least one positive probability so the row can be rescaled to sum to 1.", name);
    }

    /// <summary>A distribution: every value in [0, 1] and a total of 1 within a tolerance that scales with the length.</summary>
    public static void Distribution<T>(ReadOnlySpan<T> p, string name) where T : IFloatingPointIeee754<T>
    {
        NotEmpty(p, name);
        var sum = T.Zero;
        var hasNaN = false;
        for (var i = 0; i < p.Length; i++)
        {
            var v = p[i];
            if (T.IsNaN(v)) { hasNaN = true; continue; }
            if (v < T.Zero || v > T.One)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is outside [0, 1]: expected a probability distribution.");
            sum += v;
        }
        if (hasNaN) return; // NaN propagates into the result rather than failing the check
        var unitRoundoff = T.BitIncrement(T.One) - T.One;
        var tolerance = T.CreateChecked(1e-6) + T.CreateChecked(16 * p.Length) * unitRoundoff;
        if (T.Abs(sum - T.One) > tolerance)
            throw new ArgumentException($"{name} sums to {Format(sum)}: expected a probability distribution that sums to 1 (divide by the sum first).", name);
    }

    public static void InUnitInterval(double value, string name, string what)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ArgumentOutOfRangeException(name, $"{name} = {Format(value)} is outside [0, 1]: expected {what} in [0, 1].");
    }

    public static void NonNegativeFinite(double value, string name, string what)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, $"{name} = {Format(value)} is negative or not finite: expected {what} ≥ 0.");
    }

    /// <summary>
    /// Keras sample weights: one per per-sample loss, one per leading row (broadcast over the trailing axes),
    /// or a single value; finite and non-negative.
    /// </summary>
    public static void SampleWeight<T>(ReadOnlySpan<T> sampleWeight, int perSampleCount, string name) where T : IFloatingPointIeee754<T>
    {
        if (sampleWeight.IsEmpty) return;
        if (perSampleCount % sampleWeight.Length != 0)
            throw new ArgumentException(
                $"{name} has {sampleWeight.Length} values but there are {perSampleCount} per-sample losses: expected {perSampleCount}, 1, or a leading-axis length that divides {perSampleCount}.", name);
        NonNegative(sampleWeight, name);
        for (var i = 0; i < sampleWeight.Length; i++)
            if (T.IsInfinity(sampleWeight[i]))
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(sampleWeight[i])} is infinite: expected a finite weight ≥ 0.");
    }

    public static void ClassIndicesOrIgnored(ReadOnlySpan<int> targets, int classes, int? ignoreClass, string name)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            var t = targets[i];
            if (ignoreClass is { } ignored && t == ignored) continue;
            if ((uint)t >= (uint)classes)
                throw new ArgumentOutOfRangeException(name, ignoreClass is { } ig
                    ? $"{name}[{i}] = {t} is not a class index: expected 0 to {classes - 1} (or the ignore class {ig})."
                    : $"{name}[{i}] = {t} is not a class index: expected 0 to {classes - 1} (pass ignoreClass to skip a label).");
        }
    }

    public static void BinaryLabels(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] is not (0 or 1))
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {labels[i]} is not a class: expected 0 or 1.");
    }
}

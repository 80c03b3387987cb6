namespace CrossEntropy;

/// <summary>
/// How a Keras loss object combines its per-sample losses (Keras 3 <c>reduction</c> argument).
/// Every reduction first multiplies each per-sample loss by its sample weight (1 when none is given).
/// </summary>
public enum KerasReduction
{
    /// <summary>
    /// <c>"sum_over_batch_size"</c> (the default, also <c>"mean"</c>): Σ(loss · sample_weight) divided by the
    /// number of per-sample losses, not by Σ sample_weight. With a mask (ignore_class) the divisor is the
    /// number of unmasked losses, and 0 when all are masked.
    /// </summary>
    SumOverBatchSize,

    /// <summary><c>"sum"</c>: Σ(loss · sample_weight).</summary>
    Sum,

    /// <summary><c>None</c> / <c>"none"</c>: no reduction; the loss object returns loss · sample_weight per sample.</summary>
    None,

    /// <summary><c>"mean_with_sample_weight"</c>: Σ(loss · sample_weight) / Σ sample_weight (0 when the weights sum to 0).</summary>
    MeanWithSampleWeight,
}

/// <summary>Conversions for <see cref="KerasReduction"/>.</summary>
public static class KerasReductionExtensions
{
    /// <summary>The string Keras uses for this reduction: "sum_over_batch_size", "sum", "none" or "mean_with_sample_weight".</summary>
    public static string KerasName(this KerasReduction reduction) => reduction switch
    {
        KerasReduction.SumOverBatchSize => "sum_over_batch_size",
        KerasReduction.Sum => "sum",
        KerasReduction.None => "none",
        KerasReduction.MeanWithSampleWeight => "mean_with_sample_weight",
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction is {(int)reduction}: expected SumOverBatchSize, Sum, None or MeanWithSampleWeight."),
    };

    /// <summary>The closest PyTorch-style <see cref="Reduction"/>, used by the shared report records (both means map to <see cref="Reduction.Mean"/>).</summary>
    public static Reduction ToReduction(this KerasReduction reduction) => reduction switch
    {
        KerasReduction.SumOverBatchSize or KerasReduction.MeanWithSampleWeight => Reduction.Mean,
        KerasReduction.Sum => Reduction.Sum,
        KerasReduction.None => Reduction.None,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction is {(int)reduction}: expected SumOverBatchSize, Sum, None or MeanWithSampleWeight."),
    };
}

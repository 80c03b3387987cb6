namespace CrossEntropy;

/// <summary>
/// How per-element losses are combined into the returned value, as in PyTorch's <c>reduction</c> argument.
/// </summary>
public enum Reduction
{
    /// <summary>No reduction: one loss per element (or per sample) is written to the output.</summary>
    None,

    /// <summary>The (possibly weighted) mean; each loss documents its exact denominator.</summary>
    Mean,

    /// <summary>The sum of the per-element losses.</summary>
    Sum,
}

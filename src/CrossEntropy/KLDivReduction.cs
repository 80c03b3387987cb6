namespace CrossEntropy;

/// <summary>
/// The reductions of PyTorch's <c>kl_div</c>, which has one more than <see cref="Reduction"/>:
/// <c>batchmean</c>, the sum divided by the batch size, which is the mathematically correct KL divergence per sample.
/// </summary>
public enum KLDivReduction
{
    /// <summary>No reduction: one pointwise term per element.</summary>
    None,

    /// <summary>The mean over <b>all elements</b> (PyTorch warns that this is not the KL divergence per sample).</summary>
    Mean,

    /// <summary>The sum of all pointwise terms.</summary>
    Sum,

    /// <summary>The sum divided by the batch size (the first dimension): the KL divergence per sample.</summary>
    BatchMean,
}

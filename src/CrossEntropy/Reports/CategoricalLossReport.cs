using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>One sample of a multi-class loss.</summary>
/// <param name="Index">Zero-based position of the sample.</param>
/// <param name="Target">The true class index (or −1 for a probability target with no single class).</param>
/// <param name="Probabilities">The predicted distribution over the classes (softmax of the logits, or the given probabilities after any rescaling/clipping).</param>
/// <param name="ProbabilityOfTrueClass">The predicted probability of <paramref name="Target"/>.</param>
/// <param name="Loss">This sample's loss in the report's log base, before reduction (0 when ignored).</param>
/// <param name="Ignored">True when the target equals the ignore index/class and the sample does not count.</param>
public sealed record CategoricalSample(
    int Index,
    int Target,
    ImmutableArray<double> Probabilities,
    double ProbabilityOfTrueClass,
    double Loss,
    bool Ignored = false);

/// <summary>A multi-class cross-entropy computed for a notebook.</summary>
/// <param name="Semantics">Whose behaviour was reproduced, e.g. "PyTorch CrossEntropyLoss".</param>
/// <param name="LogBase">The base of the logarithms in every loss value.</param>
/// <param name="Reduction">How <see cref="Total"/> was formed.</param>
/// <param name="Classes">Class names, one per column (defaults to "0", "1", …).</param>
/// <param name="Samples">One row per sample.</param>
/// <param name="Total">The reduced loss (for <see cref="Reduction.None"/>: the sum, shown for reference).</param>
/// <param name="Warnings">Notes on what was adjusted (e.g. rows rescaled to sum to 1), empty if none.</param>
public sealed record CategoricalLossReport(
    string Semantics,
    LogBase LogBase,
    Reduction Reduction,
    ImmutableArray<string> Classes,
    ImmutableArray<CategoricalSample> Samples,
    double Total,
    ImmutableArray<string> Warnings);

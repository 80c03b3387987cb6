using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>
/// The discrete error of a binary classifier beside its continuous loss, so that a small move of the
/// decision line can be seen to change the loss but not the count.
/// </summary>
/// <param name="Threshold">A sample is predicted positive when its probability is ≥ this value.</param>
/// <param name="Misclassified">How many samples fall on the wrong side.</param>
/// <param name="Count">How many samples there are.</param>
/// <param name="ErrorRate">Misclassified / Count.</param>
/// <param name="MisclassifiedIndices">Which samples are misclassified.</param>
/// <param name="Loss">The mean binary cross-entropy of the same predictions, in nats.</param>
public sealed record ClassificationErrorReport(
    double Threshold,
    int Misclassified,
    int Count,
    double ErrorRate,
    ImmutableArray<int> MisclassifiedIndices,
    double Loss)
{
    /// <summary>The label of each sample, 0 or 1 (empty when not recorded).</summary>
    public ImmutableArray<int> Labels { get; init; } = [];

    /// <summary>The predicted probability of class 1 for each sample (empty when not recorded).</summary>
    public ImmutableArray<double> Probabilities { get; init; } = [];

    /// <summary>Each sample's binary cross-entropy in nats; <see cref="Loss"/> is their mean (empty when not recorded).</summary>
    public ImmutableArray<double> Losses { get; init; } = [];
}

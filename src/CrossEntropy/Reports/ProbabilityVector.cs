using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>Scores turned into probabilities (by softmax or sigmoid), labelled for display as a row of bars.</summary>
/// <param name="Activation">"softmax" or "sigmoid".</param>
/// <param name="Labels">One label per value (class names, or "0", "1", …).</param>
/// <param name="Scores">The raw scores (logits) that went in.</param>
/// <param name="Probabilities">The probabilities that came out.</param>
public sealed record ProbabilityVector(
    string Activation,
    ImmutableArray<string> Labels,
    ImmutableArray<double> Scores,
    ImmutableArray<double> Probabilities)
{
    /// <summary>
    /// Whether the probabilities are one distribution over classes, summing to 1 (softmax), rather than one independent
    /// probability per score (sigmoid), whose sum means nothing.
    /// </summary>
    public bool IsDistribution => !string.Equals(Activation, "sigmoid", StringComparison.OrdinalIgnoreCase);
}

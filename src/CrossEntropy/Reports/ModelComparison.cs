using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>How well one model's predicted probabilities of the true outcomes explain the data.</summary>
/// <param name="Name">The model's name, e.g. "A".</param>
/// <param name="Probabilities">The probability the model gave to what actually happened, per sample.</param>
/// <param name="Product">The likelihood: the product of <paramref name="Probabilities"/>.</param>
/// <param name="LogLikelihood">Σ log p in the comparison's base (≤ 0).</param>
/// <param name="CrossEntropy">−Σ log p in the comparison's base: the summed cross-entropy.</param>
/// <param name="MeanCrossEntropy">The cross-entropy divided by the number of samples.</param>
public sealed record ModelScore(
    string Name,
    ImmutableArray<double> Probabilities,
    double Product,
    double LogLikelihood,
    double CrossEntropy,
    double MeanCrossEntropy);

/// <summary>Several models side by side; the best one has the highest likelihood (lowest cross-entropy).</summary>
/// <param name="LogBase">The base of the logarithms.</param>
/// <param name="Models">One score per model, in input order.</param>
public sealed record ModelComparison(LogBase LogBase, ImmutableArray<ModelScore> Models);

using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>Entropy, cross-entropy and KL divergence of a true distribution p and a predicted q.</summary>
/// <param name="LogBase">The base of the logarithms.</param>
/// <param name="P">The true distribution.</param>
/// <param name="Q">The predicted distribution (may be empty when only H(p) was asked).</param>
/// <param name="Entropy">H(p) = −Σ p log p.</param>
/// <param name="CrossEntropy">H(p, q) = −Σ p log q (NaN when Q is empty).</param>
/// <param name="KlDivergence">KL(p‖q) = Σ p log(p/q) = H(p, q) − H(p) (NaN when Q is empty).</param>
public sealed record InformationReport(
    LogBase LogBase,
    ImmutableArray<double> P,
    ImmutableArray<double> Q,
    double Entropy,
    double CrossEntropy,
    double KlDivergence);

using System.Collections.Immutable;

namespace CrossEntropy.Reports;

/// <summary>One sample of a binary loss: its label, the predicted probability of class 1 and its loss.</summary>
/// <param name="Index">Zero-based position of the sample in the input.</param>
/// <param name="Label">The target y, 0 or 1 (or a soft target in [0, 1]).</param>
/// <param name="Probability">The predicted probability p that the label is 1 (after clipping, if the semantics clip).</param>
/// <param name="ProbabilityOfTrueClass">p when the label is 1, 1 − p when it is 0 (for soft labels: y·p + (1−y)·(1−p)).</param>
/// <param name="Loss">This sample's loss in the report's log base, before reduction.</param>
/// <param name="Logit">The raw score the probability came from, when the loss was computed from logits.</param>
public sealed record BinarySample(int Index, double Label, double Probability, double ProbabilityOfTrueClass, double Loss, double? Logit = null);

/// <summary>A binary cross-entropy computed for a notebook: per-sample rows and the reduced total.</summary>
/// <param name="Semantics">Whose behaviour was reproduced, e.g. "PyTorch BCELoss" or "Keras BinaryCrossentropy".</param>
/// <param name="LogBase">The base of the logarithms in every loss value.</param>
/// <param name="Reduction">How <see cref="Total"/> was formed from the per-sample losses.</param>
/// <param name="Samples">One row per sample, in input order.</param>
/// <param name="Total">The reduced loss (for <see cref="Reduction.None"/>: the sum, shown for reference).</param>
public sealed record BinaryLossReport(
    string Semantics,
    LogBase LogBase,
    Reduction Reduction,
    ImmutableArray<BinarySample> Samples,
    double Total)
{
    /// <summary>Notes on what the semantics adjusted (e.g. probabilities clipped to [1e-7, 1 − 1e-7]), empty if none.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}

namespace CrossEntropy.Training;

/// <summary>
/// The loss a model trains on, seen through the library's loss kernels: mean cross-entropy over a batch,
/// its gradient w.r.t. the logits, and how many rows the logits classify correctly.
/// </summary>
internal abstract class TrainingObjective
{
    /// <summary>Logits per row (1 for a binary model, C for softmax).</summary>
    public abstract int Outputs { get; }

    /// <summary>Mean loss over the rows, and its gradient w.r.t. <paramref name="logits"/> into <paramref name="gradient"/>.</summary>
    public abstract double ForwardBackward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, Span<double> gradient);

    /// <summary>Mean loss over the rows.</summary>
    public abstract double Forward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels);

    /// <summary>The number of rows whose highest-scoring class is the label.</summary>
    public abstract int CountCorrect(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels);
}

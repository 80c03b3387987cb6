namespace CrossEntropy.Fused;

/// <summary>
/// One validated softmax cross-entropy call, as raw pointers so the row blocks can run on worker threads
/// (spans cannot be captured). Built only by <see cref="FusedSoftmaxCrossEntropy"/> over pinned buffers.
/// </summary>
internal readonly unsafe struct SoftmaxCrossEntropyArgs
{
    public required float* Logits { get; init; }
    public required int* Targets { get; init; }
    public required int Classes { get; init; }

    /// <summary>Class weights, or null for all ones.</summary>
    public required float* Weight { get; init; }

    /// <summary>Σ_c weight[c] (C without a weight): the smoothing term's total coefficient.</summary>
    public required float WeightTotal { get; init; }

    /// <summary>ε of label smoothing.</summary>
    public required float Smoothing { get; init; }
    public required int IgnoreIndex { get; init; }

    /// <summary>Per-row loss output, or null.</summary>
    public required float* Losses { get; init; }

    /// <summary>Gradient output (N×C), or null for forward only.</summary>
    public required float* Gradient { get; init; }

    /// <summary>Reduction scale times a scalar upstream gradient (1/denominator for Mean).</summary>
    public required float GradientScale { get; init; }

    /// <summary>Per-row upstream gradient (Reduction.None with gradOutput), or null.</summary>
    public required float* Upstream { get; init; }
}

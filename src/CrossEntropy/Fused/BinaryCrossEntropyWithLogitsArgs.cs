namespace CrossEntropy.Fused;

/// <summary>One validated BCE-with-logits call as raw pointers (see <see cref="SoftmaxCrossEntropyArgs"/> for why).</summary>
internal readonly unsafe struct BinaryCrossEntropyWithLogitsArgs
{
    public required float* Logits { get; init; }
    public required float* Targets { get; init; }

    /// <summary>Per-element weight broadcast with period <see cref="WeightPeriod"/>, or null.</summary>
    public required float* Weight { get; init; }
    public required int WeightPeriod { get; init; }

    /// <summary>pos_weight broadcast with period <see cref="PosWeightPeriod"/>, or null.</summary>
    public required float* PosWeight { get; init; }
    public required int PosWeightPeriod { get; init; }

    /// <summary>Whether the loss is needed (false for a backward-only call).</summary>
    public required bool WithLoss { get; init; }
    public required float* Losses { get; init; }
    public required float* Gradient { get; init; }

    /// <summary>Reduction scale times a scalar upstream gradient (1/N for Mean).</summary>
    public required float GradientScale { get; init; }

    /// <summary>Per-element upstream gradient (Reduction.None with gradOutput), or null.</summary>
    public required float* Upstream { get; init; }

    public required int Length { get; init; }
}

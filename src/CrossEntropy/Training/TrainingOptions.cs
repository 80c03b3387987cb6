using System.Globalization;

namespace CrossEntropy.Training;

/// <summary>
/// Hyper-parameters of a gradient-descent run. Everything that changes the result is here, so a record
/// of these options (plus the data) is enough to reproduce a run bit for bit.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The step size η in θ ← θ − η·∇loss (must be positive and finite). Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Passes over the training set (at least 1). Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// Rows per gradient step; null (the default) or at least the row count means full-batch gradient
    /// descent (one step per epoch), smaller values mean mini-batch descent over a reshuffled order each epoch.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>Seeds the mini-batch order (weights start at zero, so full-batch runs do not depend on it). Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Evaluate the validation set every this many steps (and always at the last step). Default 1.</summary>
    public int EvaluateEvery { get; init; } = 1;

    /// <summary>Throws when an option is out of range; the message names the option and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate),
                $"LearningRate is {LearningRate.ToString(CultureInfo.InvariantCulture)}: expected a positive finite step size such as 0.1.");
        if (Epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), $"Epochs is {Epochs}: expected at least 1 pass over the data.");
        if (BatchSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), $"BatchSize is {BatchSize}: expected at least 1 row per step, or null for full batch.");
        if (EvaluateEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(EvaluateEvery), $"EvaluateEvery is {EvaluateEvery}: expected at least 1 step.");
    }
}

namespace CrossEntropy.Training;

/// <summary>
/// What one gradient step saw, reported to the training callback. All values are measured at the
/// parameters <em>before</em> the step's update, so step 0 shows the untrained model (loss ln 2 for a
/// binary model starting at zero).
/// </summary>
/// <param name="Step">The step number, from 0.</param>
/// <param name="Epoch">The epoch (pass over the data) the step belongs to, from 0.</param>
/// <param name="TrainLoss">Mean cross-entropy (nats) of the batch the gradient came from; the whole training set in full-batch mode.</param>
/// <param name="TrainAccuracy">Share of that batch classified correctly.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation set, or null when there is none or it was not evaluated this step.</param>
/// <param name="ValidationAccuracy">Share of the validation set classified correctly, or null like <paramref name="ValidationLoss"/>.</param>
public sealed record TrainingStep(
    int Step,
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy);

/// <summary>The outcome of a training run: every step, and the losses of the trained model.</summary>
/// <param name="Options">The options the run used.</param>
/// <param name="Steps">Every step in order.</param>
/// <param name="FinalTrainLoss">Mean cross-entropy of the trained model on the whole training set.</param>
/// <param name="FinalTrainAccuracy">Its accuracy on the whole training set.</param>
/// <param name="FinalValidationLoss">Mean cross-entropy on the validation set, or null when there is none.</param>
/// <param name="FinalValidationAccuracy">Accuracy on the validation set, or null when there is none.</param>
public sealed record TrainingHistory(
    TrainingOptions Options,
    IReadOnlyList<TrainingStep> Steps,
    double FinalTrainLoss,
    double FinalTrainAccuracy,
    double? FinalValidationLoss,
    double? FinalValidationAccuracy)
{
    /// <summary>The training loss of every step (for a loss curve).</summary>
    public double[] TrainLosses() => [.. Steps.Select(s => s.TrainLoss)];

    /// <summary>A one-line summary of the end state.</summary>
    public override string ToString() =>
        $"{Steps.Count} steps: train loss {FinalTrainLoss:0.0000}, accuracy {FinalTrainAccuracy:P1}" +
        (FinalValidationLoss is { } v ? $"; validation loss {v:0.0000}, accuracy {FinalValidationAccuracy:P1}" : "");
}

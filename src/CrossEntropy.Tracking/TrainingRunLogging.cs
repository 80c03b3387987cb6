using CrossEntropy.Training;

namespace CrossEntropy.Tracking;

/// <summary>The metric names a training run logs, shared by the logging helpers, rankings and charts.</summary>
public static class TrainingMetrics
{
    /// <summary>Mean cross-entropy of the step's training batch.</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>Accuracy on the step's training batch.</summary>
    public const string TrainAccuracy = "train_accuracy";

    /// <summary>Mean cross-entropy on the validation set.</summary>
    public const string ValidationLoss = "val_loss";

    /// <summary>Accuracy on the validation set.</summary>
    public const string ValidationAccuracy = "val_accuracy";
}

/// <summary>Connects training to tracking: log a <see cref="TrainingStep"/>, complete with a <see cref="TrainingHistory"/>.</summary>
public static class TrainingRunLogging
{
    /// <summary>
    /// Logs a step's train loss and accuracy, and its validation loss and accuracy when they were evaluated,
    /// under the names in <see cref="TrainingMetrics"/>. Pass <c>run.Log</c> as the training callback:
    /// <c>model.Fit(train, options, validation, run.Log)</c>.
    /// </summary>
    public static void Log(this Run run, TrainingStep step)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(step);
        if (step.ValidationLoss is { } loss && step.ValidationAccuracy is { } accuracy)
        {
            run.Log(step.Step, (TrainingMetrics.TrainLoss, step.TrainLoss), (TrainingMetrics.TrainAccuracy, step.TrainAccuracy),
                (TrainingMetrics.ValidationLoss, loss), (TrainingMetrics.ValidationAccuracy, accuracy));
        }
        else
        {
            run.Log(step.Step, (TrainingMetrics.TrainLoss, step.TrainLoss), (TrainingMetrics.TrainAccuracy, step.TrainAccuracy));
        }
    }

    /// <summary>
    /// Completes the run with the trained model's final losses and accuracies as its summary
    /// (<c>final_train_loss</c>, <c>final_train_accuracy</c> and, with validation, <c>final_val_loss</c>, <c>final_val_accuracy</c>).
    /// </summary>
    public static void Complete(this Run run, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(history);
        if (history.FinalValidationLoss is { } loss && history.FinalValidationAccuracy is { } accuracy)
        {
            run.Complete(("final_" + TrainingMetrics.TrainLoss, history.FinalTrainLoss), ("final_" + TrainingMetrics.TrainAccuracy, history.FinalTrainAccuracy),
                ("final_" + TrainingMetrics.ValidationLoss, loss), ("final_" + TrainingMetrics.ValidationAccuracy, accuracy));
        }
        else
        {
            run.Complete(("final_" + TrainingMetrics.TrainLoss, history.FinalTrainLoss), ("final_" + TrainingMetrics.TrainAccuracy, history.FinalTrainAccuracy));
        }
    }
}

using CrossEntropy.Training;

namespace CrossEntropy.Tracking.Tests;

public class TrainingRunLoggingTests
{
    [Fact]
    public void A_tracked_training_run_stores_every_step_and_its_final_losses()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var (train, validation) = Datasets.Fruits(seed: 8, count: 120).Split(0.25, seed: 8);
        var options = new TrainingOptions { LearningRate = 0.05, Epochs = 12, EvaluateEvery = 4 };

        using var run = tracker.StartRun("fruits", options, DataFingerprint.Of(train, validation), batchSteps: 5);
        var history = new SoftmaxRegression(2, 3).Fit(train, options, validation, run.Log);
        run.Complete(history);

        Assert.Equal(history.TrainLosses(), tracker.Metrics(run.Id, TrainingMetrics.TrainLoss).Select(p => p.Value));
        Assert.Equal([0L, 4L, 8L, 11L], tracker.Metrics(run.Id, TrainingMetrics.ValidationLoss).Select(p => p.Step));
        var info = tracker.GetRun(run.Id);
        Assert.Equal(history.FinalValidationLoss, info.Summary["final_val_loss"]);
        Assert.Equal(history.FinalTrainAccuracy, info.Summary["final_train_accuracy"]);
        Assert.Equal("0.05", info.Config["LearningRate"]);
        Assert.Equal("42", info.Config["Seed"]);
        Assert.Equal("null", info.Config["BatchSize"]);
    }
}

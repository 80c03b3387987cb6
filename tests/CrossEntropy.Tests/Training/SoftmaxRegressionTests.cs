using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

public class SoftmaxRegressionTests
{
    private static readonly Dataset Fruits = Datasets.Fruits(seed: 42, count: 300);

    [Fact]
    public void Training_on_the_fruits_starts_at_ln_3_and_learns_to_tell_them_apart()
    {
        var scaler = Standardizer.Fit(Fruits);
        var (train, validation) = scaler.Transform(Fruits).Split(0.2, seed: 5);
        var model = new SoftmaxRegression(2, 3);

        var history = model.Fit(train, new TrainingOptions { LearningRate = 1.0, Epochs = 300 }, validation);

        Assert.Equal(Math.Log(3), history.Steps[0].TrainLoss, 1e-14);
        Assert.True(history.FinalTrainLoss < 0.3, $"final loss {history.FinalTrainLoss}");
        Assert.True(history.FinalValidationAccuracy > 0.85, $"validation accuracy {history.FinalValidationAccuracy}");
        Assert.Equal(history.FinalValidationLoss!.Value, model.Loss(validation), 15);
    }

    [Fact]
    public void With_two_classes_it_is_logistic_regression_at_twice_the_learning_rate()
    {
        // z₁ − z₀ moves by 2η(p − y)x per step when both class rows move by η(p − y)x in opposite directions.
        var data = Standardizer.Fit(Datasets.Students(1, 120)).Transform(Datasets.Students(1, 120));
        var softmax = new SoftmaxRegression(2, 2);
        var logistic = new LogisticRegression(2);

        var softmaxHistory = softmax.Fit(data, new TrainingOptions { LearningRate = 0.25, Epochs = 100 });
        var logisticHistory = logistic.Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 100 });

        var w = softmax.Weights;
        var b = softmax.Biases;
        Assert.Equal(logistic.Weights[0], w[2] - w[0], 12);
        Assert.Equal(logistic.Weights[1], w[3] - w[1], 12);
        Assert.Equal(logistic.Bias, b[1] - b[0], 12);
        Assert.Equal(logisticHistory.FinalTrainLoss, softmaxHistory.FinalTrainLoss, 12);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_predict_the_largest()
    {
        var model = new SoftmaxRegression(2, 3);
        model.Fit(Standardizer.Fit(Fruits).Transform(Fruits), new TrainingOptions { LearningRate = 1.0, Epochs = 50 });

        foreach (var (d, y) in new[] { (1.0, -1.0), (-1.5, 1.5), (0.3, 0.2), (40.0, -40.0) })
        {
            var p = model.Probabilities(d, y);
            Assert.Equal(1.0, p.Sum(), 14);
            Assert.All(p, v => Assert.InRange(v, 0, 1));
            Assert.Equal(Array.IndexOf(p, p.Max()), model.Predict(d, y));
        }
    }

    [Fact]
    public void Mini_batch_runs_with_one_seed_are_bit_identical()
    {
        var data = Standardizer.Fit(Fruits).Transform(Fruits);
        var options = new TrainingOptions { LearningRate = 0.2, Epochs = 5, BatchSize = 25, Seed = 99 };
        var a = new SoftmaxRegression(2, 3);
        var b = new SoftmaxRegression(2, 3);

        var historyA = a.Fit(data, options);
        var historyB = b.Fit(data, options);

        Assert.Equal(a.Weights.Concat(a.Biases).Select(BitConverter.DoubleToInt64Bits), b.Weights.Concat(b.Biases).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(historyA.Steps, historyB.Steps);
    }
}

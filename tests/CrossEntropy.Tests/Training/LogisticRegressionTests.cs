using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

public class LogisticRegressionTests
{
    private static readonly Dataset Students = Datasets.Students(seed: 42, count: 200);

    [Fact]
    public void Full_batch_descent_on_the_students_reaches_the_optimum_within_1e_3()
    {
        var scaler = Standardizer.Fit(Students);
        var data = scaler.Transform(Students);
        var (_, _, optimum) = NewtonReference.Optimum(data);

        var model = new LogisticRegression(2);
        var history = model.Fit(data, new TrainingOptions { LearningRate = 1.0, Epochs = 300 });

        Assert.InRange(history.FinalTrainLoss - optimum, -1e-12, 1e-3); // at most 1e-3 above (below only by rounding)
        Assert.Equal(history.FinalTrainLoss, model.Loss(data), 15);
    }

    [Fact]
    public void A_long_descent_run_on_raw_features_agrees_with_the_Newton_optimum()
    {
        var (weights, bias, optimum) = NewtonReference.Optimum(Students);

        var model = new LogisticRegression(2);
        var history = model.Fit(Students, new TrainingOptions { LearningRate = 0.2, Epochs = 25_000 });

        // Rounding may leave the descent an ulp or two below the Newton value, never more.
        Assert.InRange(history.FinalTrainLoss - optimum, -1e-12, 1e-7);
        Assert.Equal(weights[0], model.Weights[0], 2);
        Assert.Equal(weights[1], model.Weights[1], 2);
        Assert.Equal(bias, model.Bias, 1);
    }

    [Fact]
    public void The_standardized_optimum_is_the_raw_optimum_in_other_units()
    {
        var scaler = Standardizer.Fit(Students);
        var model = new LogisticRegression(2);
        model.Fit(scaler.Transform(Students), new TrainingOptions { LearningRate = 3.0, Epochs = 2000 });
        var (weights, bias, optimum) = NewtonReference.Optimum(Students);

        var original = scaler.ToOriginalUnits(model);

        Assert.Equal(optimum, original.Loss(Students), 12);
        Assert.Equal(weights[0], original.Weights[0], 8);
        Assert.Equal(weights[1], original.Weights[1], 8);
        Assert.Equal(bias, original.Bias, 7);
    }

    [Fact]
    public void Mini_batch_descent_ends_near_the_optimum_with_every_step_reported()
    {
        var data = Standardizer.Fit(Students).Transform(Students);
        var (_, _, optimum) = NewtonReference.Optimum(data);
        var reported = new List<TrainingStep>();

        var history = new LogisticRegression(2).Fit(data, new TrainingOptions { LearningRate = 0.3, Epochs = 100, BatchSize = 32 }, onStep: reported.Add);

        Assert.Equal(100 * 7, reported.Count); // ⌈200 / 32⌉ = 7 steps per epoch
        Assert.Equal(Enumerable.Range(0, 700), reported.Select(s => s.Step));
        Assert.Equal(Enumerable.Range(0, 100).SelectMany(e => Enumerable.Repeat(e, 7)), reported.Select(s => s.Epoch));
        Assert.Equal(reported, history.Steps);
        Assert.InRange(history.FinalTrainLoss - optimum, -1e-12, 1e-3); // batch noise keeps it near, not at, the optimum
    }

    [Fact]
    public void The_first_step_sees_the_untrained_model_at_ln_2_and_the_loss_then_falls()
    {
        var data = Standardizer.Fit(Students).Transform(Students);
        var history = new LogisticRegression(2).Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 50 });

        Assert.Equal(Math.Log(2), history.Steps[0].TrainLoss, 1e-14);
        // Every logit is 0 (probability 0.5, which counts as pass, as in ClassificationError): the accuracy is the share who passed.
        Assert.Equal(Students.LabelArray().Count(l => l == 1) / 200.0, history.Steps[0].TrainAccuracy);
        for (var s = 1; s < history.Steps.Count; s++)
            Assert.True(history.Steps[s].TrainLoss < history.Steps[s - 1].TrainLoss, $"full-batch loss rose at step {s}");
    }

    [Fact]
    public void Seeded_mini_batch_runs_are_bit_identical_and_another_seed_differs()
    {
        var data = Standardizer.Fit(Students).Transform(Students);
        var options = new TrainingOptions { LearningRate = 0.3, Epochs = 15, BatchSize = 16, Seed = 7 };

        var a = new LogisticRegression(2);
        var b = new LogisticRegression(2);
        var c = new LogisticRegression(2);
        var historyA = a.Fit(data, options);
        var historyB = b.Fit(data, options);
        var historyC = c.Fit(data, options with { Seed = 8 });

        Assert.Equal(Bits(a), Bits(b));
        Assert.Equal(historyA.Steps.Select(s => BitConverter.DoubleToInt64Bits(s.TrainLoss)), historyB.Steps.Select(s => BitConverter.DoubleToInt64Bits(s.TrainLoss)));
        Assert.NotEqual(Bits(a), Bits(c));
        Assert.NotEqual(historyA.TrainLosses(), historyC.TrainLosses());
    }

    [Fact]
    public void Validation_is_evaluated_every_N_steps_and_at_the_last_step()
    {
        var (train, validation) = Students.Split(0.25, seed: 3);
        var history = new LogisticRegression(2).Fit(train, new TrainingOptions { LearningRate = 0.01, Epochs = 11, EvaluateEvery = 5 }, validation);

        Assert.Equal([0, 5, 10], history.Steps.Where(s => s.ValidationLoss is not null).Select(s => s.Step));
        Assert.All(history.Steps, s => Assert.Equal(s.ValidationLoss is null, s.ValidationAccuracy is null));
        Assert.Equal(Math.Log(2), history.Steps[0].ValidationLoss!.Value, 1e-14);
        Assert.NotNull(history.FinalValidationLoss);
    }

    [Fact]
    public void Fit_continues_from_the_current_weights()
    {
        var data = Standardizer.Fit(Students).Transform(Students);
        var once = new LogisticRegression(2);
        once.Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 20 });
        var twice = new LogisticRegression(2);
        twice.Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 10 });
        twice.Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 10 });

        Assert.Equal(Bits(once), Bits(twice));
    }

    [Fact]
    public void Predictions_follow_the_sign_of_the_logit()
    {
        var model = new LogisticRegression([1.2, 0.9], -11.4);

        Assert.Equal(1.2 * 6 + 0.9 * 7 - 11.4, model.Logit(6, 7), 14);
        Assert.Equal(1, model.Predict(6, 7));
        Assert.Equal(0, model.Predict(2, 5));
        Assert.Equal(1, new LogisticRegression([1.0, 1.0], -3).Predict(1, 2)); // logit exactly 0: probability 0.5 counts as positive
        Assert.Equal(1 / (1 + Math.Exp(-model.Logit(2, 5))), model.Probability(2, 5), 15);
        Assert.Equal(0.0, model.Probability(0, -1000), 15); // a huge negative logit gives 0, not NaN
        Span<double> logits = stackalloc double[2];
        model.Logits([6, 7, 2, 5], logits);
        Assert.Equal([model.Logit(6, 7), model.Logit(2, 5)], logits.ToArray());
    }

    private static long[] Bits(LogisticRegression model) =>
        [.. model.Weights.Append(model.Bias).Select(BitConverter.DoubleToInt64Bits)];
}

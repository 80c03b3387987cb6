using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Training;
using CrossEntropy.Training;

namespace CrossEntropy.Interactive.Tests.Training;

public class TrainingChartsTests
{
    [Fact]
    public void The_decision_boundary_of_the_trained_students_model_counts_its_mistakes()
    {
        var raw = Datasets.Students(42, 120);
        var scaler = Standardizer.Fit(raw);
        var model = new LogisticRegression(2);
        model.Fit(scaler.Transform(raw), new TrainingOptions { LearningRate = 1.0, Epochs = 200 });
        var original = scaler.ToOriginalUnits(model);

        var chart = TrainingCharts.DecisionBoundary(original, raw);

        var wrong = (int)Math.Round((1 - original.Accuracy(raw)) * raw.Count);
        var traces = chart.Figure.Data.Cast<ScatterTrace>().ToList();
        Assert.Equal(["fail", "pass"], traces.Take(2).Select(t => t.Name));
        Assert.Equal(raw.Count, traces[0].X.Length + traces[1].X.Length);
        Assert.Equal($"trained: {wrong} misclassified", traces[2].Name);
        Assert.Equal("hours", chart.Figure.Layout.XAxis.Title);
    }

    [Fact]
    public void A_decision_line_needs_two_features_and_two_classes()
    {
        Assert.Contains("expected 2 each", Assert.Throws<ArgumentException>(() => TrainingCharts.DecisionBoundary(new LogisticRegression(3), Datasets.Students(1, 10))).Message);
        Assert.Contains("3 classes", Assert.Throws<ArgumentException>(() => TrainingCharts.DecisionBoundary(new LogisticRegression(2), Datasets.Fruits(1, 10))).Message);
    }

    [Fact]
    public void One_history_draws_loss_beside_accuracy()
    {
        var (train, validation) = Datasets.Fruits(3, 90).Split(0.3, 2);
        var history = new SoftmaxRegression(2, 3).Fit(train, new TrainingOptions { LearningRate = 0.05, Epochs = 30 }, validation);

        var chart = TrainingCharts.LossCurves(history);

        var traces = chart.Figure.Data.Cast<ScatterTrace>().ToList();
        Assert.Equal(["train", "validation", "validation accuracy"], traces.Select(t => t.Name));
        Assert.Equal(history.TrainLosses(), traces[0].Y);
        Assert.Equal(history.Steps.Select(s => s.ValidationAccuracy!.Value), traces[2].Y);
    }
}

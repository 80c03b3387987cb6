using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Display;
using CrossEntropy.Interactive.Training;
using CrossEntropy.Training;

namespace CrossEntropy.Interactive.Tests.Training;

[Collection("NotebookDisplay")] // the hook is process-wide state
public sealed class LiveLossChartTests : IDisposable
{
    private readonly List<object> _outputs = [];
    private int _shows;
    private int _updates;

    public LiveLossChartTests()
    {
        NotebookDisplay.Connect(value =>
        {
            _shows++;
            var slot = _outputs.Count;
            _outputs.Add(value);
            return updated =>
            {
                _updates++;
                _outputs[slot] = updated;
            };
        });
    }

    public void Dispose() => NotebookDisplay.Disconnect();

    [Fact]
    public void The_chart_is_shown_once_then_updated_every_N_steps_and_at_the_end()
    {
        var data = Standardizer.Fit(Datasets.Students(1, 80)).Transform(Datasets.Students(1, 80));
        var live = new LiveLossChart(updateEvery: 10);
        var updatesSeenAt = new List<int>();

        new LogisticRegression(2).Fit(data, new TrainingOptions { LearningRate = 0.5, Epochs = 25 }, onStep: step =>
        {
            live.Add(step);
            updatesSeenAt.Add(_updates);
        });

        Assert.Equal(1, _shows);
        Assert.Equal(0, updatesSeenAt[9]);  // steps 1–9 wait
        Assert.Equal(1, updatesSeenAt[10]); // the 10th step after the first redraws
        Assert.Equal(2, updatesSeenAt[24]);
        live.Finish();                      // steps 21–24 are not drawn yet
        Assert.Equal(3, _updates);
        Assert.Equal(3, live.Updates);
        var chart = Assert.IsType<PlotlyChart>(Assert.Single(_outputs));
        var train = Assert.IsType<ScatterTrace>(chart.Figure.Data[0]);
        Assert.Equal(25, train.X.Length);
        Assert.Equal(Math.Log(2), train.Y[0], 1e-14);
    }

    [Fact]
    public void Finish_without_new_steps_does_not_redraw()
    {
        var live = new LiveLossChart(updateEvery: 2);
        live.Add(new TrainingStep(0, 0, 0.7, 0.5, null, null));
        live.Add(new TrainingStep(1, 0, 0.6, 0.6, null, null));
        live.Add(new TrainingStep(2, 0, 0.5, 0.7, null, null));
        Assert.Equal(1, _updates);

        live.Finish();
        live.Finish();

        Assert.Equal(1, _shows);
        Assert.Equal(1, _updates);
    }

    [Fact]
    public void Several_runs_share_one_chart_with_a_curve_each_and_validation_dashed()
    {
        var (train, validation) = Standardizer.Fit(Datasets.Students(2, 100)).Transform(Datasets.Students(2, 100)).Split(0.2, 1);
        var live = new LiveLossChart(updateEvery: 1000, showAccuracy: true);
        foreach (var rate in new[] { 0.1, 1.0 })
            new LogisticRegression(2).Fit(train, new TrainingOptions { LearningRate = rate, Epochs = 20, EvaluateEvery = 5 }, validation, live.For($"lr={rate}"));
        live.Finish();

        Assert.Equal(1, _shows);
        var chart = Assert.IsType<PlotlyChart>(Assert.Single(_outputs));
        var traces = chart.Figure.Data.Cast<ScatterTrace>().ToList();
        Assert.Equal(["lr=0.1 train", "lr=0.1 validation", "lr=1 train", "lr=1 validation", "lr=0.1 validation accuracy", "lr=1 validation accuracy"],
            traces.Select(t => t.Name));
        Assert.Equal("dash", traces[1].Line!.Dash);
        Assert.Equal([0.0, 5, 10, 15, 19], traces[1].X.ToArray()); // evaluated every 5 steps and at the last
        Assert.Equal("y2", traces[4].YAxis);
    }

    [Fact]
    public void Nothing_is_shown_before_the_first_step_and_bad_arguments_are_refused()
    {
        var live = new LiveLossChart();
        live.Finish();
        Assert.Equal(0, _shows);
        Assert.Contains("no steps yet", Assert.Throws<InvalidOperationException>(() => live.Chart()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveLossChart(updateEvery: 0));
        Assert.Throws<ArgumentException>(() => live.For(" "));
    }
}

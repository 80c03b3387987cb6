namespace CrossEntropy.Tracking.Tests;

public class RankingAndComparisonTests
{
    // Three learning rates: the middle one ends best; the large one dips lowest early, then climbs.
    private static (long Slow, long Good, long Wild) LogThreeRuns(RunTracker tracker)
    {
        double[][] curves =
        [
            [0.69, 0.60, 0.55, 0.52],
            [0.69, 0.45, 0.35, 0.30],
            [0.69, 0.25, 0.40, 0.50],
        ];
        double[] learningRates = [0.01, 0.1, 1.0];
        var ids = new long[3];
        for (var r = 0; r < 3; r++)
        {
            using var run = tracker.StartRun($"lr={learningRates[r]}", new { LearningRate = learningRates[r], Epochs = 4, Seed = 42 });
            ids[r] = run.Id;
            for (var step = 0; step < 4; step++)
                run.Log(step, ("val_loss", curves[r][step]), ("accuracy", 1 - curves[r][step]));
            run.Complete();
        }

        return (ids[0], ids[1], ids[2]);
    }

    [Fact]
    public void Best_run_by_final_value_differs_from_best_run_by_best_step()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var (slow, good, wild) = LogThreeRuns(tracker);

        var byFinal = tracker.BestRun("val_loss");
        Assert.Equal(good, byFinal.Run.Id);
        Assert.Equal(3, byFinal.Step);
        Assert.Equal(0.30, byFinal.Value);

        var byBest = tracker.BestRun("val_loss", MetricGoal.Minimize, MetricSelection.Best);
        Assert.Equal(wild, byBest.Run.Id);
        Assert.Equal(1, byBest.Step);
        Assert.Equal(0.25, byBest.Value);

        Assert.Equal([good, wild, slow], tracker.Rank("val_loss").Select(r => r.Run.Id));
        Assert.Equal(good, tracker.BestRun("accuracy", MetricGoal.Maximize).Run.Id);
    }

    [Fact]
    public void Ranking_leaves_out_unfinished_runs_unless_asked_and_puts_NaN_last()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var (_, good, _) = LogThreeRuns(tracker);
        using (var unfinished = tracker.StartRun("stopped early", new { Seed = 9 }))
            unfinished.Log(0, "val_loss", 0.01);
        using (var diverged = tracker.StartRun("diverged", new { Seed = 10 }))
        {
            diverged.Log(0, "val_loss", double.NaN);
            diverged.Complete();
        }

        Assert.Equal(good, tracker.BestRun("val_loss").Run.Id);
        Assert.Equal("diverged", tracker.Rank("val_loss")[^1].Run.Name);
        Assert.Equal("stopped early", tracker.BestRun("val_loss", completedOnly: false).Run.Name);
    }

    [Fact]
    public void Comparison_flags_the_differing_config_keys_and_reports_each_run_at_its_best_step()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var (slow, good, wild) = LogThreeRuns(tracker);

        var comparison = tracker.Compare([slow, good, wild], "val_loss");

        Assert.Equal(["LearningRate", "Epochs", "Seed", "data.sha256"], comparison.Keys); // differing first
        Assert.True(comparison.Differs("LearningRate"));
        Assert.False(comparison.Differs("Seed"));
        Assert.False(comparison.Differs("data.sha256")); // no run recorded data: the same (unknown) for all
        Assert.Equal(["0.01", "0.1", "1"], comparison.Rows.Select(r => r.Values["LearningRate"]));
        Assert.Equal([3L, 3L, 1L], comparison.Rows.Select(r => r.BestStep!.Value));
        Assert.Equal([0.52, 0.30, 0.25], comparison.Rows.Select(r => r.BestValue!.Value));
        Assert.Equal([0.52, 0.30, 0.50], comparison.Rows.Select(r => r.FinalValue!.Value));
        Assert.Equal(wild, comparison.BestRunId);
    }

    [Fact]
    public void Comparison_shows_when_runs_trained_on_different_data()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var a = CrossEntropy.Training.Datasets.Students(1, 30);
        var b = CrossEntropy.Training.Datasets.Students(2, 30);
        using var first = tracker.StartRun("a", new { Seed = 1 }, DataFingerprint.Of(a));
        first.Complete();
        using var second = tracker.StartRun("b", new { Seed = 1 }, DataFingerprint.Of(b));
        second.Complete();

        var comparison = tracker.Compare([first.Id, second.Id], "val_loss");
        Assert.Equal(["data.sha256"], comparison.DifferingKeys);
        Assert.All(comparison.Rows, r => Assert.Null(r.BestValue));
        Assert.Null(comparison.BestRunId);
    }
}

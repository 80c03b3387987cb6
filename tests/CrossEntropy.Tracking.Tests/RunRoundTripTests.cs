using CrossEntropy.Training;

namespace CrossEntropy.Tracking.Tests;

public class RunRoundTripTests
{
    [Fact]
    public void A_completed_run_reads_back_with_config_data_environment_metrics_and_summary()
    {
        using var store = new TemporaryStore();
        var (train, validation) = Datasets.Students(seed: 1, count: 50).Split(0.2, seed: 2);
        long id;
        using (var tracker = store.Open())
        {
            using var run = tracker.StartRun("lr=0.1", new { LearningRate = 0.1, Epochs = 3, Optimizer = new { Name = "sgd", Momentum = 0.0 }, Seed = 42 },
                DataFingerprint.Of(train, validation), batchSteps: 2);
            id = run.Id;
            for (var step = 0; step < 3; step++)
                run.Log(step, ("train_loss", 0.7 - 0.1 * step), ("accuracy", 0.5 + 0.1 * step));
            run.Complete(("test_accuracy", 0.75));
        }

        using var reopened = store.Open();
        var info = reopened.GetRun(id);
        Assert.Equal("lr=0.1", info.Name);
        Assert.Equal(RunStatus.Completed, info.Status);
        Assert.NotNull(info.EndedUtc);
        Assert.Equal("0.1", info.Config["LearningRate"]);
        Assert.Equal("3", info.Config["Epochs"]);
        Assert.Equal("sgd", info.Config["Optimizer.Name"]);
        Assert.Equal("42", info.Config["Seed"]);
        Assert.Equal(DataFingerprint.Of(train, validation), info.Data);
        Assert.Equal(40, info.Data!.TrainRows);
        Assert.Equal(10, info.Data.ValidationRows);
        Assert.Equal(Environment.ProcessorCount, info.Environment.ProcessorCount);
        Assert.Contains(".NET", info.Environment.Runtime);
        Assert.False(string.IsNullOrEmpty(info.Environment.LibraryVersion));
        Assert.Equal(2, info.LastStep);
        Assert.Equal(0.5, info.Summary["train_loss"], 15);
        Assert.Equal(0.7, info.Summary["accuracy"], 15);
        Assert.Equal(0.75, info.Summary["test_accuracy"]);

        var loss = reopened.Metrics(id, "train_loss");
        Assert.Equal([0L, 1L, 2L], loss.Select(p => p.Step));
        Assert.Equal([0.7 - 0.1 * 0, 0.7 - 0.1 * 1, 0.7 - 0.1 * 2], loss.Select(p => p.Value)); // bit-exact round trip
        Assert.All(loss, p => Assert.InRange(p.WallTime, info.StartedUtc.AddSeconds(-1), info.EndedUtc!.Value.AddSeconds(1)));
        Assert.Equal(["accuracy", "train_loss"], reopened.MetricNames(id));
    }

    [Fact]
    public void NaN_and_infinite_values_are_kept_rather_than_dropped()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("diverged", new { LearningRate = 50.0, Seed = 1 });
        run.Log(0, "train_loss", 0.69);
        run.Log(1, "train_loss", double.PositiveInfinity);
        run.Log(2, "train_loss", double.NaN);
        run.Fail("loss became NaN at step 2");

        var values = tracker.Metrics(run.Id).Select(p => p.Value).ToArray();
        Assert.Equal([0.69, double.PositiveInfinity, double.NaN], values);
        var info = tracker.GetRun(run.Id);
        Assert.Equal(RunStatus.Failed, info.Status);
        Assert.Equal("loss became NaN at step 2", info.Error);
        Assert.True(double.IsNaN(info.Summary["train_loss"]));
    }

    [Fact]
    public void A_run_disposed_without_completing_is_marked_incomplete_with_its_steps_kept()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        long id;
        using (var run = tracker.StartRun("interrupted", new { Seed = 3 }, batchSteps: 100))
        {
            id = run.Id;
            run.Log(0, "train_loss", 0.9);
            run.Log(1, "train_loss", 0.8);
        }

        var info = tracker.GetRun(id);
        Assert.Equal(RunStatus.Incomplete, info.Status);
        Assert.Equal(1, info.LastStep);
        Assert.Contains("disposed", info.Error);
    }

    [Fact]
    public void Runs_are_listed_oldest_first_and_a_live_run_of_this_process_stays_running()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var first = tracker.StartRun("a", new { Seed = 1 });
        first.Complete();
        using var second = tracker.StartRun("b", new { Seed = 2 });

        using var other = store.Open(); // a second tracker must not mistake our live run for an abandoned one
        var runs = other.ListRuns();
        Assert.Equal(["a", "b"], runs.Select(r => r.Name));
        Assert.Equal([RunStatus.Completed, RunStatus.Running], runs.Select(r => r.Status));
    }

    [Fact]
    public void Nested_config_objects_and_dictionaries_are_flattened_to_dotted_keys()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var config = new Dictionary<string, object?> { ["seed"] = 5, ["model"] = new { Kind = "softmax", Classes = 3 }, ["note"] = null };
        using var run = tracker.StartRun("dict", config);
        run.Complete();

        var info = tracker.GetRun(run.Id);
        Assert.Equal(["model.Classes", "model.Kind", "note", "seed"], info.Config.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("softmax", info.Config["model.Kind"]);
        Assert.Equal("null", info.Config["note"]);
    }
}

namespace CrossEntropy.Tracking.Tests;

public class BatchCommitTests
{
    [Fact]
    public void Steps_become_visible_to_other_readers_only_a_whole_batch_at_a_time()
    {
        using var store = new TemporaryStore();
        using var writer = store.Open();
        using var reader = store.Open();
        using var run = writer.StartRun("batched", new { Seed = 1 }, batchSteps: 3);

        run.Log(0, ("loss", 1.0), ("accuracy", 0.1));
        run.Log(1, ("loss", 0.9), ("accuracy", 0.2));
        Assert.Empty(reader.Metrics(run.Id));
        Assert.Null(run.LastCommittedStep);

        run.Log(2, ("loss", 0.8), ("accuracy", 0.3));
        Assert.Equal(6, reader.Metrics(run.Id).Count);
        Assert.Equal(2, run.LastCommittedStep);

        run.Log(3, ("loss", 0.7), ("accuracy", 0.4));
        Assert.Equal(6, reader.Metrics(run.Id).Count);

        run.Flush();
        Assert.Equal(8, reader.Metrics(run.Id).Count);
    }

    [Fact]
    public void Single_metric_logging_commits_a_batch_when_the_step_after_it_begins()
    {
        using var store = new TemporaryStore();
        using var writer = store.Open();
        using var reader = store.Open();
        using var run = writer.StartRun("single", new { Seed = 1 }, batchSteps: 2);

        run.Log(0, "loss", 1.0);
        run.Log(1, "loss", 0.9);
        run.Log(1, "accuracy", 0.5); // step 1 may still receive metrics, so nothing is committed yet
        Assert.Empty(reader.Metrics(run.Id));

        run.Log(2, "loss", 0.8);
        Assert.Equal([(0L, "loss"), (1L, "accuracy"), (1L, "loss")],
            reader.Metrics(run.Id).Select(p => (p.Step, p.Name)).OrderBy(p => p.Step).ThenBy(p => p.Name));
    }

    [Fact]
    public void Completing_a_run_commits_the_partial_last_batch()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("tail", new { Seed = 1 }, batchSteps: 10);
        for (var step = 0; step < 13; step++)
            run.Log(step, "loss", 1.0 / (step + 1));
        run.Complete();

        Assert.Equal(Enumerable.Range(0, 13).Select(s => (long)s), tracker.Metrics(run.Id).Select(p => p.Step));
        Assert.Equal(12, run.LastCommittedStep);
    }
}

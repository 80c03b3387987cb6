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
        run.WaitForCommits();
        Assert.Empty(reader.Metrics(run.Id));
        Assert.Null(run.LastCommittedStep);

        run.Log(2, ("loss", 0.8), ("accuracy", 0.3)); // the third step fills the batch
        run.WaitForCommits();
        Assert.Equal(6, reader.Metrics(run.Id).Count);
        Assert.Equal(2, run.LastCommittedStep);

        run.Log(3, ("loss", 0.7), ("accuracy", 0.4));
        run.WaitForCommits();
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
        run.WaitForCommits();
        Assert.Empty(reader.Metrics(run.Id));

        run.Log(2, "loss", 0.8);
        run.WaitForCommits();
        Assert.Equal([(0L, "loss"), (1L, "accuracy"), (1L, "loss")],
            reader.Metrics(run.Id).Select(p => (p.Step, p.Name)).OrderBy(p => p.Step).ThenBy(p => p.Name));
    }

    [Fact]
    public void Many_batches_committed_in_the_background_arrive_complete_and_in_order()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("background", new { Seed = 1 }, batchSteps: 7);
        for (var step = 0; step < 5_000; step++)
            run.Log(step, ("loss", 1.0 / (step + 1)), ("accuracy", step / 5000.0));
        run.Complete();

        var loss = tracker.Metrics(run.Id, "loss");
        Assert.Equal(Enumerable.Range(0, 5_000).Select(s => (long)s), loss.Select(p => p.Step));
        Assert.All(loss, p => Assert.Equal(1.0 / (p.Step + 1), p.Value));
        Assert.Equal(5_000, tracker.Metrics(run.Id, "accuracy").Count);
    }

    [Fact]
    public void A_batch_that_cannot_be_committed_is_reported_and_stops_later_batches()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using (var sabotage = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path};Pooling=False"))
        {
            sabotage.Open();
            using var trigger = sabotage.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_step_12 BEFORE INSERT ON metric_batches WHEN NEW.first_step <= 12 AND NEW.last_step >= 12 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;";
            trigger.ExecuteNonQuery();
        }

        using var run = tracker.StartRun("doomed", new { Seed = 1 }, batchSteps: 5);
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var step = 0; step < 40; step++)
            {
                run.Log(step, "loss", 1.0);
                run.WaitForCommits(); // make the failure surface at a known point
            }
        });

        Assert.Contains($"run {run.Id} 'doomed'", error.Message);
        Assert.Contains("disk on fire", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(Enumerable.Range(0, 10).Select(s => (long)s), tracker.Metrics(run.Id).Select(p => p.Step)); // batches 0–4, 5–9 only
        Assert.Throws<InvalidOperationException>(() => run.Log(40, "loss", 1.0));
    }

    [Fact]
    public void The_metrics_view_shows_one_row_per_value_to_plain_SQL()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("sql", new { Seed = 1 }, batchSteps: 2);
        for (var step = 0; step < 5; step++)
            run.Log(step, ("loss", 1.0 / (step + 1)), ("accuracy", step / 10.0));
        run.Log(5, "loss", double.NaN);
        run.Complete();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path};Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT step, value FROM metrics WHERE run_id = $run AND name = 'loss' ORDER BY step";
        query.Parameters.AddWithValue("$run", run.Id);
        using var reader = query.ExecuteReader();
        var rows = new List<(long Step, double? Value)>();
        while (reader.Read())
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1)));

        Assert.Equal([(0L, (double?)1.0), (1, 0.5), (2, 1.0 / 3), (3, 0.25), (4, 0.2), (5, null)], rows);
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

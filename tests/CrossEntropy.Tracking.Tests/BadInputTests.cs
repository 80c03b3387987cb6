namespace CrossEntropy.Tracking.Tests;

public class BadInputTests
{
    [Fact]
    public void A_config_without_a_seed_is_refused_with_the_fix_in_the_message()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var e = Assert.Throws<ArgumentException>(() => tracker.StartRun("x", new { LearningRate = 0.1 }));
        Assert.Contains("no seed", e.Message);
        Assert.Contains("LearningRate", e.Message);
        Assert.Contains("Seed = 42", e.Message);
        Assert.Empty(tracker.ListRuns());
    }

    [Theory]
    [InlineData("Seed")]
    [InlineData("seed")]
    [InlineData("DataSeed")]
    [InlineData("shuffle_seed")]
    public void Seed_keys_are_recognised_in_common_spellings(string key)
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("x", new Dictionary<string, object> { [key] = 1 });
        Assert.Equal(RunStatus.Running, run.Status);
    }

    [Fact]
    public void A_config_that_is_not_an_object_is_refused()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        var e = Assert.Throws<ArgumentException>(() => tracker.StartRun("x", 0.1));
        Assert.Contains("not an object", e.Message);
    }

    [Fact]
    public void Empty_names_and_a_zero_batch_are_refused()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        Assert.Contains("name is empty", Assert.Throws<ArgumentException>(() => tracker.StartRun(" ", new { Seed = 1 })).Message);
        Assert.Contains("batchSteps is 0", Assert.Throws<ArgumentOutOfRangeException>(() => tracker.StartRun("x", new { Seed = 1 }, batchSteps: 0)).Message);
        // A line break would split the run's row in RunList tables and CSV exports.
        Assert.Contains("name the run on one line", Assert.Throws<ArgumentException>(() => tracker.StartRun("lr=0.1\nretry", new { Seed = 1 })).Message);
        Assert.Contains("control character", Assert.Throws<ArgumentException>(() => tracker.StartRun("lr=0.1\t", new { Seed = 1 })).Message);
        Assert.Empty(tracker.ListRuns());
        using var run = tracker.StartRun("x", new { Seed = 1 });
        Assert.Contains("metric name is empty", Assert.Throws<ArgumentException>(() => run.Log(0, "", 1.0)).Message);
    }

    [Fact]
    public void Decreasing_steps_and_repeated_metrics_are_refused_and_the_run_keeps_going()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("x", new { Seed = 1 });
        run.Log(5, "loss", 1.0);

        Assert.Equal("step 4 comes after step 5: log steps in increasing order. (Parameter 'step')",
            Assert.Throws<ArgumentException>(() => run.Log(4, "loss", 1.0)).Message);
        Assert.Contains("already logged at step 5", Assert.Throws<ArgumentException>(() => run.Log(5, "loss", 2.0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.Log(-1, "loss", 1.0));

        run.Log(6, "loss", 0.5);
        run.Complete();
        Assert.Equal([1.0, 0.5], tracker.Metrics(run.Id).Select(p => p.Value));
    }

    [Fact]
    public void Logging_after_the_run_ended_says_so()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("done", new { Seed = 1 });
        run.Complete();
        var e = Assert.Throws<InvalidOperationException>(() => run.Log(0, "loss", 1.0));
        Assert.Contains("is completed: start a new run", e.Message);
        Assert.Throws<InvalidOperationException>(() => run.Complete());
    }

    [Fact]
    public void Unknown_run_ids_and_metrics_get_messages_that_say_where_to_look()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("r", new { Seed = 1 });
        run.Log(0, "train_loss", 1.0);
        run.Complete();

        Assert.Contains("run 99 does not exist", Assert.Throws<ArgumentException>(() => tracker.GetRun(99)).Message);
        Assert.Contains("ListRuns()", Assert.Throws<ArgumentException>(() => tracker.MetricsCsv(99)).Message);
        var e = Assert.Throws<ArgumentException>(() => tracker.BestRun("val_loss"));
        Assert.Contains("no completed run logged metric 'val_loss' (logged metrics: train_loss)", e.Message);
        Assert.Contains("runIds is empty", Assert.Throws<ArgumentException>(() => tracker.Compare([], "train_loss")).Message);
    }

    [Fact]
    public void A_directory_or_a_file_that_is_not_a_store_is_refused_as_a_path()
    {
        using var store = new TemporaryStore();
        Directory.CreateDirectory(store.Directory);
        Assert.Contains("is a directory", Assert.Throws<ArgumentException>(() => new RunTracker(store.Directory)).Message);

        var notes = Path.Combine(store.Directory, "notes.txt");
        File.WriteAllText(notes, new string('x', 4096));
        var e = Assert.Throws<ArgumentException>(() => new RunTracker(notes));
        Assert.Contains("is not a run store", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Another_programs_sqlite_database_is_refused_as_a_path_and_left_as_it_was()
    {
        using var store = new TemporaryStore();
        Directory.CreateDirectory(store.Directory);
        var other = Path.Combine(store.Directory, "other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE runs (x INTEGER); INSERT INTO runs VALUES (1);";
            create.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(other);

        var e = Assert.Throws<ArgumentException>(() => new RunTracker(other));

        Assert.Contains("is not a run store", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before, File.ReadAllBytes(other)); // no tables added, not switched to WAL
        Assert.Equal(["other.db"], Directory.GetFiles(store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Undefined_goals_and_selections_are_refused()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using (var run = tracker.StartRun("r", new { Seed = 1 }))
        {
            run.Log(0, "loss", 1.0);
            run.Complete();
        }

        Assert.Contains("goal is 99", Assert.Throws<ArgumentOutOfRangeException>("goal", () => tracker.Rank("loss", (MetricGoal)99)).Message);
        Assert.Contains("by is 7", Assert.Throws<ArgumentOutOfRangeException>("by", () => tracker.Rank("loss", by: (MetricSelection)7)).Message);
        Assert.Throws<ArgumentOutOfRangeException>("goal", () => tracker.Compare([1], "loss", (MetricGoal)(-1)));
    }

    [Fact]
    public void A_run_cannot_log_once_its_tracker_is_disposed()
    {
        using var store = new TemporaryStore();
        var tracker = store.Open();
        var run = tracker.StartRun("r", new { Seed = 1 });
        tracker.Dispose();
        Assert.Throws<ObjectDisposedException>(() => run.Log(0, "loss", 1.0));
        run.Dispose(); // must not throw: the run's own connection still marks it incomplete
        using var reopened = store.Open();
        Assert.Equal(RunStatus.Incomplete, reopened.GetRun(run.Id).Status);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CrossEntropy.Tracking;

/// <summary>
/// A run being recorded: log metrics per step, then <see cref="Complete"/> or <see cref="Fail"/>.
/// Values are buffered and committed <see cref="BatchSteps"/> whole steps at a time in one transaction,
/// so a crash loses at most the last unfinished batch and never leaves half a batch behind.
/// </summary>
/// <remarks>
/// Steps must not decrease, and a metric can be logged once per step. Use one run from one thread.
/// Disposing a run that was neither completed nor failed commits what is buffered and marks it
/// <see cref="RunStatus.Incomplete"/>.
/// </remarks>
public sealed class Run : IDisposable
{
    private readonly RunTracker _tracker;
    private readonly List<Pending> _pending = [];
    private readonly HashSet<string> _namesAtStep = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastValues = new(StringComparer.Ordinal);
    private SqliteCommand? _insert;
    private long _step = -1;
    private int _pendingSteps;

    internal Run(RunTracker tracker, long id, string name, int batchSteps)
    {
        _tracker = tracker;
        Id = id;
        Name = name;
        BatchSteps = batchSteps;
    }

    /// <summary>The run id in the store.</summary>
    public long Id { get; }

    /// <summary>The run name.</summary>
    public string Name { get; }

    /// <summary>How many whole steps are buffered before they are committed together.</summary>
    public int BatchSteps { get; }

    /// <summary>Running until completed, failed or disposed.</summary>
    public RunStatus Status { get; private set; } = RunStatus.Running;

    /// <summary>The highest step committed to the store so far, or null.</summary>
    public long? LastCommittedStep { get; private set; }

    /// <summary>Records one metric value at <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentException">Empty name, a negative or decreasing step, or a metric logged twice at one step.</exception>
    /// <exception cref="InvalidOperationException">When the run has ended.</exception>
    public void Log(long step, string name, double value)
    {
        Add(step, name, value);
    }

    /// <summary>
    /// Records all metrics of one step at once, e.g. <c>run.Log(step, ("train_loss", 0.41), ("accuracy", 0.8))</c>;
    /// the step counts as finished, so a full batch is committed right away.
    /// </summary>
    /// <exception cref="ArgumentException">Empty name, a negative or decreasing step, or a metric logged twice at one step.</exception>
    /// <exception cref="InvalidOperationException">When the run has ended.</exception>
    public void Log(long step, params ReadOnlySpan<(string Name, double Value)> metrics)
    {
        foreach (var (name, value) in metrics)
            Add(step, name, value);
        if (_pendingSteps >= BatchSteps)
            Flush();
    }

    /// <summary>Commits everything buffered now, in one transaction (also refreshes the run's heartbeat).</summary>
    public void Flush()
    {
        EnsureRunning();
        Commit(statusUpdate: null);
    }

    /// <summary>
    /// Ends the run successfully. The summary holds the last value of every logged metric, plus
    /// <paramref name="summary"/> (e.g. a test-set score), which wins on equal names.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the run has already ended.</exception>
    public void Complete(params ReadOnlySpan<(string Name, double Value)> summary)
    {
        EnsureRunning();
        foreach (var (name, value) in summary)
        {
            CheckName(name);
            _lastValues[name] = value;
        }

        Commit((RunStatus.Completed, null));
    }

    /// <summary>Ends the run as failed, recording <paramref name="error"/> (e.g. "loss became NaN at step 40").</summary>
    /// <exception cref="InvalidOperationException">When the run has already ended.</exception>
    public void Fail(string error)
    {
        EnsureRunning();
        Commit((RunStatus.Failed, string.IsNullOrWhiteSpace(error) ? "failed (no reason given)" : error));
    }

    /// <summary>Commits what is buffered; a run still running becomes <see cref="RunStatus.Incomplete"/>.</summary>
    public void Dispose()
    {
        if (Status == RunStatus.Running && !_tracker.IsDisposed)
            Commit((RunStatus.Incomplete, "disposed before Complete() or Fail() was called"));
        _insert?.Dispose();
        _insert = null;
    }

    /// <summary>A one-line description.</summary>
    public override string ToString() => $"run {Id} '{Name}' {Status.ToString().ToLowerInvariant()}";

    private void Add(long step, string name, double value)
    {
        EnsureRunning();
        CheckName(name);
        if (step < 0)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step is {step}: expected 0 or more.");
        if (step < _step)
            throw new ArgumentException($"step {step} comes after step {_step}: log steps in increasing order.", nameof(step));

        if (step > _step)
        {
            // A new step begins, so the previous one is whole: commit a full batch before adding to the next.
            if (_pendingSteps >= BatchSteps)
                Commit(statusUpdate: null);
            _step = step;
            _namesAtStep.Clear();
        }

        if (!_namesAtStep.Add(name))
            throw new ArgumentException($"metric '{name}' was already logged at step {step}: log each metric once per step.", nameof(name));

        if (_pending.Count == 0 || _pending[^1].Step != step)
            _pendingSteps++;
        _pending.Add(new Pending(name, step, value, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0));
        _lastValues[name] = value;
    }

    private void Commit((RunStatus Status, string? Error)? statusUpdate)
    {
        var connection = _tracker.Connection;
        using (var transaction = connection.BeginTransaction())
        {
            if (_pending.Count > 0)
            {
                var insert = _insert ??= CreateInsert(connection);
                insert.Transaction = transaction;
                foreach (var point in _pending)
                {
                    insert.Parameters[0].Value = point.Name;
                    insert.Parameters[1].Value = point.Step;
                    insert.Parameters[2].Value = double.IsNaN(point.Value) ? DBNull.Value : point.Value;
                    insert.Parameters[3].Value = point.WallTime;
                    insert.ExecuteNonQuery();
                }
            }

            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            update.Parameters.AddWithValue("$id", Id);
            update.Parameters.AddWithValue("$now", now);
            if (statusUpdate is { } end)
            {
                update.CommandText = "UPDATE runs SET status = $status, ended_utc = $now, heartbeat_utc = $now, summary_json = $summary, error = $error WHERE id = $id";
                update.Parameters.AddWithValue("$status", RunTracker.StatusText(end.Status));
                update.Parameters.AddWithValue("$summary", SummaryJson());
                update.Parameters.AddWithValue("$error", (object?)end.Error ?? DBNull.Value);
            }
            else
            {
                update.CommandText = "UPDATE runs SET heartbeat_utc = $now WHERE id = $id";
            }

            update.ExecuteNonQuery();
            transaction.Commit();
        }

        if (_pending.Count > 0)
            LastCommittedStep = _pending[^1].Step;
        _pending.Clear();
        _pendingSteps = 0;
        if (statusUpdate is { } ended)
            Status = ended.Status;
    }

    private SqliteCommand CreateInsert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO metrics(run_id, name, step, value, wall_time) VALUES ($run, $name, $step, $value, $wall)";
        insert.Parameters.Add("$name", SqliteType.Text);
        insert.Parameters.Add("$step", SqliteType.Integer);
        insert.Parameters.Add("$value", SqliteType.Real);
        insert.Parameters.Add("$wall", SqliteType.Real);
        insert.Parameters.AddWithValue("$run", Id);
        return insert;
    }

    private string SummaryJson()
    {
        // JSON has no NaN or infinity; they are written as strings and read back as doubles.
        var summary = _lastValues.ToDictionary(
            kv => kv.Key,
            kv => double.IsFinite(kv.Value) ? (object)kv.Value : kv.Value.ToString(CultureInfo.InvariantCulture));
        return JsonSerializer.Serialize(summary);
    }

    private void EnsureRunning()
    {
        if (Status != RunStatus.Running)
            throw new InvalidOperationException($"run {Id} '{Name}' is {Status.ToString().ToLowerInvariant()}: start a new run to log more.");
        if (_tracker.IsDisposed)
            throw new ObjectDisposedException(nameof(RunTracker), $"the tracker of run {Id} '{Name}' was disposed: finish runs before disposing their tracker.");
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("metric name is empty: name the metric, e.g. \"train_loss\".", nameof(name));
    }

    private readonly record struct Pending(string Name, long Step, double Value, double WallTime);
}

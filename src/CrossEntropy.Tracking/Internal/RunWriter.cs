using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrossEntropy.Tracking.Internal;

/// <summary>One buffered metric value waiting to be committed.</summary>
// WallTimeMs is Unix time in milliseconds: an integer is much cheaper to write as JSON than a double.
internal readonly record struct PendingPoint(string Name, long Step, double Value, long WallTimeMs);

/// <summary>
/// Commits a run's batches on a background task, in order, each in one transaction, over a connection
/// of its own, so that logging a step costs the training loop a list append instead of a database write.
/// </summary>
/// <remarks>
/// Batches are chained: each starts after the previous one committed, and after a failure no later
/// batch is written (the store would otherwise have a gap). The failure is reported, as one line,
/// by the run's next call. At most <see cref="MaxQueuedBatches"/> batches wait; beyond that the caller
/// waits, so a slow disk slows training down rather than filling memory.
/// </remarks>
internal sealed class RunWriter : IDisposable
{
    private const int MaxQueuedBatches = 4;

    private readonly SqliteConnection _connection;
    private readonly long _runId;
    private readonly string _description;
    private SqliteCommand? _insert;
    private SqliteCommand? _heartbeat;
    private Task _tail = Task.CompletedTask;
    private int _queued;
    private long _batches; // the next batch number; touched only by the writer's sequential commits
    private long _lastCommittedStep = -1;

    public RunWriter(string path, long runId, string runName)
    {
        _runId = runId;
        _description = $"run {runId} '{runName}' in {path}";
        _connection = new SqliteConnection(RunTracker.ConnectionString(path));
        _connection.Open();
        using var pragmas = _connection.CreateCommand();
        pragmas.CommandText = RunTracker.ConnectionPragmas;
        pragmas.ExecuteNonQuery();
    }

    /// <summary>The highest step committed so far, or null.</summary>
    public long? LastCommittedStep
    {
        get
        {
            var step = Interlocked.Read(ref _lastCommittedStep);
            return step < 0 ? null : step;
        }
    }

    /// <summary>Queues <paramref name="batch"/> to be committed after the batches before it.</summary>
    public void Enqueue(List<PendingPoint> batch)
    {
        ThrowIfFailed();
        if (Volatile.Read(ref _queued) >= MaxQueuedBatches)
            WaitForCommits();
        Interlocked.Increment(ref _queued);
        _tail = _tail.ContinueWith(
            previous =>
            {
                previous.GetAwaiter().GetResult(); // a failed batch stops every later one
                Commit(batch, end: null);
                Interlocked.Decrement(ref _queued);
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Waits until every queued batch is committed; rethrows a failure as one line.</summary>
    public void WaitForCommits()
    {
        try
        {
            _tail.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            throw Failure(e);
        }
    }

    /// <summary>Throws the failure of an earlier batch, if any, without waiting for the rest.</summary>
    public void ThrowIfFailed()
    {
        if (_tail.IsFaulted)
            WaitForCommits();
    }

    /// <summary>Commits the last batch together with the run's final status, summary and error, after every queued batch.</summary>
    public void End(List<PendingPoint> batch, string status, string summaryJson, string? error)
    {
        WaitForCommits();
        try
        {
            Commit(batch, (status, summaryJson, error));
        }
        catch (SqliteException e)
        {
            throw Failure(e);
        }
    }

    public void Dispose()
    {
        try
        {
            _tail.Wait();
        }
        catch (AggregateException)
        {
            // Already reported (or about to be lost with the run); disposal must not throw.
        }

        _insert?.Dispose();
        _heartbeat?.Dispose();
        _connection.Dispose();
    }

    private void Commit(List<PendingPoint> batch, (string Status, string Summary, string? Error)? end)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var transaction = _connection.BeginTransaction();
        if (batch.Count > 0)
        {
            var insert = _insert ??= CreateInsert();
            insert.Transaction = transaction;
            insert.Parameters[0].Value = _batches;
            insert.Parameters[1].Value = batch[0].Step;
            insert.Parameters[2].Value = batch[^1].Step;
            insert.Parameters[3].Value = MetricBatchJson.Write(batch);
            insert.ExecuteNonQuery();
        }

        if (end is { } final)
        {
            using var update = _connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE runs SET status = $status, ended_utc = $now, heartbeat_utc = $now, summary_json = $summary, error = $error WHERE id = $id";
            update.Parameters.AddWithValue("$id", _runId);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$status", final.Status);
            update.Parameters.AddWithValue("$summary", final.Summary);
            update.Parameters.AddWithValue("$error", (object?)final.Error ?? DBNull.Value);
            update.ExecuteNonQuery();
        }
        else
        {
            var heartbeat = _heartbeat ??= CreateHeartbeat();
            heartbeat.Transaction = transaction;
            heartbeat.Parameters[0].Value = now;
            heartbeat.ExecuteNonQuery();
        }

        transaction.Commit();
        if (batch.Count > 0)
        {
            _batches++;
            Interlocked.Exchange(ref _lastCommittedStep, batch[^1].Step);
        }
    }

    private SqliteCommand CreateInsert()
    {
        var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO metric_batches(run_id, batch, first_step, last_step, points) VALUES ($run, $batch, $first, $last, $points)";
        insert.Parameters.Add("$batch", SqliteType.Integer);
        insert.Parameters.Add("$first", SqliteType.Integer);
        insert.Parameters.Add("$last", SqliteType.Integer);
        insert.Parameters.Add("$points", SqliteType.Text);
        insert.Parameters.AddWithValue("$run", _runId);
        return insert;
    }

    private SqliteCommand CreateHeartbeat()
    {
        var heartbeat = _connection.CreateCommand();
        heartbeat.CommandText = "UPDATE runs SET heartbeat_utc = $now WHERE id = $id";
        heartbeat.Parameters.Add("$now", SqliteType.Text);
        heartbeat.Parameters.AddWithValue("$id", _runId);
        return heartbeat;
    }

    private InvalidOperationException Failure(Exception e)
    {
        var message = e.Message.Split('\n')[0].TrimEnd('.');
        return new InvalidOperationException(
            $"{_description}: committing logged steps failed ({message}); steps committed before are kept — check the disk and start a new run.", e);
    }
}

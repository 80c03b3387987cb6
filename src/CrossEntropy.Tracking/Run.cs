using System.Globalization;
using System.Text.Json;
using CrossEntropy.Tracking.Internal;

namespace CrossEntropy.Tracking;

/// <summary>
/// A run being recorded: log metrics per step, then <c>Complete</c> or <see cref="Fail"/>.
/// Values are buffered and committed <see cref="BatchSteps"/> whole steps at a time in one transaction,
/// so a crash loses at most the batches not yet committed and never leaves half a batch behind.
/// </summary>
/// <remarks>
/// <para>Full batches are committed in the background, in order, over the run's own connection: logging a
/// step only appends to a list, so tracking costs the training loop almost nothing. <see cref="Flush"/>
/// (and <c>Complete</c>, <see cref="Fail"/>, <see cref="Dispose"/>) waits until everything logged is
/// committed. A failed commit is reported by the next call.</para>
/// <para>Steps must not decrease, and a metric can be logged once per step. Use one run from one thread.
/// Disposing a run that was neither completed nor failed commits what is buffered and marks it
/// <see cref="RunStatus.Incomplete"/>.</para>
/// </remarks>
public sealed class Run : IDisposable
{
    private readonly RunTracker _tracker;
    private readonly RunWriter _writer;
    private readonly HashSet<string> _namesAtStep = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastValues = new(StringComparer.Ordinal);
    private List<PendingPoint> _pending = [];
    private long _step = -1;
    private int _pendingSteps;
    private bool _disposed;

    internal Run(RunTracker tracker, RunWriter writer, long id, string name, int batchSteps)
    {
        _tracker = tracker;
        _writer = writer;
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

    /// <summary>The highest step committed to the store so far, or null (batches commit in the background).</summary>
    public long? LastCommittedStep => _writer.LastCommittedStep;

    /// <summary>Records one metric value at <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentException">Empty name, a negative or decreasing step, or a metric logged twice at one step.</exception>
    /// <exception cref="InvalidOperationException">When the run has ended, or an earlier batch could not be committed.</exception>
    public void Log(long step, string name, double value)
    {
        Add(step, name, value);
    }

    /// <summary>
    /// Records all metrics of one step at once, e.g. <c>run.Log(step, ("train_loss", 0.41), ("accuracy", 0.8))</c>;
    /// the step counts as finished, so a full batch is handed to the writer right away.
    /// </summary>
    /// <exception cref="ArgumentException">Empty name, a negative or decreasing step, or a metric logged twice at one step.</exception>
    /// <exception cref="InvalidOperationException">When the run has ended, or an earlier batch could not be committed.</exception>
    public void Log(long step, params (string Name, double Value)[] metrics) => Log(step, (ReadOnlySpan<(string Name, double Value)>)metrics);

    /// <summary>Records all metrics of one step at once from a span (no array needed in a hot loop).</summary>
    /// <exception cref="ArgumentException">Empty name, a negative or decreasing step, or a metric logged twice at one step.</exception>
    /// <exception cref="InvalidOperationException">When the run has ended, or an earlier batch could not be committed.</exception>
    public void Log(long step, ReadOnlySpan<(string Name, double Value)> metrics)
    {
        foreach (var (name, value) in metrics)
            Add(step, name, value);
        if (_pendingSteps >= BatchSteps)
            HandOff();
    }

    /// <summary>Commits everything logged so far, including a partial batch, and waits until it is committed.</summary>
    /// <exception cref="InvalidOperationException">When the run has ended, or a batch could not be committed.</exception>
    public void Flush()
    {
        EnsureRunning();
        HandOff();
        _writer.WaitForCommits();
    }

    /// <summary>Waits until the full batches handed over so far are committed; a partial batch stays buffered.</summary>
    /// <exception cref="InvalidOperationException">When a batch could not be committed.</exception>
    public void WaitForCommits() => _writer.WaitForCommits();

    /// <summary>
    /// Ends the run successfully. The summary holds the last value of every logged metric, plus
    /// <paramref name="summary"/> (e.g. a test-set score), which wins on equal names.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the run has already ended, or a batch could not be committed.</exception>
    public void Complete(params (string Name, double Value)[] summary) => Complete((ReadOnlySpan<(string Name, double Value)>)summary);

    /// <summary>Ends the run successfully with a summary given as a span; see the array overload.</summary>
    /// <exception cref="InvalidOperationException">When the run has already ended, or a batch could not be committed.</exception>
    public void Complete(ReadOnlySpan<(string Name, double Value)> summary)
    {
        EnsureRunning();
        foreach (var (name, value) in summary)
        {
            CheckName(name);
            _lastValues[name] = value;
        }

        End(RunStatus.Completed, null);
    }

    /// <summary>Ends the run as failed, recording <paramref name="error"/> (e.g. "loss became NaN at step 40").</summary>
    /// <exception cref="InvalidOperationException">When the run has already ended, or a batch could not be committed.</exception>
    public void Fail(string error)
    {
        EnsureRunning();
        End(RunStatus.Failed, string.IsNullOrWhiteSpace(error) ? "failed (no reason given)" : error);
    }

    /// <summary>Commits what is buffered; a run still running becomes <see cref="RunStatus.Incomplete"/>.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (Status == RunStatus.Running)
                End(RunStatus.Incomplete, "disposed before Complete() or Fail() was called");
        }
        catch (InvalidOperationException)
        {
            // A commit failure was already reported to the caller or cannot be reported from Dispose;
            // the run stays "running" in the store and the next tracker to open it marks it incomplete.
        }
        finally
        {
            _writer.Dispose();
        }
    }

    /// <summary>A one-line description.</summary>
    public override string ToString() => $"run {Id} '{Name}' {Status.ToString().ToLowerInvariant()}";

    private void Add(long step, string name, double value)
    {
        EnsureRunning();
        _writer.ThrowIfFailed();
        CheckName(name);
        if (step < 0)
            throw new ArgumentOutOfRangeException(nameof(step), $"step is {step}: expected 0 or more.");
        if (step < _step)
            throw new ArgumentException($"step {step} comes after step {_step}: log steps in increasing order.", nameof(step));

        if (step > _step)
        {
            // A new step begins, so the previous one is whole: hand over a full batch before adding to the next.
            if (_pendingSteps >= BatchSteps)
                HandOff();
            _step = step;
            _namesAtStep.Clear();
        }

        if (!_namesAtStep.Add(name))
            throw new ArgumentException($"metric '{name}' was already logged at step {step}: log each metric once per step.", nameof(name));

        if (_pending.Count == 0 || _pending[^1].Step != step)
            _pendingSteps++;
        _pending.Add(new PendingPoint(name, step, value, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        _lastValues[name] = value;
    }

    private void HandOff()
    {
        if (_pending.Count == 0) return;
        var batch = _pending;
        _pending = new List<PendingPoint>(batch.Count);
        _pendingSteps = 0;
        _writer.Enqueue(batch);
    }

    private void End(RunStatus status, string? error)
    {
        var batch = _pending;
        _pending = [];
        _pendingSteps = 0;
        _writer.End(batch, RunTracker.StatusText(status), SummaryJson(), error);
        Status = status;
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
}

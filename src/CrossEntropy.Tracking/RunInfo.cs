namespace CrossEntropy.Tracking;

/// <summary>Everything recorded about one run, except its metric series (see <see cref="RunTracker.Metrics"/>).</summary>
/// <param name="Id">The run id, unique within its store.</param>
/// <param name="Name">The name given when the run started.</param>
/// <param name="Status">Running, completed, failed or incomplete.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="EndedUtc">When it completed, failed or was found incomplete; null while running.</param>
/// <param name="Config">Hyper-parameters and seed, flattened to "key → text" (nested keys dotted).</param>
/// <param name="Data">The fingerprint of the data it trained on, when one was given.</param>
/// <param name="Environment">Runtime, OS, processors, library version and commit.</param>
/// <param name="Summary">Final values: the last value of each metric plus any given at completion.</param>
/// <param name="Error">Why it failed or stopped, when it did.</param>
/// <param name="LastStep">The highest committed step, or null when nothing was committed.</param>
public sealed record RunInfo(
    long Id,
    string Name,
    RunStatus Status,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    IReadOnlyDictionary<string, string> Config,
    DataFingerprint? Data,
    RunEnvironment Environment,
    IReadOnlyDictionary<string, double> Summary,
    string? Error,
    long? LastStep)
{
    /// <summary>A one-line description, e.g. "run 3 'lr=0.1' completed, 200 steps".</summary>
    public override string ToString() =>
        $"run {Id} '{Name}' {Status.ToString().ToLowerInvariant()}, {(LastStep is { } s ? $"{s + 1} steps" : "no steps")}";
}

/// <summary>A run's standing on one metric, as used to rank runs.</summary>
/// <param name="Run">The run.</param>
/// <param name="Metric">The metric ranked on.</param>
/// <param name="Step">The step of the value that stands for the run.</param>
/// <param name="Value">That value.</param>
public sealed record RankedRun(RunInfo Run, string Metric, long Step, double Value);

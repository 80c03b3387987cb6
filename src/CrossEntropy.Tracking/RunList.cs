using System.Collections;

namespace CrossEntropy.Tracking;

/// <summary>
/// The runs of a store as returned by <see cref="RunTracker.ListRuns"/>: a read-only list with its own
/// type so a notebook can show it as a run table (config differences highlighted).
/// </summary>
public sealed class RunList : IReadOnlyList<RunInfo>
{
    private readonly IReadOnlyList<RunInfo> _runs;

    /// <summary>Wraps <paramref name="runs"/> (kept in the given order).</summary>
    public RunList(IEnumerable<RunInfo> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _runs = [.. runs];
    }

    /// <inheritdoc />
    public RunInfo this[int index] => _runs[index];

    /// <inheritdoc />
    public int Count => _runs.Count;

    /// <summary>The config keys whose value is not the same in every run (a missing key counts as a value).</summary>
    public IReadOnlyList<string> DifferingConfigKeys() =>
        [.. _runs.SelectMany(r => r.Config.Keys).Distinct()
            .Where(k => _runs.Select(r => r.Config.GetValueOrDefault(k)).Distinct().Count() > 1)
            .Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public IEnumerator<RunInfo> GetEnumerator() => _runs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A one-line summary, e.g. "3 runs (2 completed, 1 incomplete)".</summary>
    public override string ToString()
    {
        var byStatus = _runs.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return $"{_runs.Count} run{(_runs.Count == 1 ? "" : "s")}" + (_runs.Count == 0 ? "" : $" ({string.Join(", ", byStatus)})");
    }
}

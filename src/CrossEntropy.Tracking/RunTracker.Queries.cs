using System.Globalization;
using System.Text.Json;
using CrossEntropy.Tracking.Internal;
using Microsoft.Data.Sqlite;

namespace CrossEntropy.Tracking;

// Reading side of the tracker: list, fetch, rank and compare runs.
public sealed partial class RunTracker
{
    private const string RunColumns =
        "r.id, r.name, r.status, r.started_utc, r.ended_utc, r.config_json, r.data_json, r.environment_json, r.summary_json, r.error, " +
        "(SELECT MAX(b.last_step) FROM metric_batches b WHERE b.run_id = r.id)";

    /// <summary>All runs in the store, oldest first (abandoned runs are marked incomplete first).</summary>
    public RunList ListRuns()
    {
        RecoverAbandonedRuns();
        using var query = Connection.CreateCommand();
        query.CommandText = $"SELECT {RunColumns} FROM runs r ORDER BY r.id";
        return new RunList(ReadRuns(query));
    }

    /// <summary>One run by id.</summary>
    /// <exception cref="ArgumentException">When no run has that id.</exception>
    public RunInfo GetRun(long id)
    {
        using var query = Connection.CreateCommand();
        query.CommandText = $"SELECT {RunColumns} FROM runs r WHERE r.id = $id";
        query.Parameters.AddWithValue("$id", id);
        var runs = ReadRuns(query);
        return runs.Count == 1 ? runs[0] : throw UnknownRun(id);
    }

    /// <summary>A run's metric values ordered by metric name then step; only <paramref name="name"/> when given.</summary>
    /// <exception cref="ArgumentException">When no run has that id.</exception>
    public IReadOnlyList<MetricPoint> Metrics(long runId, string? name = null)
    {
        EnsureRunExists(runId);
        return [.. ReadPoints([runId])[runId]
            .Where(p => name is null || p.Name == name)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Step)
            .Select(p => new MetricPoint(p.Name, p.Step, p.Value, DateTimeOffset.FromUnixTimeMilliseconds(p.WallTimeMs)))];
    }

    /// <summary>The distinct metric names logged by one run, or by any run when <paramref name="runId"/> is null.</summary>
    public IReadOnlyList<string> MetricNames(long? runId = null)
    {
        var runs = runId is { } id ? [id] : ListRunIds();
        return [.. ReadPoints(runs).Values.SelectMany(p => p).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Ranks runs on <paramref name="metric"/>, best first: by the value each run ended with
    /// (<see cref="MetricSelection.Final"/>) or its best value at any step. NaN ranks last.
    /// </summary>
    /// <param name="metric">The metric name, e.g. "val_loss".</param>
    /// <param name="goal">Minimize for losses, maximize for accuracies.</param>
    /// <param name="by">Final or best value.</param>
    /// <param name="completedOnly">Only completed runs (default): an interrupted run's last value is not its result.</param>
    /// <exception cref="ArgumentException">When no run (of the kind asked for) logged the metric, or goal or by is not a defined value.</exception>
    public IReadOnlyList<RankedRun> Rank(string metric, MetricGoal goal = MetricGoal.Minimize, MetricSelection by = MetricSelection.Final, bool completedOnly = true)
    {
        if (string.IsNullOrWhiteSpace(metric))
            throw new ArgumentException("metric is empty: name a logged metric, e.g. \"val_loss\".", nameof(metric));
        CheckGoal(goal);
        if (!Enum.IsDefined(by))
            throw new ArgumentOutOfRangeException(nameof(by), $"by is {by}: expected MetricSelection.Final or MetricSelection.Best.");

        var runs = ListRuns().Where(r => !completedOnly || r.Status == RunStatus.Completed).ToDictionary(r => r.Id);
        var series = ReadSeries(metric, runs.Keys);
        var ranked = new List<RankedRun>();
        foreach (var (runId, points) in series)
        {
            var (step, value) = by == MetricSelection.Final ? points[^1] : BestOf(points, goal);
            ranked.Add(new RankedRun(runs[runId], metric, step, value));
        }

        if (ranked.Count == 0)
        {
            var known = MetricNames();
            throw new ArgumentException(
                $"no {(completedOnly ? "completed " : "")}run logged metric '{metric}' (logged metrics: {(known.Count == 0 ? "none" : string.Join(", ", known))})" +
                (completedOnly ? ": complete a run, or pass completedOnly: false." : "."), nameof(metric));
        }

        ranked.Sort((a, b) => Compare(a.Value, b.Value, goal));
        return ranked;
    }

    /// <summary>The best run on <paramref name="metric"/> (see <see cref="Rank"/>).</summary>
    /// <exception cref="ArgumentException">When no run (of the kind asked for) logged the metric, or goal or by is not a defined value.</exception>
    public RankedRun BestRun(string metric, MetricGoal goal = MetricGoal.Minimize, MetricSelection by = MetricSelection.Final, bool completedOnly = true) =>
        Rank(metric, goal, by, completedOnly)[0];

    /// <summary>
    /// Puts runs side by side: config values (differences flagged; the data fingerprint appears as
    /// <c>data.sha256</c>), and each run's best and final <paramref name="metric"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No run ids, an unknown id, an empty metric name, or a goal that is not a defined value.</exception>
    public RunComparison Compare(IEnumerable<long> runIds, string metric, MetricGoal goal = MetricGoal.Minimize)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (string.IsNullOrWhiteSpace(metric))
            throw new ArgumentException("metric is empty: name a logged metric, e.g. \"val_loss\".", nameof(metric));
        CheckGoal(goal);
        var ids = runIds.Distinct().ToList();
        if (ids.Count == 0)
            throw new ArgumentException("runIds is empty: pass the ids of the runs to compare (see ListRuns()).", nameof(runIds));

        RecoverAbandonedRuns();
        var runs = ids.Select(GetRun).ToList();
        var series = ReadSeries(metric, ids);

        var values = runs.ToDictionary(r => r.Id, ComparisonValues);
        var allKeys = values.Values.SelectMany(v => v.Keys).Distinct().ToList();
        var differing = allKeys
            .Where(k => values.Values.Select(v => v.GetValueOrDefault(k)).Distinct().Count() > 1)
            .ToHashSet(StringComparer.Ordinal);
        var keys = allKeys
            .OrderBy(k => differing.Contains(k) ? 0 : 1)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();

        var rows = new List<RunComparisonRow>();
        foreach (var run in runs)
        {
            var row = values[run.Id];
            var full = keys.ToDictionary(k => k, k => row.GetValueOrDefault(k));
            if (series.TryGetValue(run.Id, out var points))
            {
                var (bestStep, bestValue) = BestOf(points, goal);
                var (finalStep, finalValue) = points[^1];
                rows.Add(new RunComparisonRow(run, full, bestStep, bestValue, finalStep, finalValue));
            }
            else
            {
                rows.Add(new RunComparisonRow(run, full, null, null, null, null));
            }
        }

        var best = rows.Where(r => r.BestValue is not null)
            .OrderBy(r => r.BestValue!.Value, Comparer<double>.Create((a, b) => Compare(a, b, goal)))
            .FirstOrDefault();
        return new RunComparison(metric, goal, keys, differing, rows, best?.Run.Id);
    }

    private static Dictionary<string, string?> ComparisonValues(RunInfo run)
    {
        var values = run.Config.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        values["data.sha256"] = run.Data?.Sha256;
        return values;
    }

    // An undefined goal would silently rank as one of the two: refuse it like any other bad argument.
    private static void CheckGoal(MetricGoal goal)
    {
        if (!Enum.IsDefined(goal))
            throw new ArgumentOutOfRangeException(nameof(goal), $"goal is {goal}: expected MetricGoal.Minimize or MetricGoal.Maximize.");
    }

    // Smaller-is-better or larger-is-better order with NaN always last.
    private static int Compare(double a, double b, MetricGoal goal)
    {
        if (double.IsNaN(a)) return double.IsNaN(b) ? 0 : 1;
        if (double.IsNaN(b)) return -1;
        return goal == MetricGoal.Minimize ? a.CompareTo(b) : b.CompareTo(a);
    }

    private static (long Step, double Value) BestOf(List<(long Step, double Value)> points, MetricGoal goal)
    {
        var best = points[0];
        foreach (var point in points)
        {
            if (Compare(point.Value, best.Value, goal) < 0)
                best = point;
        }

        return best;
    }

    private Dictionary<long, List<(long Step, double Value)>> ReadSeries(string metric, IEnumerable<long> runIds)
    {
        var series = new Dictionary<long, List<(long, double)>>();
        foreach (var (runId, points) in ReadPoints(runIds))
        {
            var values = points.Where(p => p.Name == metric).OrderBy(p => p.Step).Select(p => (p.Step, p.Value)).ToList();
            if (values.Count > 0)
                series[runId] = values;
        }

        return series;
    }

    /// <summary>Every committed point of each run (an empty list for a run without any), decoded from its batches.</summary>
    private Dictionary<long, List<PendingPoint>> ReadPoints(IEnumerable<long> runIds)
    {
        var points = runIds.Distinct().ToDictionary(id => id, _ => new List<PendingPoint>());
        using var query = Connection.CreateCommand();
        query.CommandText = "SELECT points FROM metric_batches WHERE run_id = $run ORDER BY batch";
        var run = query.Parameters.Add("$run", SqliteType.Integer);
        foreach (var (runId, list) in points)
        {
            run.Value = runId;
            using var reader = query.ExecuteReader();
            while (reader.Read())
                list.AddRange(MetricBatchJson.Read(reader.GetString(0)));
        }

        return points;
    }

    private List<long> ListRunIds()
    {
        using var query = Connection.CreateCommand();
        query.CommandText = "SELECT id FROM runs ORDER BY id";
        using var reader = query.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    private void EnsureRunExists(long id)
    {
        using var query = Connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM runs WHERE id = $id";
        query.Parameters.AddWithValue("$id", id);
        if ((long)query.ExecuteScalar()! == 0)
            throw UnknownRun(id);
    }

    private ArgumentException UnknownRun(long id) =>
        new($"run {id} does not exist in {Path}: list the runs with ListRuns().", "runId");

    private static List<RunInfo> ReadRuns(SqliteCommand query)
    {
        using var reader = query.ExecuteReader();
        var runs = new List<RunInfo>();
        while (reader.Read())
        {
            runs.Add(new RunInfo(
                Id: reader.GetInt64(0),
                Name: reader.GetString(1),
                Status: ParseStatus(reader.GetString(2)),
                StartedUtc: DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                EndedUtc: reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Config: JsonSerializer.Deserialize<SortedDictionary<string, string>>(reader.GetString(5))!,
                Data: reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<DataFingerprint>(reader.GetString(6)),
                Environment: JsonSerializer.Deserialize<RunEnvironment>(reader.GetString(7))!,
                Summary: reader.IsDBNull(8) ? new Dictionary<string, double>() : ReadSummary(reader.GetString(8)),
                Error: reader.IsDBNull(9) ? null : reader.GetString(9),
                LastStep: reader.IsDBNull(10) ? null : reader.GetInt64(10)));
        }

        return runs;
    }

    private static Dictionary<string, double> ReadSummary(string json)
    {
        var summary = new Dictionary<string, double>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            summary[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? double.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture) // NaN / ±Infinity
                : property.Value.GetDouble();
        }

        return summary;
    }
}

using System.Globalization;
using System.Text;

namespace CrossEntropy.Tracking;

// Export side of the tracker: a run's metrics as CSV for spreadsheets and other tools.
public sealed partial class RunTracker
{
    /// <summary>The CSV header written by <see cref="MetricsCsv"/>.</summary>
    public const string CsvHeader = "run_id,run_name,metric,step,value,wall_time_utc";

    /// <summary>
    /// A run's metrics as CSV (RFC 4180, comma-separated, invariant culture, values round-trip exact,
    /// NaN written as <c>NaN</c>, wall time as ISO 8601 UTC), one line per value ordered by metric and step.
    /// </summary>
    /// <exception cref="ArgumentException">When no run has that id.</exception>
    public string MetricsCsv(long runId)
    {
        var run = GetRun(runId);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var point in Metrics(runId))
        {
            csv.Append(run.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(Quote(run.Name)).Append(',')
               .Append(Quote(point.Name)).Append(',')
               .Append(point.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(point.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',')
               .Append(point.WallTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
               .Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Writes <see cref="MetricsCsv"/> to <paramref name="path"/> (directories created) and returns the full path.</summary>
    /// <exception cref="ArgumentException">An empty path or an unknown run id.</exception>
    public string ExportCsv(long runId, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("path is empty: pass a file such as runs/run-1.csv.", nameof(path));
        var csv = MetricsCsv(runId);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        File.WriteAllText(full, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return full;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

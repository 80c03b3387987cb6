using System.Globalization;
using System.Text;
using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>Everything recorded about one run, as a two-column table: what is needed to reproduce it, and how it ended.</summary>
internal static class TrackingRunInfoFormat
{
    public static string Html(RunInfo run)
    {
        var html = Formatting.Html.Begin("ce-run", $"Run {run.Id} '{run.Name}'", Headline(run));
        html.Append("<table><tbody>");
        foreach (var (section, key, value) in Entries(run))
        {
            html.Append("<tr>");
            Formatting.Html.TextCell(html, section);
            Formatting.Html.TextCell(html, key);
            Formatting.Html.TextCell(html, value);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(RunInfo run)
    {
        var text = new StringBuilder();
        text.Append("Run ").Append(run.Id.ToString(CultureInfo.InvariantCulture)).Append(" '").Append(run.Name).Append("' · ").Append(Headline(run)).Append('\n');
        var table = new PlainTable("section", "key", "value");
        foreach (var (section, key, value) in Entries(run))
            table.Row(section, key, value);
        table.WriteTo(text);
        return text.ToString();
    }

    private static string Headline(RunInfo run)
    {
        var steps = run.LastStep is { } last ? $"{last + 1} steps" : "no steps";
        var when = run.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        return $"{run.Status.ToString().ToLowerInvariant()}, {steps}, started {when}" + (run.Error is null ? "" : $" · {run.Error}");
    }

    private static IEnumerable<(string Section, string Key, string Value)> Entries(RunInfo run)
    {
        foreach (var (key, value) in run.Config)
            yield return ("config", key, value);
        if (run.Data is { } data)
        {
            yield return ("data", "sha256", data.Sha256);
            yield return ("data", "rows", $"{data.TrainRows} train + {data.ValidationRows} validation");
            yield return ("data", "shape", $"{data.FeatureCount} features, {data.ClassCount} classes");
        }
        else
        {
            yield return ("data", "fingerprint", "not recorded");
        }

        var env = run.Environment;
        yield return ("environment", "runtime", env.Runtime);
        yield return ("environment", "os", $"{env.OperatingSystem} ({env.Architecture})");
        yield return ("environment", "processors", env.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        yield return ("environment", "library", env.LibraryVersion);
        yield return ("environment", "commit", env.GitCommit ?? "unknown");
        foreach (var (key, value) in run.Summary.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            yield return ("summary", key, $"{NumberText.Short(value)} (exact {NumberText.Exact(value)})");
    }
}

using System.Globalization;
using System.Text;
using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// The run table: one row per run with its status, steps, the config keys that differ between the runs
/// (highlighted; keys equal everywhere are listed once above the table) and its final summary values.
/// </summary>
internal static class TrackingRunListFormat
{
    public static string Html(RunList runs)
    {
        var differing = runs.DifferingConfigKeys();
        var summaryKeys = SummaryKeys(runs);
        var html = Formatting.Html.Begin("ce-runs", $"Runs ({runs})", Meta(runs, differing));
        html.Insert(0, TrackingStyles.Css);
        html.Append("<table>");
        html.Append("<thead><tr>");
        foreach (var heading in (string[])["id", "name", "status", "steps"])
            html.Append("<th class=\"ce-text\">").Append(Formatting.Html.Escape(heading)).Append("</th>");
        foreach (var key in differing)
            html.Append("<th class=\"ce-diff\" title=\"differs between runs\">").Append(Formatting.Html.Escape(key)).Append("</th>");
        foreach (var key in summaryKeys)
            html.Append("<th>").Append(Formatting.Html.Escape(key)).Append("</th>");
        html.Append("</tr></thead><tbody>");

        var shown = ReportText.Shown(runs.Count);
        for (var i = 0; i < shown; i++)
        {
            var run = runs[i];
            html.Append("<tr>");
            Formatting.Html.TextCell(html, NumberText.Integer((int)run.Id));
            Formatting.Html.TextCell(html, run.Name);
            html.Append("<td class=\"ce-text ce-status-").Append(Status(run)).Append("\" title=\"")
                .Append(Formatting.Html.Escape(run.Error ?? "")).Append("\">").Append(Status(run)).Append("</td>");
            Formatting.Html.TextCell(html, Steps(run));
            foreach (var key in differing)
            {
                html.Append("<td class=\"ce-diff\">").Append(Formatting.Html.Escape(TrackingStyles.ConfigValue(key, run.Config.GetValueOrDefault(key)))).Append("</td>");
            }

            foreach (var key in summaryKeys)
            {
                if (run.Summary.TryGetValue(key, out var value))
                    Formatting.Html.NumberCell(html, value);
                else
                    html.Append("<td>—</td>");
            }

            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, runs.Count - shown, 4 + differing.Count + summaryKeys.Count, "runs");
        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(RunList runs)
    {
        var differing = runs.DifferingConfigKeys();
        var summaryKeys = SummaryKeys(runs);
        var text = new StringBuilder();
        text.Append("Runs (").Append(runs).Append(") · ").Append(Meta(runs, differing)).Append('\n');
        var table = new PlainTable([.. new[] { "name", "id", "status", "steps" }, .. differing.Select(k => "*" + k), .. summaryKeys]);
        var shown = ReportText.Shown(runs.Count);
        for (var i = 0; i < shown; i++)
        {
            var run = runs[i];
            table.Row([
                run.Name, NumberText.Integer((int)run.Id), Status(run), Steps(run),
                .. differing.Select(k => TrackingStyles.ConfigValue(k, run.Config.GetValueOrDefault(k))),
                .. summaryKeys.Select(k => run.Summary.TryGetValue(k, out var v) ? NumberText.Short(v) : "—"),
            ]);
        }

        if (runs.Count > shown)
            table.Note(Formatting.Html.MoreText(runs.Count - shown, "runs"));
        if (differing.Count > 0)
            table.Note("* differs between runs");
        table.WriteTo(text);
        return text.ToString();
    }

    private static string Meta(RunList runs, IReadOnlyList<string> differing)
    {
        var same = runs.Count == 0
            ? []
            : runs[0].Config.Where(kv => !differing.Contains(kv.Key) && runs.All(r => r.Config.GetValueOrDefault(kv.Key) == kv.Value))
                .Select(kv => $"{kv.Key} = {kv.Value}").ToList();
        return same.Count == 0 ? "no config value shared by every run" : "same in every run: " + string.Join(", ", same);
    }

    // The final values worth a column: those most runs have, capped so the table stays readable.
    private static List<string> SummaryKeys(RunList runs) =>
        [.. runs.SelectMany(r => r.Summary.Keys).GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(6).Select(g => g.Key).Order(StringComparer.Ordinal)];

    private static string Status(RunInfo run) => run.Status.ToString().ToLowerInvariant();

    private static string Steps(RunInfo run) =>
        run.LastStep is { } last ? (last + 1).ToString(CultureInfo.InvariantCulture) : "0";
}

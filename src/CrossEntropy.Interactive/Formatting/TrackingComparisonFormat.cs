using System.Globalization;
using System.Text;
using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// Runs compared: every config key (the ones that differ highlighted, first), then each run's best and
/// final value of the metric; the run with the best value highlighted.
/// </summary>
internal static class TrackingComparisonFormat
{
    public static string Html(RunComparison comparison)
    {
        var html = Formatting.Html.Begin("ce-run-comparison", $"Runs compared on {comparison.Metric}", Meta(comparison));
        html.Insert(0, TrackingStyles.Css);
        html.Append("<table><thead><tr><th class=\"ce-text\">run</th><th class=\"ce-text\">status</th>");
        foreach (var key in comparison.Keys)
        {
            html.Append(comparison.Differs(key) ? "<th class=\"ce-diff\" title=\"differs between runs\">" : "<th>")
                .Append(Formatting.Html.Escape(key)).Append("</th>");
        }

        foreach (var heading in Headings(comparison))
            html.Append("<th>").Append(Formatting.Html.Escape(heading)).Append("</th>");
        html.Append("</tr></thead><tbody>");

        var shown = ReportText.Shown(comparison.Rows.Count);
        for (var i = 0; i < shown; i++)
        {
            var row = comparison.Rows[i];
            var best = row.Run.Id == comparison.BestRunId && comparison.Rows.Count > 1;
            html.Append(best ? "<tr class=\"ce-best\">" : "<tr>");
            Formatting.Html.TextCell(html, RunName(row, best));
            Formatting.Html.TextCell(html, row.Run.Status.ToString().ToLowerInvariant());
            foreach (var key in comparison.Keys)
            {
                html.Append(comparison.Differs(key) ? "<td class=\"ce-diff\"" : "<td");
                var value = row.Values.GetValueOrDefault(key);
                html.Append(" title=\"").Append(Formatting.Html.Escape(value ?? "not recorded")).Append("\">")
                    .Append(Formatting.Html.Escape(TrackingStyles.ConfigValue(key, value))).Append("</td>");
            }

            StepCell(html, row.BestStep);
            ValueCell(html, row.BestValue);
            StepCell(html, row.FinalStep);
            ValueCell(html, row.FinalValue);
            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, comparison.Rows.Count - shown, 2 + comparison.Keys.Count + 4, "runs");
        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(RunComparison comparison)
    {
        var text = new StringBuilder();
        text.Append("Runs compared on ").Append(comparison.Metric).Append(" · ").Append(Meta(comparison)).Append('\n');
        var table = new PlainTable([
            "run", "status", .. comparison.Keys.Select(k => comparison.Differs(k) ? "*" + k : k), .. Headings(comparison),
        ]);
        var shown = ReportText.Shown(comparison.Rows.Count);
        for (var i = 0; i < shown; i++)
        {
            var row = comparison.Rows[i];
            var best = row.Run.Id == comparison.BestRunId && comparison.Rows.Count > 1;
            table.Row([
                RunName(row, best), row.Run.Status.ToString().ToLowerInvariant(),
                .. comparison.Keys.Select(k => TrackingStyles.ConfigValue(k, row.Values.GetValueOrDefault(k))),
                Step(row.BestStep), Value(row.BestValue), Step(row.FinalStep), Value(row.FinalValue),
            ]);
        }

        if (comparison.Rows.Count > shown)
            table.Note(Formatting.Html.MoreText(comparison.Rows.Count - shown, "runs"));
        if (comparison.DifferingKeys.Count > 0)
            table.Note("* differs between runs");
        table.WriteTo(text);
        return text.ToString();
    }

    private static string[] Headings(RunComparison comparison) =>
        ["best step", $"best {comparison.Metric}", "final step", $"final {comparison.Metric}"];

    private static string Meta(RunComparison comparison)
    {
        var goal = comparison.Goal == MetricGoal.Minimize ? "lower is better" : "higher is better";
        var differing = comparison.DifferingKeys.Count == 0
            ? "no config difference"
            : $"{comparison.DifferingKeys.Count} config key{(comparison.DifferingKeys.Count == 1 ? "" : "s")} differ{(comparison.DifferingKeys.Count == 1 ? "s" : "")}";
        return $"{goal} · {differing}";
    }

    private static string RunName(RunComparisonRow row, bool best) =>
        $"{row.Run.Id.ToString(CultureInfo.InvariantCulture)} {row.Run.Name}{(best ? " (best)" : "")}";

    private static void StepCell(StringBuilder html, long? step) =>
        html.Append("<td>").Append(Step(step)).Append("</td>");

    private static void ValueCell(StringBuilder html, double? value)
    {
        if (value is { } v)
            Formatting.Html.NumberCell(html, v);
        else
            html.Append("<td>—</td>");
    }

    private static string Step(long? step) => step?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Value(double? value) => value is { } v ? NumberText.Short(v) : "—";
}

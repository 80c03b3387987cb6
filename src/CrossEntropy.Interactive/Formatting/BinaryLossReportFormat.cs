using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>The table of a binary cross-entropy: one row per sample, both class probabilities with the true one highlighted, a total row.</summary>
internal static class BinaryLossReportFormat
{
    public static string Html(BinaryLossReport report)
    {
        var hasLogits = report.Samples.Any(s => s.Logit is not null);
        var unit = report.LogBase.Unit();
        var html = Formatting.Html.Begin("ce-binary", "Binary cross-entropy", Meta(report));
        Formatting.Html.Warnings(html, report.Warnings.IsDefault ? [] : report.Warnings);
        html.Append("<table>");
        var headings = new List<string> { "#", "label y" };
        if (hasLogits)
        {
            headings.Add("logit");
        }

        headings.AddRange(["p(y = 1)", "p(y = 0)", "p(true class)", $"loss ({unit})"]);
        Formatting.Html.HeaderRow(html, headings);
        html.Append("<tbody>");
        var shown = ReportText.Shown(report.Samples.Length);
        foreach (var sample in report.Samples.Take(shown))
        {
            html.Append("<tr><td>").Append(NumberText.Integer(sample.Index)).Append("</td>");
            Formatting.Html.NumberCell(html, sample.Label, shown: NumberText.Label(sample.Label));
            if (hasLogits)
            {
                if (sample.Logit is { } logit)
                {
                    Formatting.Html.NumberCell(html, logit);
                }
                else
                {
                    html.Append("<td></td>");
                }
            }

            // A hard label marks which of the two probabilities is the one the loss rewards.
            Formatting.Html.NumberCell(html, sample.Probability, highlight: sample.Label == 1);
            Formatting.Html.NumberCell(html, 1 - sample.Probability, highlight: sample.Label == 0);
            Formatting.Html.NumberCell(html, sample.ProbabilityOfTrueClass);
            Formatting.Html.NumberCell(html, sample.Loss);
            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, report.Samples.Length - shown, headings.Count);
        html.Append("</tbody><tfoot><tr class=\"ce-total\">");
        html.Append("<th class=\"ce-text\" colspan=\"").Append(NumberText.Integer(headings.Count - 1)).Append("\">")
            .Append(Formatting.Html.Escape(ReportText.TotalLabel(report.Reduction, report.Samples.Length, 0))).Append("</th>");
        Formatting.Html.NumberCell(html, report.Total);
        html.Append("</tr></tfoot></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(BinaryLossReport report)
    {
        var hasLogits = report.Samples.Any(s => s.Logit is not null);
        var unit = report.LogBase.Unit();
        var text = new StringBuilder();
        text.Append("Binary cross-entropy · ").Append(Meta(report)).Append('\n');
        foreach (var warning in report.Warnings.IsDefault ? [] : report.Warnings)
        {
            text.Append("  warning: ").Append(warning).Append('\n');
        }

        var headings = new List<string> { "#", "y" };
        if (hasLogits)
        {
            headings.Add("logit");
        }

        headings.AddRange(["p(y=1)", "p(y=0)", "p(true)", $"loss ({unit})"]);
        var table = new PlainTable([.. headings]);
        var shown = ReportText.Shown(report.Samples.Length);
        foreach (var sample in report.Samples.Take(shown))
        {
            var cells = new List<string> { NumberText.Integer(sample.Index), NumberText.Label(sample.Label) };
            if (hasLogits)
            {
                cells.Add(sample.Logit is { } logit ? NumberText.Short(logit) : "");
            }

            cells.AddRange([NumberText.Short(sample.Probability), NumberText.Short(1 - sample.Probability), NumberText.Short(sample.ProbabilityOfTrueClass), NumberText.Short(sample.Loss)]);
            table.Row([.. cells]);
        }

        if (report.Samples.Length > shown)
        {
            table.Note(Formatting.Html.MoreText(report.Samples.Length - shown));
        }

        table.Note($"{ReportText.TotalLabel(report.Reduction, report.Samples.Length, 0)}: {NumberText.Short(report.Total)} {unit} (exact {NumberText.Exact(report.Total)})");
        table.WriteTo(text);
        return text.ToString();
    }

    private static string Meta(BinaryLossReport report) =>
        $"{report.Semantics} · {ReportText.LogBaseLine(report.LogBase)} · reduction: {ReportText.Reduction(report.Reduction)}";
}

using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// The table of a multi-class cross-entropy: one row per sample, one probability column per class with the
/// true class highlighted, the probability of the true class, the loss, a total row and any warnings.
/// </summary>
internal static class CategoricalLossReportFormat
{
    /// <summary>Beyond this many classes the per-class columns give way to the predicted class and its probability.</summary>
    public const int MaxClassColumns = 12;

    public static string Html(CategoricalLossReport report)
    {
        var unit = report.LogBase.Unit();
        var classColumns = report.Classes.Length <= MaxClassColumns;
        var html = Formatting.Html.Begin("ce-categorical", "Categorical cross-entropy", Meta(report));
        Formatting.Html.Warnings(html, report.Warnings.IsDefault ? [] : report.Warnings);
        html.Append("<table>");
        var headings = new List<string> { "#", "true class" };
        headings.AddRange(classColumns ? report.Classes.Select(c => $"p({c})") : ["predicted", "p(predicted)"]);
        headings.AddRange(["p(true class)", $"loss ({unit})"]);
        Formatting.Html.HeaderRow(html, headings);
        html.Append("<tbody>");
        var shown = ReportText.Shown(report.Samples.Length);
        foreach (var sample in report.Samples.Take(shown))
        {
            html.Append(sample.Ignored ? "<tr class=\"ce-ignored\">" : "<tr>");
            html.Append("<td>").Append(NumberText.Integer(sample.Index)).Append("</td>");
            Formatting.Html.TextCell(html, TargetName(report, sample));
            var probabilities = sample.Probabilities.IsDefault ? [] : sample.Probabilities;
            if (classColumns)
            {
                for (var c = 0; c < report.Classes.Length; c++)
                {
                    if (c < probabilities.Length)
                    {
                        Formatting.Html.NumberCell(html, probabilities[c], highlight: c == sample.Target);
                    }
                    else
                    {
                        html.Append("<td></td>");
                    }
                }
            }
            else
            {
                var predicted = ArgMax(probabilities);
                Formatting.Html.TextCell(html, predicted < 0 ? "" : ClassName(report, predicted));
                if (predicted < 0)
                {
                    html.Append("<td></td>");
                }
                else
                {
                    Formatting.Html.NumberCell(html, probabilities[predicted], highlight: predicted == sample.Target);
                }
            }

            if (sample.Ignored && double.IsNaN(sample.ProbabilityOfTrueClass))
            {
                html.Append("<td>—</td>"); // the ignored target names no class, so there is no such probability
            }
            else
            {
                Formatting.Html.NumberCell(html, sample.ProbabilityOfTrueClass);
            }

            if (sample.Ignored)
            {
                html.Append("<td>ignored</td>");
            }
            else
            {
                Formatting.Html.NumberCell(html, sample.Loss);
            }

            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, report.Samples.Length - shown, headings.Count);
        var ignored = report.Samples.Count(s => s.Ignored);
        html.Append("</tbody><tfoot><tr class=\"ce-total\">");
        html.Append("<th class=\"ce-text\" colspan=\"").Append(NumberText.Integer(headings.Count - 1)).Append("\">")
            .Append(Formatting.Html.Escape(ReportText.TotalLabel(report.Reduction, report.Samples.Length - ignored, ignored))).Append("</th>");
        Formatting.Html.NumberCell(html, report.Total);
        html.Append("</tr></tfoot></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(CategoricalLossReport report)
    {
        var unit = report.LogBase.Unit();
        var classColumns = report.Classes.Length <= MaxClassColumns;
        var text = new StringBuilder();
        text.Append("Categorical cross-entropy · ").Append(Meta(report)).Append('\n');
        foreach (var warning in report.Warnings.IsDefault ? [] : report.Warnings)
        {
            text.Append("  warning: ").Append(warning).Append('\n');
        }

        var headings = new List<string> { "#", "true" };
        headings.AddRange(classColumns ? report.Classes.Select(c => $"p({c})") : ["predicted", "p(predicted)"]);
        headings.AddRange(["p(true)", $"loss ({unit})"]);
        var table = new PlainTable([.. headings]);
        var shown = ReportText.Shown(report.Samples.Length);
        foreach (var sample in report.Samples.Take(shown))
        {
            var probabilities = sample.Probabilities.IsDefault ? [] : sample.Probabilities;
            var cells = new List<string> { NumberText.Integer(sample.Index), TargetName(report, sample) };
            if (classColumns)
            {
                // The true class's probability is starred: plain text cannot highlight a cell.
                cells.AddRange(report.Classes.Select((_, c) =>
                    c < probabilities.Length ? NumberText.Short(probabilities[c]) + (c == sample.Target ? "*" : " ") : ""));
            }
            else
            {
                var predicted = ArgMax(probabilities);
                cells.Add(predicted < 0 ? "" : ClassName(report, predicted));
                cells.Add(predicted < 0 ? "" : NumberText.Short(probabilities[predicted]));
            }

            cells.Add(sample.Ignored && double.IsNaN(sample.ProbabilityOfTrueClass) ? "—" : NumberText.Short(sample.ProbabilityOfTrueClass));
            cells.Add(sample.Ignored ? "ignored" : NumberText.Short(sample.Loss));
            table.Row([.. cells]);
        }

        if (report.Samples.Length > shown)
        {
            table.Note(Formatting.Html.MoreText(report.Samples.Length - shown));
        }

        var ignored = report.Samples.Count(s => s.Ignored);
        if (classColumns)
        {
            table.Note("* = probability of the true class");
        }

        table.Note($"{ReportText.TotalLabel(report.Reduction, report.Samples.Length - ignored, ignored)}: {NumberText.Short(report.Total)} {unit} (exact {NumberText.Exact(report.Total)})");
        table.WriteTo(text);
        return text.ToString();
    }

    private static string Meta(CategoricalLossReport report) =>
        $"{report.Semantics} · {ReportText.LogBaseLine(report.LogBase)} · reduction: {ReportText.Reduction(report.Reduction)} · {NumberText.Integer(report.Classes.Length)} classes";

    // An ignored target (PyTorch's −100) is not a class; a −1 target of a counted row means a probability target.
    private static string TargetName(CategoricalLossReport report, CategoricalSample sample) =>
        sample.Ignored && (sample.Target < 0 || sample.Target >= report.Classes.Length)
            ? $"{NumberText.Integer(sample.Target)} (ignored)"
            : ClassName(report, sample.Target);

    private static string ClassName(CategoricalLossReport report, int target) =>
        target < 0 ? "(soft target)" : target < report.Classes.Length ? report.Classes[target] : NumberText.Integer(target);

    private static int ArgMax(IReadOnlyList<double> values)
    {
        var best = -1;
        for (var i = 0; i < values.Count; i++)
        {
            if (best < 0 || values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

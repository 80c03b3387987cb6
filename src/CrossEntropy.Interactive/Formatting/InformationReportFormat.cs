using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>p and q side by side, then H(p), H(p, q) and KL(p‖q) with their formulas in the report's base.</summary>
internal static class InformationReportFormat
{
    public static string Html(InformationReport report)
    {
        var hasQ = !report.Q.IsDefaultOrEmpty;
        var html = Formatting.Html.Begin("ce-information", hasQ ? "Entropy, cross-entropy and KL divergence" : "Entropy", ReportText.LogBaseLine(report.LogBase));
        html.Append("<table>");
        Formatting.Html.HeaderRow(html, hasQ ? ["i", "p (true)", "q (predicted)"] : ["i", "p"]);
        html.Append("<tbody>");
        var p = report.P.IsDefault ? [] : report.P;
        var q = report.Q.IsDefault ? [] : report.Q;
        var count = Math.Max(p.Length, q.Length);
        var shown = ReportText.Shown(count);
        for (var i = 0; i < shown; i++)
        {
            html.Append("<tr><td>").Append(NumberText.Integer(i)).Append("</td>");
            Cell(html, p, i);
            if (hasQ)
            {
                Cell(html, q, i);
            }

            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, count - shown, hasQ ? 3 : 2);
        html.Append("</tbody></table><table>");
        Formatting.Html.HeaderRow(html, ["quantity", "formula", $"value ({report.LogBase.Unit()})"], textColumns: 2);
        html.Append("<tbody>");
        foreach (var (name, formula, value) in Quantities(report))
        {
            html.Append("<tr>");
            Formatting.Html.TextCell(html, name);
            Formatting.Html.TextCell(html, formula);
            Formatting.Html.NumberCell(html, value);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(InformationReport report)
    {
        var hasQ = !report.Q.IsDefaultOrEmpty;
        var text = new StringBuilder();
        text.Append(hasQ ? "Entropy, cross-entropy and KL divergence · " : "Entropy · ").Append(ReportText.LogBaseLine(report.LogBase)).Append('\n');
        var p = report.P.IsDefault ? [] : report.P;
        var q = report.Q.IsDefault ? [] : report.Q;
        var count = Math.Max(p.Length, q.Length);
        var shown = ReportText.Shown(count);
        var table = hasQ ? new PlainTable("i", "p", "q") : new PlainTable("i", "p");
        for (var i = 0; i < shown; i++)
        {
            var pText = i < p.Length ? NumberText.Short(p[i]) : "";
            table.Row(hasQ ? [NumberText.Integer(i), pText, i < q.Length ? NumberText.Short(q[i]) : ""] : [NumberText.Integer(i), pText]);
        }

        if (count > shown)
        {
            table.Note(Formatting.Html.MoreText(count - shown));
        }

        foreach (var (name, formula, value) in Quantities(report))
        {
            table.Note($"{name} = {formula} = {NumberText.Short(value)} {report.LogBase.Unit()} (exact {NumberText.Exact(value)})");
        }

        table.WriteTo(text);
        return text.ToString();
    }

    private static void Cell(StringBuilder html, IReadOnlyList<double> values, int i)
    {
        if (i < values.Count)
        {
            Formatting.Html.NumberCell(html, values[i]);
        }
        else
        {
            html.Append("<td></td>");
        }
    }

    private static IEnumerable<(string Name, string Formula, double Value)> Quantities(InformationReport report)
    {
        var log = report.LogBase.Symbol();
        yield return ("entropy H(p)", $"−Σ p·{log} p", report.Entropy);
        if (!report.Q.IsDefaultOrEmpty)
        {
            yield return ("cross-entropy H(p, q)", $"−Σ p·{log} q", report.CrossEntropy);
            yield return ("KL divergence KL(p‖q)", "H(p, q) − H(p)", report.KlDivergence);
        }
    }
}

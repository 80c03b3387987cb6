using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>The discrete error count beside the continuous loss of the same predictions.</summary>
internal static class ClassificationErrorReportFormat
{
    public static string Html(ClassificationErrorReport report)
    {
        var html = Formatting.Html.Begin("ce-error", "Classification error and loss", $"predicted class 1 when p ≥ {NumberText.Short(report.Threshold)}");
        html.Append("<table><tbody>");
        Row(html, "misclassified", $"{NumberText.Integer(report.Misclassified)} of {NumberText.Integer(report.Count)}");
        html.Append("<tr>");
        Formatting.Html.TextCell(html, "error rate", "th");
        Formatting.Html.NumberCell(html, report.ErrorRate);
        html.Append("</tr><tr>");
        Formatting.Html.TextCell(html, "mean binary cross-entropy (nats)", "th");
        Formatting.Html.NumberCell(html, report.Loss);
        html.Append("</tr>");
        Row(html, "misclassified samples", Indices(report));
        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(ClassificationErrorReport report)
    {
        var text = new StringBuilder();
        text.Append("Classification error and loss · predicted class 1 when p ≥ ").Append(NumberText.Short(report.Threshold)).Append('\n');
        new PlainTable("quantity", "value")
            .Row("misclassified", $"{NumberText.Integer(report.Misclassified)} of {NumberText.Integer(report.Count)}")
            .Row("error rate", NumberText.Short(report.ErrorRate))
            .Row("mean BCE (nats)", NumberText.Short(report.Loss))
            .Row("misclassified samples", Indices(report))
            .WriteTo(text);
        return text.ToString();
    }

    private static void Row(StringBuilder html, string name, string value)
    {
        html.Append("<tr>");
        Formatting.Html.TextCell(html, name, "th");
        Formatting.Html.TextCell(html, value);
        html.Append("</tr>");
    }

    private static string Indices(ClassificationErrorReport report)
    {
        var indices = report.MisclassifiedIndices.IsDefault ? [] : report.MisclassifiedIndices;
        if (indices.Length == 0)
        {
            return "none";
        }

        var shown = ReportText.Shown(indices.Length);
        var listed = string.Join(", ", indices.Take(shown).Select(i => "#" + NumberText.Integer(i)));
        return indices.Length > shown ? $"{listed} {Formatting.Html.MoreText(indices.Length - shown, "samples")}" : listed;
    }
}

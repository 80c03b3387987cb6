using System.Net;
using System.Text;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>Small HTML building blocks shared by the report formatters. Every text written goes through <see cref="Escape"/>.</summary>
internal static class Html
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Opens a report: the scoped stylesheet, the outer div, the caption and the line naming base and semantics.</summary>
    public static StringBuilder Begin(string kind, string caption, string meta)
    {
        var html = new StringBuilder(2048);
        html.Append(ReportStyles.Css);
        html.Append("<div class=\"ce-report ").Append(kind).Append("\">");
        html.Append("<div class=\"ce-caption\">").Append(Escape(caption)).Append("</div>");
        html.Append("<div class=\"ce-meta\">").Append(Escape(meta)).Append("</div>");
        return html;
    }

    public static string End(StringBuilder html) => html.Append("</div>").ToString();

    /// <summary>A header row; each heading is escaped. The first <paramref name="textColumns"/> headings are left-aligned.</summary>
    public static void HeaderRow(StringBuilder html, IEnumerable<string> headings, int textColumns = 0)
    {
        html.Append("<thead><tr>");
        var i = 0;
        foreach (var heading in headings)
        {
            html.Append(i++ < textColumns ? "<th class=\"ce-text\">" : "<th>").Append(Escape(heading)).Append("</th>");
        }

        html.Append("</tr></thead>");
    }

    /// <summary>A number cell: 4 significant digits shown (or <paramref name="shown"/>), the exact value in the title (on hover).</summary>
    public static void NumberCell(StringBuilder html, double value, bool highlight = false, string tag = "td", string? shown = null)
    {
        html.Append('<').Append(tag).Append(highlight ? " class=\"ce-true\"" : "")
            .Append(" title=\"").Append(NumberText.Exact(value)).Append("\">")
            .Append(Escape(shown ?? NumberText.Short(value))).Append("</").Append(tag).Append('>');
    }

    public static void TextCell(StringBuilder html, string text, string tag = "td") =>
        html.Append('<').Append(tag).Append(" class=\"ce-text\">").Append(Escape(text)).Append("</").Append(tag).Append('>');

    /// <summary>The "… N more rows" line that stands for the rows not shown.</summary>
    public static void MoreRow(StringBuilder html, int hidden, int columns, string noun = "rows")
    {
        if (hidden <= 0)
        {
            return;
        }

        html.Append("<tr class=\"ce-more\"><td colspan=\"").Append(NumberText.Integer(columns)).Append("\">")
            .Append(Escape(MoreText(hidden, noun))).Append("</td></tr>");
    }

    public static string MoreText(int hidden, string noun = "rows") => $"… {NumberText.Integer(hidden)} more {(hidden == 1 ? noun.TrimEnd('s') : noun)}";

    public static void Warnings(StringBuilder html, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            html.Append("<div class=\"ce-warn\">⚠ ").Append(Escape(warning)).Append("</div>");
        }
    }
}

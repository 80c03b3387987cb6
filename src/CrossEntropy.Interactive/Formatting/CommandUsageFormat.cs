using CrossEntropy.Interactive.Commands.Help;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>The <c>#!cross-entropy</c> usage as a table: subcommand, what it computes, usage line and example.</summary>
internal static class CommandUsageFormat
{
    public static string Html(CommandUsage usage)
    {
        var title = usage.Detailed ? $"#!cross-entropy {usage.Subcommands[0].Name}" : "#!cross-entropy";
        var html = Formatting.Html.Begin("ce-usage", title, usage.Detailed ? usage.Subcommands[0].Summary : "Cross-entropy tables and charts.");
        html.Append("<table>");
        Formatting.Html.HeaderRow(html, usage.Detailed ? ["option", "what it takes"] : ["subcommand", "what it does", "usage and example"], 3);
        html.Append("<tbody>");
        foreach (var sub in usage.Subcommands)
        {
            if (usage.Detailed)
            {
                Code(html, "usage", sub.Usage);
                Code(html, "example", sub.Example);
                foreach (var option in sub.Options)
                {
                    html.Append("<tr>");
                    Formatting.Html.TextCell(html, option.Name);
                    Formatting.Html.TextCell(html, option.Description);
                    html.Append("</tr>");
                }
            }
            else
            {
                html.Append("<tr>");
                Formatting.Html.TextCell(html, sub.Name);
                Formatting.Html.TextCell(html, sub.Summary);
                html.Append("<td class=\"ce-text\"><code>").Append(Formatting.Html.Escape(sub.Usage)).Append("</code><br><code>")
                    .Append(Formatting.Html.Escape(sub.Example)).Append("</code></td></tr>");
            }
        }

        html.Append("</tbody></table>");
        html.Append("<div class=\"ce-meta\">").Append(Formatting.Html.Escape(CommandUsage.ValueRules)).Append("</div>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(CommandUsage usage) => usage.ToString();

    private static void Code(System.Text.StringBuilder html, string label, string code)
    {
        html.Append("<tr>");
        Formatting.Html.TextCell(html, label);
        html.Append("<td class=\"ce-text\"><code>").Append(Formatting.Html.Escape(code)).Append("</code></td></tr>");
    }
}

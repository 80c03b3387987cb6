using AngleSharp.Html.Parser;
using CrossEntropy.Interactive.Commands;
using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Tests.Commands;

public class CommandUsageFormatTests
{
    [Fact]
    public void The_usage_formats_as_an_html_table_with_a_row_and_an_example_per_subcommand()
    {
        var usage = CrossEntropyCommand.Execute("#!cross-entropy").Values.Single();
        Assert.True(CrossEntropyFormatters.TryFormat(usage, out var html, out var plain));

        var document = new HtmlParser().ParseDocument(html);
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal(CommandCatalog.Subcommands.Count, rows.Length);
        var codes = document.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
        foreach (var sub in CommandCatalog.Subcommands)
        {
            Assert.Contains(sub.Example, codes);
            Assert.Contains(sub.Usage, codes);
        }

        Assert.Contains("binary: ", plain);
    }

    [Fact]
    public void Help_for_one_subcommand_lists_each_option_in_a_row()
    {
        var usage = CrossEntropyCommand.Execute("#!cross-entropy help compare").Values.Single();
        var html = CrossEntropyFormatters.ToHtml(usage);
        var cells = new HtmlParser().ParseDocument(html).QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        foreach (var option in CommandCatalog.Find("compare")!.Options)
            Assert.Contains(option.Name, cells);
    }
}

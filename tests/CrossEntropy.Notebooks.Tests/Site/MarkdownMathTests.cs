using AngleSharp.Html.Parser;
using CrossEntropy.Notebooks.Html;

namespace CrossEntropy.Notebooks.Tests.Site;

public sealed class MarkdownMathTests
{
    [Fact]
    public void A_line_that_is_only_double_dollar_math_becomes_a_display_block_as_in_the_notebook()
    {
        var html = PageRenderer.MarkdownToHtml("The softmax:\n\n$$p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\nand more text.");
        var document = new HtmlParser().ParseDocument(html);

        var block = Assert.Single(document.QuerySelectorAll("div.math"));
        Assert.Contains("\\frac{e^{z_i}}", block.TextContent);
        Assert.Empty(document.QuerySelectorAll("p span.math"));
    }

    [Fact]
    public void Inline_math_and_multi_line_blocks_are_left_as_they_are()
    {
        var html = PageRenderer.MarkdownToHtml("Here $p = 0.7$ inline and $$a$$ then $$b$$ in one line.\n\n$$\nx^2\n$$");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(3, document.QuerySelectorAll("p span.math").Length);
        Assert.Single(document.QuerySelectorAll("div.math"));
    }
}

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

    [Fact]
    public void Inline_math_that_wraps_onto_the_next_line_is_still_math_as_in_the_notebook()
    {
        // Jupyter and VS Code typeset $…$ across a line break; Markdig would leave both dollars as text.
        var html = PageRenderer.MarkdownToHtml("from $w_2 = 1, b = -10$ to $w_2 = 0.95,\nb = -9.75$, measured.\n\n```\nvar s = $\"{x}\";\nvar t = 1;\n```\n\nCost `$5` and $x$\nthen $y$.");
        var document = new HtmlParser().ParseDocument(html);

        var spans = document.QuerySelectorAll("p span.math").Select(s => s.TextContent).ToList();
        Assert.Equal(4, spans.Count);
        Assert.Contains("0.95, b = -9.75", spans[1]);
        Assert.Contains("var s = $\"{x}\";\nvar t = 1;", document.QuerySelector("pre code")!.TextContent);
        Assert.Contains("$5", document.QuerySelector("p code")!.TextContent);
    }
}

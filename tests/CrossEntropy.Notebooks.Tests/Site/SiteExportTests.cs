using AngleSharp.Html.Parser;
using CrossEntropy.Notebooks.Html;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Site;

public sealed class SiteExportTests
{
    [Fact]
    public async Task The_site_has_an_index_and_one_page_per_notebook_linked_in_order()
    {
        using var temp = new TempFolder();
        var site = await SiteBuilder.ExportAsync(Path.Combine(RepoPaths.Fixtures, "course"), temp);
        var parser = new HtmlParser();

        var index = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(site, "index.html")));
        var chapters = index.QuerySelectorAll("ol.ce-chapters a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("01-fixture-basics.html", "Softmax by hand"), ("02-fixture-chart.html", "A live loss curve"), ("03-fixture-command.html", "The magic command")], chapters);

        var first = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(site, "01-fixture-basics.html")));
        Assert.Equal("02-fixture-chart.html", first.QuerySelector("header a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("header a[rel=prev]"));
        var second = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(site, "02-fixture-chart.html")));
        Assert.Equal("01-fixture-basics.html", second.QuerySelector("header a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_page_references_the_one_local_copy_of_plotly_and_katex()
    {
        using var temp = new TempFolder();
        var site = await SiteBuilder.ExportAsync(Path.Combine(RepoPaths.Fixtures, "course"), temp);
        var parser = new HtmlParser();

        Assert.True(WebAssets.IsComplete(WebAssets.DefaultSource),
            "plotly.js/KaTeX were not copied next to the tool: the build runs `npm ci` in src/CrossEntropy.Notebooks/web when node is on PATH.");
        Assert.Single(Directory.GetFiles(site, "plotly*.js", SearchOption.AllDirectories));
        foreach (var page in Directory.GetFiles(site, "*.html"))
        {
            var document = parser.ParseDocument(await File.ReadAllTextAsync(page));
            var scripts = document.Head!.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ToList();
            Assert.Contains("assets/plotly.min.js", scripts);
            Assert.Contains("assets/katex/contrib/auto-render.min.js", scripts);
            foreach (var src in scripts)
            {
                Assert.True(File.Exists(Path.Combine(site, src!)), $"{Path.GetFileName(page)} references missing {src}");
            }
        }
    }

    [Fact]
    public async Task Code_is_highlighted_math_is_marked_and_outputs_are_inline()
    {
        using var temp = new TempFolder();
        var site = await SiteBuilder.ExportAsync(Path.Combine(RepoPaths.Fixtures, "course"), temp);
        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(site, "01-fixture-basics.html")));

        Assert.Contains(document.QuerySelectorAll("pre.ce-code .tok-keyword"), k => k.TextContent == "double");
        Assert.NotEmpty(document.QuerySelectorAll(".ce-markdown .math"));
        Assert.Contains(document.QuerySelectorAll(".ce-output.ce-stdout pre"), p => p.TextContent.Contains("sum of exponentials: 10.4752", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll(".ce-output.ce-rich"), p => p.TextContent.Contains("0.705", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_local_assets_the_pages_use_the_official_cdns_at_the_pinned_versions()
    {
        using var temp = new TempFolder();

        var links = WebAssets.Install(temp.Path, source: temp.Combine("missing"));

        Assert.False(links.IsLocal);
        Assert.Equal("https://cdn.jsdelivr.net/npm/plotly.js-dist-min@3.1.2/plotly.min.js", links.PlotlyScript);
        Assert.Equal("https://cdn.jsdelivr.net/npm/katex@0.19.1/dist/katex.min.css", links.KatexStylesheet);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("var x = 1;", "<span class=\"tok-keyword\">var</span> x = <span class=\"tok-number\">1</span>;")]
    [InlineData("// a < b", "<span class=\"tok-comment\">// a &lt; b</span>")]
    [InlineData("$\"{a}\" + @\"c:\\\"\"\"", "<span class=\"tok-string\">$&quot;{a}&quot;</span> + <span class=\"tok-string\">@&quot;c:\\&quot;&quot;&quot;</span>")]
    [InlineData("#!cross-entropy binary\nConsole", "<span class=\"tok-directive\">#!cross-entropy binary</span>\n<span class=\"tok-type\">Console</span>")]
    public void The_highlighter_marks_keywords_numbers_comments_strings_and_directives(string code, string html) =>
        Assert.Equal(html, CSharpHighlighter.Highlight(code));
}

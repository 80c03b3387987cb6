using System.Net;
using System.Text;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;
using Markdig;

namespace CrossEntropy.Notebooks.Html;

/// <summary>A link to a page of the site.</summary>
/// <param name="Href">The page's file name.</param>
/// <param name="Title">Its title.</param>
internal sealed record PageLink(string Href, string Title);

/// <summary>Renders one notebook (or the index) as a static HTML page.</summary>
internal sealed class PageRenderer(AssetLinks assets)
{
    private static readonly MarkdownPipeline s_markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page file name of a notebook.</summary>
    public static string PageName(NotebookDocument notebook) => notebook.Name + ".html";

    /// <summary>Markdown (with <c>$…$</c> and <c>$$…$$</c> math) to HTML, as on the pages.</summary>
    public static string MarkdownToHtml(string markdown) => Markdown.ToHtml(InlineMathOnOneLine(DisplayMathOnOwnLines(markdown)), s_markdown);

    /// <summary>
    /// Jupyter and VS Code show a line that is only <c>$$…$$</c> as display math, but Markdig reads it as
    /// inline math inside a paragraph. Splitting it into <c>$$</c> / formula / <c>$$</c> makes Markdig emit a
    /// math block, so the page shows the formula the way the notebook does.
    /// </summary>
    internal static string DisplayMathOnOwnLines(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new System.Text.StringBuilder(markdown.Length + 16);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 4 && trimmed.StartsWith("$$", StringComparison.Ordinal) && trimmed.EndsWith("$$", StringComparison.Ordinal)
                && !trimmed[2..^2].Contains("$$", StringComparison.Ordinal))
            {
                output.Append("$$\n").Append(trimmed[2..^2].Trim()).Append("\n$$\n");
            }
            else
            {
                output.Append(line).Append('\n');
            }
        }

        return output.ToString(0, output.Length - 1);
    }

    /// <summary>
    /// Jupyter and VS Code typeset <c>$…$</c> that wraps onto the next line of a paragraph; Markdig leaves both dollars
    /// as text. A line that leaves an inline <c>$</c> open is joined to the next one (outside fenced code, inline code
    /// and <c>$$</c>), so the page shows the formula the way the notebook does.
    /// </summary>
    internal static string InlineMathOnOneLine(string markdown)
    {
        var lines = markdown.Split('\n');
        var output = new StringBuilder(markdown.Length);
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }

            output.Append(line);
            var joins = !fenced && i + 1 < lines.Length && ContinuesParagraph(lines[i + 1]) && OpensInlineMath(line);
            output.Append(joins ? ' ' : '\n');
        }

        return output.ToString(0, output.Length - 1);
    }

    // Not blank and not the start of a heading, list item, quote, table row or fence.
    private static bool ContinuesParagraph(string next)
    {
        var t = next.TrimStart();
        return t.Length > 0 && !"#>|`~".Contains(t[0], StringComparison.Ordinal)
            && !(t.Length > 1 && "-*+".Contains(t[0], StringComparison.Ordinal) && t[1] == ' ')
            && !System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d+[.)] ");
    }

    // An odd number of single, unescaped dollars outside `code` spans.
    private static bool OpensInlineMath(string line)
    {
        var open = false;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\' when !inCode:
                    i++;
                    break;
                case '`':
                    inCode = !inCode;
                    break;
                case '$' when !inCode:
                    if (i + 1 < line.Length && line[i + 1] == '$')
                    {
                        i++;
                    }
                    else
                    {
                        open = !open;
                    }

                    break;
            }
        }

        return open;
    }

    public string RenderNotebook(NotebookRun run, PageLink? previous, PageLink? next)
    {
        var notebook = run.Notebook;
        var byCell = run.Cells.ToDictionary(c => c.Cell);
        var body = new StringBuilder();
        body.Append(Navigation("header", previous, next));
        body.Append("<main>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"ce-cell ce-markdown\">\n").Append(MarkdownToHtml(cell.Source)).Append("</section>\n");
                    break;
                case CellKind.Code:
                    body.Append(CodeCell(cell, byCell.GetValueOrDefault(cell)));
                    break;
                default:
                    body.Append("<section class=\"ce-cell ce-raw\"><pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre></section>\n");
                    break;
            }
        }

        body.Append("</main>\n");
        body.Append(Navigation("footer", previous, next));
        return Page(notebook.Title, body.ToString());
    }

    public string RenderIndex(IReadOnlyList<NotebookRun> runs)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"ce-nav\"><strong>Cross-entropy, in C# notebooks</strong>");
        if (runs.Count > 0)
        {
            body.Append("<a href=\"").Append(PageName(runs[0].Notebook)).Append("\">Start: ").Append(Encode(runs[0].Notebook.Title)).Append(" →</a>");
        }

        body.Append("</header>\n<main>\n<h1>Chapters</h1>\n<ol class=\"ce-chapters\">\n");
        foreach (var run in runs)
        {
            body.Append("<li><a href=\"").Append(PageName(run.Notebook)).Append("\">").Append(Encode(run.Notebook.Title)).Append("</a>");
            if (!run.Succeeded)
            {
                body.Append(" <span class=\"ce-failed\">(a cell failed)</span>");
            }

            body.Append("</li>\n");
        }

        body.Append("</ol>\n</main>\n");
        return Page("Cross-entropy, in C# notebooks", body.ToString());
    }

    private static string CodeCell(NotebookCell cell, CellRun? run)
    {
        var html = new StringBuilder("<section class=\"ce-cell ce-code-cell\">\n");
        if (run is not null)
        {
            html.Append("<div class=\"ce-count\">[").Append(run.ExecutionCount).Append("]</div>\n");
        }

        html.Append("<pre class=\"ce-code\"><code class=\"language-csharp\">").Append(CSharpHighlighter.Highlight(cell.Source.TrimEnd())).Append("</code></pre>\n");
        foreach (var output in run?.Outputs ?? [])
        {
            html.Append(Output(output));
        }

        return html.Append("</section>\n").ToString();
    }

    private static string Output(CellOutput output) => output switch
    {
        StreamOutput s => $"<div class=\"ce-output ce-{s.Name}\"><pre>{Encode(s.Text)}</pre></div>\n",
        DisplayDataOutput d => Rich(d.Data),
        ExecuteResultOutput r => Rich(r.Data),
        ErrorOutput e => $"<div class=\"ce-output ce-error\"><pre>{Encode(string.Join('\n', e.Traceback))}</pre></div>\n",
        _ => "",
    };

    private static string Rich(MimeBundle data) =>
        data.HtmlText.Length > 0
            ? $"<div class=\"ce-output ce-rich\">{data.HtmlText}</div>\n"
            : $"<div class=\"ce-output\"><pre>{Encode(data.PlainText)}</pre></div>\n";

    private static string Navigation(string element, PageLink? previous, PageLink? next) =>
        $"<{element} class=\"ce-nav\">"
        + (previous is null ? "<span class=\"ce-disabled\">← previous</span>" : $"<a rel=\"prev\" href=\"{previous.Href}\">← {Encode(previous.Title)}</a>")
        + "<a href=\"index.html\">Contents</a>"
        + (next is null ? "<span class=\"ce-disabled\">next →</span>" : $"<a rel=\"next\" href=\"{next.Href}\">{Encode(next.Title)} →</a>")
        + $"</{element}>\n";

    private string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <link rel="stylesheet" href="{{SiteStyle.FileName}}">
        <link rel="stylesheet" href="{{assets.KatexStylesheet}}">
        <script src="{{assets.PlotlyScript}}"></script>
        <script defer src="{{assets.KatexScript}}"></script>
        <script defer src="{{assets.KatexAutoRender}}"></script>
        <script>
        document.addEventListener("DOMContentLoaded", function () {
          // Without KaTeX (CDN unreachable) the math stays as its TeX source; the rest of the page still works.
          if (typeof renderMathInElement !== "function") return;
          document.querySelectorAll(".ce-markdown").forEach(function (element) {
            renderMathInElement(element, {
              delimiters: [
                { left: "\\[", right: "\\]", display: true },
                { left: "\\(", right: "\\)", display: false },
                { left: "$$", right: "$$", display: true }
              ]
            });
          });
        });
        </script>
        </head>
        <body>
        {{body}}</body>
        </html>

        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

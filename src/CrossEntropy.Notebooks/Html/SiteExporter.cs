using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Html;

/// <summary>
/// Writes the course as a static site: <c>index.html</c>, one page per notebook with previous/next
/// navigation, <c>site.css</c>, and plotly.js + KaTeX copied once into <c>assets/</c>.
/// </summary>
internal static class SiteExporter
{
    /// <summary>Writes the site for <paramref name="runs"/> into <paramref name="directory"/>; returns the page paths.</summary>
    public static IReadOnlyList<string> Export(IReadOnlyList<NotebookRun> runs, string directory, AtomicFileWriter writer, string? assetSource = null)
    {
        Directory.CreateDirectory(directory);
        var renderer = new PageRenderer(WebAssets.Install(directory, assetSource));
        var pages = new List<string>();
        writer.WriteText(Path.Combine(directory, SiteStyle.FileName), SiteStyle.Css);
        var links = runs.Select(r => new PageLink(PageRenderer.PageName(r.Notebook), r.Notebook.Title)).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            var path = Path.Combine(directory, links[i].Href);
            writer.WriteText(path, renderer.RenderNotebook(runs[i], i > 0 ? links[i - 1] : null, i + 1 < runs.Count ? links[i + 1] : null));
            pages.Add(path);
        }

        var index = Path.Combine(directory, "index.html");
        writer.WriteText(index, renderer.RenderIndex(runs));
        pages.Insert(0, index);
        return pages;
    }
}

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
        var links = runs.Select(r => new PageLink(PageRenderer.PageName(r.Notebook), r.Notebook.Title)).ToList();
        // Every page is rendered before the first one is written, so a page that fails to render leaves the site's
        // pages as they were instead of half of them new (the assets copied above are the same files either way).
        var pages = runs.Select((run, i) => (Path: Path.Combine(directory, links[i].Href),
            Html: renderer.RenderNotebook(run, i > 0 ? links[i - 1] : null, i + 1 < runs.Count ? links[i + 1] : null))).ToList();
        var index = (Path: Path.Combine(directory, "index.html"), Html: renderer.RenderIndex(runs));

        writer.WriteText(Path.Combine(directory, SiteStyle.FileName), SiteStyle.Css);
        foreach (var (path, html) in pages)
        {
            writer.WriteText(path, html);
        }

        writer.WriteText(index.Path, index.Html); // last: it links to pages that exist by then
        return [index.Path, .. pages.Select(p => p.Path)];
    }
}

using CrossEntropy.Interactive.Charts;

namespace CrossEntropy.Notebooks.Html;

/// <summary>Where a page loads plotly.js and KaTeX from.</summary>
/// <param name="PlotlyScript">URL of plotly.min.js (relative to the page when local).</param>
/// <param name="KatexStylesheet">URL of katex.min.css.</param>
/// <param name="KatexScript">URL of katex.min.js.</param>
/// <param name="KatexAutoRender">URL of the auto-render extension.</param>
/// <param name="IsLocal">True when the files were copied into the site (works offline).</param>
public sealed record AssetLinks(string PlotlyScript, string KatexStylesheet, string KatexScript, string KatexAutoRender, bool IsLocal);

/// <summary>
/// plotly.js and KaTeX for the site. The build runs <c>npm ci</c> in <c>web/</c> when node is on the PATH
/// and copies the files next to the tool (<c>web-assets/</c>); the exporter copies them once into the
/// site. Without them, pages reference the official CDNs at the same versions.
/// </summary>
public static class WebAssets
{
    /// <summary>The plotly.js version the charts are written for (package.json pins the same).</summary>
    public const string PlotlyVersion = PlotlyJs.Version;

    /// <summary>The KaTeX version (package.json pins the same).</summary>
    public const string KatexVersion = "0.19.1";

    /// <summary>The folder the build copies the npm files to.</summary>
    public static string DefaultSource => Path.Combine(AppContext.BaseDirectory, "web-assets");

    /// <summary>The CDN links, used when the local files are missing.</summary>
    public static AssetLinks Cdn { get; } = new(
        PlotlyJs.CdnUrl,
        $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist/katex.min.css",
        $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist/katex.min.js",
        $"https://cdn.jsdelivr.net/npm/katex@{KatexVersion}/dist/contrib/auto-render.min.js",
        IsLocal: false);

    /// <summary>True when <paramref name="source"/> holds plotly.min.js and KaTeX.</summary>
    public static bool IsComplete(string source) =>
        File.Exists(Path.Combine(source, "plotly.min.js"))
        && File.Exists(Path.Combine(source, "katex", "katex.min.js"))
        && File.Exists(Path.Combine(source, "katex", "katex.min.css"))
        && File.Exists(Path.Combine(source, "katex", "contrib", "auto-render.min.js"));

    /// <summary>
    /// Copies the assets from <paramref name="source"/> into <c>{siteDirectory}/assets</c> and returns
    /// the relative links, or returns <see cref="Cdn"/> when the source is incomplete.
    /// </summary>
    public static AssetLinks Install(string siteDirectory, string? source = null)
    {
        source ??= DefaultSource;
        if (!IsComplete(source))
        {
            return Cdn;
        }

        var target = Path.Combine(siteDirectory, "assets");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!File.Exists(destination) || new FileInfo(destination).Length != new FileInfo(file).Length)
            {
                File.Copy(file, destination, overwrite: true);
            }
        }

        return new AssetLinks("assets/plotly.min.js", "assets/katex/katex.min.css", "assets/katex/katex.min.js", "assets/katex/contrib/auto-render.min.js", IsLocal: true);
    }
}

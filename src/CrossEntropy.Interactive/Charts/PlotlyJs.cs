namespace CrossEntropy.Interactive.Charts;

/// <summary>Where plotly.js comes from. One place, so the notebooks, the HTML export and the charts agree.</summary>
/// <remarks>
/// In VS Code and Jupyter a chart loads plotly.js from <see cref="CdnUrl"/> the first time one is drawn and
/// shares that load with every later chart. The static HTML export serves the npm package
/// <see cref="NpmPackage"/> at <see cref="Version"/> from a local file in the page head, so
/// <c>window.Plotly</c> already exists there and nothing is fetched.
/// </remarks>
public static class PlotlyJs
{
    /// <summary>The plotly.js version the charts are written for.</summary>
    public const string Version = "3.1.2";

    /// <summary>The npm package holding the minified bundle (the HTML export copies its <c>plotly.min.js</c>).</summary>
    public const string NpmPackage = "plotly.js-dist-min";

    /// <summary>The bundle on the jsDelivr CDN.</summary>
    public const string CdnUrl = $"https://cdn.jsdelivr.net/npm/{NpmPackage}@{Version}/plotly.min.js";
}

namespace CrossEntropy.Interactive.Charts;

/// <summary>Escaping for user strings (class names, run names) placed in plotly.js text.</summary>
internal static class PlotlyText
{
    /// <summary>
    /// plotly.js renders titles, tick labels, legend names and hover text as a small HTML subset and reads
    /// <c>%{…}</c> in hover templates as placeholders; a class named "&lt;b&gt;" must show as typed.
    /// </summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("%{", "%&#123;", StringComparison.Ordinal);
}

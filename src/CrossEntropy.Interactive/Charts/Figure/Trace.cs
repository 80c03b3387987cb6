using System.Collections.Immutable;

namespace CrossEntropy.Interactive.Charts;

/// <summary>What every plotly.js trace has: a name for the legend and hover text.</summary>
public abstract record Trace
{
    /// <summary>The legend entry and hover label of the trace.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the trace appears in the legend (plotly.js default: true).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>One hover text per point (e.g. exact values); shown through <see cref="HoverTemplate"/>.</summary>
    public ImmutableArray<string> HoverText { get; init; } = [];

    /// <summary>
    /// A plotly.js hover template, e.g. <c>"%{text}&lt;extra&gt;&lt;/extra&gt;"</c> to show <see cref="HoverText"/> only;
    /// <c>"skip"</c> disables hover for the trace. Null uses plotly.js's default.
    /// </summary>
    public string? HoverTemplate { get; init; }

    /// <summary>The y axis the trace is drawn against: "y" (default) or "y2" for a second axis on the right.</summary>
    public string YAxis { get; init; } = "y";
}

/// <summary>How a scatter trace draws its points.</summary>
public enum ScatterMode
{
    /// <summary>A line through the points.</summary>
    Lines,

    /// <summary>Points only.</summary>
    Markers,

    /// <summary>A line with the points marked.</summary>
    LinesAndMarkers,
}

/// <summary>A plotly.js <c>scatter</c> trace: points (x, y) as a line, markers or both.</summary>
/// <param name="X">The x coordinates.</param>
/// <param name="Y">The y coordinates, same length as <paramref name="X"/>. Non-finite values are written as gaps (null).</param>
/// <param name="Mode">Lines, markers or both.</param>
public sealed record ScatterTrace(ImmutableArray<double> X, ImmutableArray<double> Y, ScatterMode Mode) : Trace
{
    /// <summary>Line colour, width and dash; null for plotly.js defaults.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Marker colour, size and symbol; null for plotly.js defaults.</summary>
    public MarkerStyle? Marker { get; init; }
}

/// <summary>A plotly.js <c>bar</c> trace: one bar per category.</summary>
/// <param name="Categories">The bar labels along the x axis.</param>
/// <param name="Values">The bar heights, same length as <paramref name="Categories"/>.</param>
public sealed record BarTrace(ImmutableArray<string> Categories, ImmutableArray<double> Values) : Trace
{
    /// <summary>The text written on or above each bar (e.g. rounded values); empty for none.</summary>
    public ImmutableArray<string> BarText { get; init; } = [];

    /// <summary>One colour per bar (e.g. the true class highlighted); empty to use <see cref="Color"/>.</summary>
    public ImmutableArray<string> Colors { get; init; } = [];

    /// <summary>The colour of every bar when <see cref="Colors"/> is empty; null for the plotly.js default.</summary>
    public string? Color { get; init; }
}

/// <summary>The look of a line.</summary>
/// <param name="Color">A CSS colour, e.g. "#1f77b4".</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Dash">"solid", "dash", "dot" or "dashdot".</param>
public sealed record LineStyle(string? Color = null, double Width = 2, string Dash = "solid");

/// <summary>The look of markers.</summary>
/// <param name="Color">A CSS colour used for every marker.</param>
/// <param name="Size">Diameter in pixels.</param>
/// <param name="Symbol">A plotly.js symbol name, e.g. "circle", "x", "diamond".</param>
public sealed record MarkerStyle(string? Color = null, double Size = 9, string Symbol = "circle");

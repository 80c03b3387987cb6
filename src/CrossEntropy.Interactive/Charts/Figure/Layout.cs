using System.Collections.Immutable;

namespace CrossEntropy.Interactive.Charts;

/// <summary>A plotly.js <c>layout</c>: title, axes, legend, shapes and sliders. The size lives on <see cref="PlotlyChart"/>.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="XAxis">The horizontal axis.</param>
/// <param name="YAxis">The vertical axis on the left.</param>
public sealed record Layout(string Title, Axis XAxis, Axis YAxis)
{
    /// <summary>An optional second vertical axis on the right (traces with <c>YAxis = "y2"</c>).</summary>
    public Axis? YAxis2 { get; init; }

    /// <summary>Whether the legend is shown.</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Lines drawn in data coordinates (e.g. a threshold or a decision line).</summary>
    public ImmutableArray<LineShape> Shapes { get; init; } = [];

    /// <summary>Sliders that step through the figure's frames.</summary>
    public ImmutableArray<Slider> Sliders { get; init; } = [];
}

/// <summary>An axis: its title (with the unit) and an optional fixed range.</summary>
/// <param name="Title">The axis title, e.g. "loss (nats)".</param>
/// <param name="Min">The lower end of a fixed range, or null to autoscale.</param>
/// <param name="Max">The upper end of a fixed range, or null to autoscale.</param>
public sealed record Axis(string Title, double? Min = null, double? Max = null)
{
    /// <summary>A d3 tick format, e.g. ".0%"; null for the default.</summary>
    public string? TickFormat { get; init; }

    /// <summary>Whether a line is drawn at zero.</summary>
    public bool ZeroLine { get; init; } = true;
}

/// <summary>A straight line from (X0, Y0) to (X1, Y1) in data coordinates.</summary>
/// <param name="X0">Start x.</param>
/// <param name="Y0">Start y.</param>
/// <param name="X1">End x.</param>
/// <param name="Y1">End y.</param>
/// <param name="Line">Colour, width and dash of the line.</param>
public sealed record LineShape(double X0, double Y0, double X1, double Y1, LineStyle Line);

/// <summary>A slider whose steps show the named frames.</summary>
/// <param name="Label">The text before the current step's label, e.g. "step: ".</param>
/// <param name="Steps">One step per frame.</param>
public sealed record Slider(string Label, ImmutableArray<SliderStep> Steps);

/// <summary>One slider position.</summary>
/// <param name="Label">The text under the slider tick.</param>
/// <param name="FrameName">The frame it shows.</param>
public sealed record SliderStep(string Label, string FrameName);

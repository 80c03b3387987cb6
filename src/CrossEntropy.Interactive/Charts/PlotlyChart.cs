using System.Security.Cryptography;
using System.Text;

namespace CrossEntropy.Interactive.Charts;

/// <summary>
/// A chart ready to show: a plotly.js <see cref="Charts.Figure"/>, the id of the div it is drawn in, and its size.
/// Formatted as <c>text/html</c> by <see cref="ToHtml"/> (a div plus a small script, a few KB, plotly.js loaded once
/// per page) and as <c>text/plain</c> by <see cref="ToString"/> (a one-line summary).
/// </summary>
/// <remarks>
/// The div id is a hash of the figure and the size, never a random Guid, so a notebook run twice stores the
/// same bytes. Identical charts share an id; the script draws every not-yet-drawn div with its id, so showing
/// the same chart twice still draws both.
/// </remarks>
public readonly record struct PlotlyChart
{
    /// <summary>The default width in pixels (the div shrinks to fit narrower outputs).</summary>
    public const int DefaultWidth = 680;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 420;

    /// <summary>Creates a chart of <paramref name="figure"/> with a content-derived div id.</summary>
    /// <param name="figure">The plotly.js figure.</param>
    /// <param name="width">Maximum width in pixels, 100–4000.</param>
    /// <param name="height">Height in pixels, 100–4000.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="figure"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a size is outside 100–4000 pixels.</exception>
    public PlotlyChart(Figure figure, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(figure);
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        Figure = figure;
        Width = width;
        Height = height;
        Json = FigureJson.Write(figure);
        DivId = ContentId(Json, width, height);
    }

    /// <summary>The figure drawn.</summary>
    public Figure Figure { get; }

    /// <summary>The figure as plotly.js JSON (<c>{"data":…,"layout":…}</c>), exactly as embedded in the HTML.</summary>
    public string Json { get; }

    /// <summary>The id of the div the chart is drawn in, e.g. <c>ce-chart-3f2a9c01b7de</c>.</summary>
    public string DivId { get; private init; }

    /// <summary>Maximum width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The chart title.</summary>
    public string Title => Figure?.Layout.Title ?? "";

    /// <summary>The same chart drawn in a div with the given id (letters, digits, '-' and '_', starting with a letter).</summary>
    /// <exception cref="ArgumentException">When <paramref name="divId"/> is not a valid id.</exception>
    public PlotlyChart WithDivId(string divId)
    {
        ArgumentNullException.ThrowIfNull(divId);
        if (divId.Length == 0 || !char.IsAsciiLetter(divId[0]) || !divId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid div id \"{divId}\": use letters, digits, '-' and '_', starting with a letter.", nameof(divId));
        }

        return this with { DivId = divId };
    }

    /// <summary>The same chart at another size (the id changes with it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size is outside 100–4000 pixels.</exception>
    public PlotlyChart WithSize(int width, int height) => new(RequireFigure(), width, height);

    /// <summary>The HTML fragment: the chart's div and the script that draws it.</summary>
    /// <exception cref="InvalidOperationException">When called on <c>default(PlotlyChart)</c>.</exception>
    public string ToHtml()
    {
        RequireFigure();
        return PlotlyHtml.Fragment(this);
    }

    /// <summary>A one-line summary, e.g. <c>Chart "Penalty −log p" (4 traces: scatter, scatter, …; 680×420)</c>.</summary>
    public override string ToString()
    {
        if (Figure is null)
        {
            return "Chart (empty)";
        }

        var kinds = Figure.Data.IsDefault ? [] : Figure.Data.Select(t => t is BarTrace ? "bar" : "scatter").ToArray();
        var traces = kinds.Length == 1 ? "1 trace" : $"{kinds.Length} traces";
        var frames = Figure.Frames.IsDefaultOrEmpty ? "" : $", {Figure.Frames.Length} frames";
        return $"Chart \"{Title}\" ({traces}: {string.Join(", ", kinds.Distinct())}{frames}; {Width}×{Height})";
    }

    private Figure RequireFigure() =>
        Figure ?? throw new InvalidOperationException("This PlotlyChart is empty (default value): create charts with the Chart factory methods or new PlotlyChart(figure).");

    private static void CheckSize(int pixels, string name)
    {
        if (pixels is < 100 or > 4000)
        {
            throw new ArgumentOutOfRangeException(name, $"The chart {name} must be 100–4000 pixels; got {pixels}.");
        }
    }

    private static string ContentId(string json, int width, int height)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{json}|{width}x{height}"));
        return "ce-chart-" + Convert.ToHexStringLower(hash, 0, 6);
    }
}

using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>
    /// Loss over training steps, several runs overlaid (or training beside validation, dashed), with an
    /// optional accuracy on a second axis on the right. Non-finite values (a diverged run) become gaps.
    /// </summary>
    /// <param name="runs">The loss series, one line each.</param>
    /// <param name="logBase">The base the losses are in (sets the unit on the axis).</param>
    /// <param name="title">The chart title.</param>
    /// <param name="accuracy">Accuracy series in [0, 1], drawn dotted against a 0–100 % axis; null for none.</param>
    /// <exception cref="ArgumentException">When there are no runs, a run is empty, or a run's steps and values differ in length.</exception>
    public static PlotlyChart LossCurves(IEnumerable<LossSeries> runs, LogBase logBase = LogBase.E, string title = "Loss over training steps", IEnumerable<LossSeries>? accuracy = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(title);
        var lossRuns = runs.ToList();
        var accuracyRuns = accuracy?.ToList() ?? [];
        ChartArguments.NotEmpty(lossRuns, nameof(runs));
        var unit = logBase.Unit();

        var traces = ImmutableArray.CreateBuilder<Trace>();
        for (var i = 0; i < lossRuns.Count; i++)
        {
            traces.Add(Series(lossRuns[i], ChartStyle.Cycle[i % ChartStyle.Cycle.Length], lossRuns[i].Dashed ? "dash" : "solid", "y", $"loss %{{y:.15~g}} {unit}"));
        }

        for (var i = 0; i < accuracyRuns.Count; i++)
        {
            var color = ChartStyle.Cycle[(lossRuns.Count + i) % ChartStyle.Cycle.Length];
            traces.Add(Series(accuracyRuns[i], color, "dot", "y2", "accuracy %{y:.15~g}"));
        }

        var layout = new Layout(PlotlyText.Escape(title), new Axis("step"), new Axis($"loss ({unit})", 0, null))
        {
            YAxis2 = accuracyRuns.Count == 0 ? null : new Axis("accuracy", 0, 1) { TickFormat = ".0%", ZeroLine = false },
        };
        return new PlotlyChart(new Figure(traces.ToImmutable(), layout));
    }

    /// <summary>One loss curve over steps 0, 1, 2, ….</summary>
    /// <param name="losses">The loss at each step.</param>
    /// <param name="logBase">The base the losses are in.</param>
    /// <param name="name">The legend name.</param>
    /// <exception cref="ArgumentException">When <paramref name="losses"/> is empty.</exception>
    public static PlotlyChart LossCurve(IReadOnlyList<double> losses, LogBase logBase = LogBase.E, string name = "loss")
    {
        ArgumentNullException.ThrowIfNull(losses);
        return LossCurves([LossSeries.Of(name, losses)], logBase);
    }

    private static ScatterTrace Series(LossSeries series, string color, string dash, string axis, string valueHover)
    {
        ArgumentNullException.ThrowIfNull(series);
        ChartArguments.NotEmpty(series.Values.IsDefault ? [] : series.Values, $"series \"{series.Name}\"");
        var steps = series.Steps.IsDefaultOrEmpty
            ? [.. Enumerable.Range(0, series.Values.Length).Select(i => (double)i)]
            : series.Steps;
        ChartArguments.SameLength(steps, $"steps of \"{series.Name}\"", series.Values, $"values of \"{series.Name}\"");
        // Loss curves can have thousands of points: hover is formatted by plotly.js from the exact JSON
        // number (15 significant digits, trailing zeros trimmed) instead of one hover string per point.
        return new ScatterTrace(steps, series.Values, series.Values.Length <= 60 ? ScatterMode.LinesAndMarkers : ScatterMode.Lines)
        {
            Name = PlotlyText.Escape(series.Name),
            Line = new LineStyle(color, 2, dash),
            Marker = series.Values.Length <= 60 ? new MarkerStyle(color, 5) : null,
            HoverTemplate = $"{PlotlyText.Escape(series.Name)}<br>step %{{x}}<br>{valueHover}<extra></extra>",
            YAxis = axis,
        };
    }
}

using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>
    /// Softmax (or sigmoid) output as bars: one bar per class with its probability written above it and the
    /// score it came from on hover.
    /// </summary>
    /// <param name="vector">Labels, scores and probabilities.</param>
    /// <param name="highlight">A label to colour differently (e.g. the true class); null for none.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="vector"/> is null.</exception>
    /// <exception cref="ArgumentException">When the vector is empty or its arrays differ in length.</exception>
    public static PlotlyChart ProbabilityBars(ProbabilityVector vector, string? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ChartArguments.NotEmpty(vector.Probabilities, "probabilities");
        ChartArguments.SameLength(vector.Probabilities, "probabilities", vector.Labels, "labels");
        IReadOnlyList<double>? scores = vector.Scores.IsDefaultOrEmpty ? null : vector.Scores;
        if (scores is not null)
        {
            ChartArguments.SameLength(vector.Probabilities, "probabilities", scores, "scores");
        }

        var title = vector.Activation is { Length: > 0 } activation ? $"{PlotlyText.Escape(activation)} probabilities" : "Probabilities";
        return ProbabilityBars(vector.Labels, vector.Probabilities, scores, highlight, title);
    }

    /// <summary>Probabilities as labelled bars (e.g. the predicted distribution over fruit classes).</summary>
    /// <param name="labels">One label per bar.</param>
    /// <param name="probabilities">The bar heights, in [0, 1].</param>
    /// <param name="highlight">A label to colour differently (e.g. the true class); null for none.</param>
    /// <param name="title">The chart title.</param>
    /// <exception cref="ArgumentException">When the lists are empty, differ in length, or a value is not a probability.</exception>
    public static PlotlyChart ProbabilityBars(IReadOnlyList<string> labels, IReadOnlyList<double> probabilities, string? highlight = null, string title = "Probabilities")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(title);
        ChartArguments.NotEmpty(probabilities, nameof(probabilities));
        ChartArguments.SameLength(probabilities, nameof(probabilities), labels, nameof(labels));
        return ProbabilityBars(labels, probabilities, null, highlight, PlotlyText.Escape(title));
    }

    private static PlotlyChart ProbabilityBars(IReadOnlyList<string> labels, IReadOnlyList<double> probabilities, IReadOnlyList<double>? scores, string? highlight, string title)
    {
        ChartArguments.Probabilities(probabilities, nameof(probabilities));
        var bars = new BarTrace([.. labels.Select(PlotlyText.Escape)], [.. probabilities])
        {
            Name = "probability",
            ShowLegend = false,
            BarText = [.. probabilities.Select(NumberText.Short)],
            Colors = [.. labels.Select(l => l == highlight ? ChartStyle.Highlight : ChartStyle.Blue)],
            HoverText = [.. probabilities.Select((p, i) =>
                $"{PlotlyText.Escape(labels[i])}<br>p = {NumberText.Exact(p)}" + (scores is null ? "" : $"<br>score = {NumberText.Exact(scores[i])}"))],
            HoverTemplate = ChartStyle.HoverTextOnly,
        };
        var layout = new Layout(title, new Axis("class"), new Axis("probability", 0, 1.1) { TickFormat = ".0%" }) { ShowLegend = false };
        return new PlotlyChart(new Figure([bars], layout));
    }
}

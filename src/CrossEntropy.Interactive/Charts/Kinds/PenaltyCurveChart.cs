using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>
    /// The penalty −log(p) a sample pays for the probability p a model gives to class 1: the branch
    /// −log(p) for samples whose label is 1 and −log(1 − p) for label 0, with the given samples marked.
    /// </summary>
    /// <param name="logBase">The base of the logarithm (the y axis is in nats, bits or hartleys).</param>
    /// <param name="probabilities">Predicted probabilities of class 1 to mark, in [0, 1]; null marks none.</param>
    /// <param name="labels">One label per probability (0 or 1; a soft label is drawn on the branch it is nearer).
    /// Null with probabilities marks them on the y = 1 branch.</param>
    /// <exception cref="ArgumentException">When a probability or label is outside [0, 1] or the lengths differ.</exception>
    public static PlotlyChart PenaltyCurve(LogBase logBase = LogBase.E, IReadOnlyList<double>? probabilities = null, IReadOnlyList<double>? labels = null)
    {
        var marked = new List<(int Index, double Label, double P, double Loss)>();
        if (probabilities is not null)
        {
            ChartArguments.Probabilities(probabilities, nameof(probabilities));
            if (labels is not null)
            {
                ChartArguments.SameLength(probabilities, nameof(probabilities), labels, nameof(labels));
                ChartArguments.Probabilities(labels, nameof(labels));
            }

            var toBase = logBase.FromNats();
            for (var i = 0; i < probabilities.Count; i++)
            {
                var y = labels?[i] ?? 1.0;
                var p = probabilities[i];
                // Written out per term so that a 0·log 0 term counts as 0, as it does in the loss.
                var nats = (y > 0 ? -y * Math.Log(p) : 0) + (y < 1 ? -(1 - y) * Math.Log(1 - p) : 0);
                marked.Add((i, y, p, nats * toBase));
            }
        }

        return PenaltyCurve(logBase, marked, "Penalty for the predicted probability");
    }

    /// <summary>The penalty curve with every sample of a binary loss report marked at its probability and loss.</summary>
    /// <param name="report">A binary cross-entropy report; its log base sets the unit.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    public static PlotlyChart PenaltyCurve(BinaryLossReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var marked = report.Samples.Select(s => (s.Index, s.Label, s.Probability, s.Loss)).ToList();
        return PenaltyCurve(report.LogBase, marked, $"Penalty per sample · {PlotlyText.Escape(report.Semantics)}");
    }

    private static PlotlyChart PenaltyCurve(LogBase logBase, List<(int Index, double Label, double P, double Loss)> marked, string title)
    {
        var unit = logBase.Unit();
        var log = logBase.Symbol();
        var toBase = logBase.FromNats();
        var grid = PenaltyGrid();
        var positive = grid.Select(p => NumberText.Round(-Math.Log(p) * toBase, ChartStyle.CurveDigits)).ToImmutableArray();
        var negative = grid.Select(p => NumberText.Round(-Math.Log(1 - p) * toBase, ChartStyle.CurveDigits)).ToImmutableArray();

        var traces = ImmutableArray.CreateBuilder<Trace>();
        traces.Add(new ScatterTrace(grid, positive, ScatterMode.Lines)
        {
            Name = $"y = 1: −{log}(p)",
            Line = new LineStyle(ChartStyle.Blue),
            HoverTemplate = $"y = 1, p = %{{x}}<br>−{log}(p) = %{{y}} {unit}<extra></extra>",
        });
        traces.Add(new ScatterTrace(grid, negative, ScatterMode.Lines)
        {
            Name = $"y = 0: −{log}(1 − p)",
            Line = new LineStyle(ChartStyle.Orange),
            HoverTemplate = $"y = 0, p = %{{x}}<br>−{log}(1 − p) = %{{y}} {unit}<extra></extra>",
        });

        foreach (var (isPositive, color) in new[] { (true, ChartStyle.Blue), (false, ChartStyle.Orange) })
        {
            var points = marked.Where(m => (m.Label >= 0.5) == isPositive).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            traces.Add(new ScatterTrace([.. points.Select(m => m.P)], [.. points.Select(m => m.Loss)], ScatterMode.Markers)
            {
                Name = isPositive ? "samples with y = 1" : "samples with y = 0",
                Marker = new MarkerStyle(color, 11, "circle"),
                HoverText = [.. points.Select(m =>
                    $"sample #{m.Index}<br>y = {NumberText.Exact(m.Label)}<br>p = {NumberText.Exact(m.P)}<br>loss = {NumberText.Exact(m.Loss)} {unit}")],
                HoverTemplate = ChartStyle.HoverTextOnly,
            });
        }

        var layout = new Layout(title, new Axis("predicted probability of class 1, p", 0, 1), new Axis($"penalty ({unit})", 0, null));
        return new PlotlyChart(new Figure(traces.ToImmutable(), layout));
    }

    // Denser near 0 and 1, where the penalty turns steep; stops at 0.005 so the curve ends near 5.3 nats
    // instead of running to infinity.
    private static ImmutableArray<double> PenaltyGrid()
    {
        var grid = new List<double> { 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04 };
        for (var i = 5; i <= 95; i++)
        {
            grid.Add(i / 100.0);
        }

        grid.AddRange([0.96, 0.97, 0.98, 0.985, 0.99, 0.9925, 0.995]);
        return [.. grid];
    }
}

using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>The sigmoid σ(z) = 1 / (1 + e^(−z)) as a curve, with the given scores marked at (z, σ(z)).</summary>
    /// <param name="scores">Scores (logits) to mark; null marks none. The z range widens to include them.</param>
    /// <param name="labels">Optional names of the scores, shown on hover; one per score.</param>
    /// <exception cref="ArgumentException">When a score is not finite or the label count differs.</exception>
    public static PlotlyChart Sigmoid(IReadOnlyList<double>? scores = null, IReadOnlyList<string>? labels = null)
    {
        scores ??= [];
        ChartArguments.Finite(scores, nameof(scores));
        if (labels is not null)
        {
            ChartArguments.SameLength(scores, nameof(scores), labels, nameof(labels));
        }

        var probabilities = scores.Select(Logistic).ToList();
        return SigmoidChart(scores, probabilities, labels);
    }

    /// <summary>The sigmoid curve with the scores of a <see cref="ProbabilityVector"/> marked at their probabilities.</summary>
    /// <param name="vector">Scores and the probabilities computed from them (its activation should be "sigmoid").</param>
    /// <exception cref="ArgumentNullException">When <paramref name="vector"/> is null.</exception>
    /// <exception cref="ArgumentException">When the vector's scores are not finite or its arrays differ in length.</exception>
    public static PlotlyChart Sigmoid(ProbabilityVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ChartArguments.SameLength(vector.Scores, "scores", vector.Probabilities, "probabilities");
        ChartArguments.Finite(vector.Scores, "scores");
        return SigmoidChart(vector.Scores, vector.Probabilities, vector.Labels.IsDefaultOrEmpty ? null : vector.Labels);
    }

    private static PlotlyChart SigmoidChart(IReadOnlyList<double> scores, IReadOnlyList<double> probabilities, IReadOnlyList<string>? labels)
    {
        var reach = Math.Ceiling(Math.Max(6, scores.Count == 0 ? 0 : scores.Max(Math.Abs) + 1));
        const int Steps = 120;
        var z = Enumerable.Range(0, Steps + 1).Select(i => NumberText.Round(-reach + (2 * reach * i / Steps), ChartStyle.CurveDigits)).ToImmutableArray();
        var sigma = z.Select(v => NumberText.Round(Logistic(v), ChartStyle.CurveDigits)).ToImmutableArray();

        var traces = ImmutableArray.CreateBuilder<Trace>();
        traces.Add(new ScatterTrace(z, sigma, ScatterMode.Lines)
        {
            Name = "σ(z) = 1 / (1 + e^(−z))",
            Line = new LineStyle(ChartStyle.Blue),
            HoverTemplate = "z = %{x}<br>σ(z) = %{y}<extra></extra>",
        });
        if (scores.Count > 0)
        {
            traces.Add(new ScatterTrace([.. scores], [.. probabilities], ScatterMode.Markers)
            {
                Name = "scores",
                Marker = new MarkerStyle(ChartStyle.Red, 11),
                HoverText = [.. scores.Select((s, i) =>
                    $"{(labels is null ? $"score #{i}" : PlotlyText.Escape(labels[i]))}<br>z = {NumberText.Exact(s)}<br>σ(z) = {NumberText.Exact(probabilities[i])}")],
                HoverTemplate = ChartStyle.HoverTextOnly,
            });
        }

        var layout = new Layout("Sigmoid: from a score to a probability", new Axis("score z (logit)"), new Axis("probability σ(z)", 0, 1))
        {
            Shapes = [new LineShape(-reach, 0.5, reach, 0.5, new LineStyle(ChartStyle.Grey, 1, "dash"))],
        };
        return new PlotlyChart(new Figure(traces.ToImmutable(), layout));
    }

    // Written in the two stable forms so that large |z| neither overflows nor loses the tiny probability.
    private static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}

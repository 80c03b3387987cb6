using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>
    /// The entropy of a coin that shows heads with probability p, H(p) = −p log p − (1 − p) log(1 − p):
    /// 0 for a certain outcome, largest (1 bit) for a fair coin. Given probabilities are marked.
    /// </summary>
    /// <param name="logBase">The base of the logarithm (bits by default, where the fair coin scores exactly 1).</param>
    /// <param name="marked">Probabilities of heads to mark, in [0, 1]; null marks none.</param>
    /// <exception cref="ArgumentException">When a marked value is not a probability.</exception>
    public static PlotlyChart CoinEntropy(LogBase logBase = LogBase.Two, IReadOnlyList<double>? marked = null)
    {
        marked ??= [];
        ChartArguments.Probabilities(marked, nameof(marked));
        var unit = logBase.Unit();
        const int Steps = 100;
        var p = Enumerable.Range(0, Steps + 1).Select(i => i / (double)Steps).ToImmutableArray();
        var h = p.Select(v => NumberText.Round(CoinEntropy(v, logBase), ChartStyle.CurveDigits)).ToImmutableArray();

        var traces = ImmutableArray.CreateBuilder<Trace>();
        traces.Add(new ScatterTrace(p, h, ScatterMode.Lines)
        {
            Name = "H(p)",
            Line = new LineStyle(ChartStyle.Purple),
            HoverTemplate = $"p = %{{x}}<br>H(p) = %{{y}} {unit}<extra></extra>",
        });
        if (marked.Count > 0)
        {
            traces.Add(new ScatterTrace([.. marked], [.. marked.Select(v => CoinEntropy(v, logBase))], ScatterMode.Markers)
            {
                Name = "marked coins",
                Marker = new MarkerStyle(ChartStyle.Red, 11),
                HoverText = [.. marked.Select(v => $"p = {NumberText.Exact(v)}<br>H(p) = {NumberText.Exact(CoinEntropy(v, logBase))} {unit}")],
                HoverTemplate = ChartStyle.HoverTextOnly,
            });
        }

        var layout = new Layout("Entropy of a coin", new Axis("probability of heads, p", 0, 1), new Axis($"entropy H(p) ({unit})", 0, null));
        return new PlotlyChart(new Figure(traces.ToImmutable(), layout));
    }

    // 0·log 0 is taken as 0 (its limit), so the curve reaches 0 at both ends instead of NaN.
    private static double CoinEntropy(double p, LogBase logBase)
    {
        static double Term(double q) => q > 0 ? -q * Math.Log(q) : 0;
        return (Term(p) + Term(1 - p)) * logBase.FromNats();
    }
}

using System.Text;
using System.Text.Json;
using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Tests.Formatting;

namespace CrossEntropy.Interactive.Tests.Charts;

public class ChartKindsTests
{
    private const int TypicalBudgetBytes = 8 * 1024;

    [Fact]
    public void Penalty_curve_has_both_branches_and_marks_each_sample_on_its_branch()
    {
        var chart = Chart.PenaltyCurve(LogBase.E, [0.8, 0.4, 0.7, 0.9], [1, 0, 1, 1]);
        var traces = ChartJson.Traces(chart);

        Assert.Equal(["y = 1: −ln(p)", "y = 0: −ln(1 − p)", "samples with y = 1", "samples with y = 0"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal("lines", traces[0].GetProperty("mode").GetString());
        Assert.Equal("markers", traces[2].GetProperty("mode").GetString());

        Assert.Equal([0.8, 0.7, 0.9], ChartJson.Numbers(traces[2].GetProperty("x")));
        Assert.Equal([-Math.Log(0.8), -Math.Log(0.7), -Math.Log(0.9)], ChartJson.Numbers(traces[2].GetProperty("y")));
        Assert.Equal([-Math.Log(0.6)], ChartJson.Numbers(traces[3].GetProperty("y")));
        Assert.Contains($"loss = {(-Math.Log(0.6)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)} nats", ChartJson.Strings(traces[3].GetProperty("hovertext"))[0]);

        // The y = 1 branch falls as p rises; the y = 0 branch rises.
        var positive = ChartJson.Numbers(traces[0].GetProperty("y"));
        var negative = ChartJson.Numbers(traces[1].GetProperty("y"));
        Assert.True(positive.First() > positive.Last());
        Assert.True(negative.First() < negative.Last());
    }

    [Fact]
    public void Penalty_curve_axis_titles_carry_the_unit_of_the_log_base()
    {
        var layout = ChartJson.Parse(Chart.PenaltyCurve(LogBase.Two)).GetProperty("layout");

        Assert.Equal("penalty (bits)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("probability", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(layout.GetProperty("title").GetProperty("text").GetString()));
    }

    [Fact]
    public void Penalty_curve_from_a_report_uses_the_reports_losses()
    {
        var report = SampleReports.Binary(LogBase.Ten);
        var traces = ChartJson.Traces(Chart.PenaltyCurve(report));

        Assert.Equal([-Math.Log10(0.8), -Math.Log10(0.7), -Math.Log10(0.9)], ChartJson.Numbers(traces[2].GetProperty("y")), new ToleranceComparer(1e-15));
        Assert.Contains("hartleys", ChartJson.Parse(Chart.PenaltyCurve(report)).GetProperty("layout").GetProperty("yaxis").GetRawText());
    }

    [Fact]
    public void Sigmoid_marks_each_score_at_its_probability()
    {
        var traces = ChartJson.Traces(Chart.Sigmoid([0, 2, -3]));

        Assert.Equal(2, traces.Length);
        Assert.Equal([0.5, 1 / (1 + Math.Exp(-2)), 1 / (1 + Math.Exp(3))], ChartJson.Numbers(traces[1].GetProperty("y")), new ToleranceComparer(1e-15));
        var curve = ChartJson.Numbers(traces[0].GetProperty("y"));
        Assert.All(curve, v => Assert.InRange(v, 0, 1));
        Assert.Equal(curve.Order(), curve); // σ is increasing
    }

    [Fact]
    public void Sigmoid_range_widens_to_include_large_scores()
    {
        var x = ChartJson.Numbers(ChartJson.Traces(Chart.Sigmoid([40]))[0].GetProperty("x"));

        Assert.True(x.Max() >= 40);
        Assert.True(x.Min() <= -40);
    }

    [Fact]
    public void Probability_bars_show_each_class_and_highlight_one()
    {
        var trace = ChartJson.Traces(Chart.ProbabilityBars(SampleReports.Softmax(), highlight: "green")).Single();

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["blue", "green", "red"], ChartJson.Strings(trace.GetProperty("x")));
        Assert.Equal(["0.7054", "0.2595", "0.03512"], ChartJson.Strings(trace.GetProperty("text")));
        var colors = ChartJson.Strings(trace.GetProperty("marker").GetProperty("color"));
        Assert.Equal(colors[0], colors[2]);
        Assert.NotEqual(colors[0], colors[1]);
        Assert.Contains("score = 2", ChartJson.Strings(trace.GetProperty("hovertext"))[0]);
    }

    [Fact]
    public void Sample_losses_have_one_bar_per_sample_and_a_mean_line()
    {
        var report = SampleReports.Binary();
        var chart = Chart.SampleLosses(report);
        var root = ChartJson.Parse(chart);
        var bars = root.GetProperty("data")[0];

        Assert.Equal(report.Samples.Select(s => s.Loss), ChartJson.Numbers(bars.GetProperty("y")));
        Assert.Equal(4, bars.GetProperty("x").GetArrayLength());
        var meanLine = root.GetProperty("layout").GetProperty("shapes")[0];
        Assert.Equal(report.Total, meanLine.GetProperty("y0").GetDouble(), 12);
        Assert.Contains("loss (nats)", root.GetProperty("layout").GetProperty("yaxis").GetRawText());
    }

    [Fact]
    public void Sample_losses_of_a_categorical_report_name_the_true_class()
    {
        var bars = ChartJson.Traces(Chart.SampleLosses(SampleReports.Fruits()))[0];

        Assert.Equal(["#0 (orange)", "#1 (lemon)", "#2 (lemon)"], ChartJson.Strings(bars.GetProperty("x")));
    }

    [Fact]
    public void Loss_curves_overlay_runs_and_put_accuracy_on_a_second_axis()
    {
        var chart = Chart.LossCurves(
            [LossSeries.Of("train", [1.2, 0.8, 0.5]), LossSeries.Of("validation", [1.3, 0.9, 0.7]) with { Dashed = true }],
            LogBase.E,
            accuracy: [LossSeries.Of("accuracy", [0.5, 0.75, 0.9])]);
        var root = ChartJson.Parse(chart);
        var traces = root.GetProperty("data").EnumerateArray().ToArray();

        Assert.Equal(["train", "validation", "accuracy"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("dash", traces[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("y2", traces[2].GetProperty("yaxis").GetString());
        Assert.False(traces[0].TryGetProperty("yaxis", out _));
        Assert.Equal([0.0, 1, 2], ChartJson.Numbers(traces[0].GetProperty("x")));
        Assert.Equal("right", root.GetProperty("layout").GetProperty("yaxis2").GetProperty("side").GetString());
        Assert.Contains("loss (nats)", root.GetProperty("layout").GetProperty("yaxis").GetRawText());
        // The legend must not sit on the right-hand axis: horizontal, above the plot.
        Assert.Equal("h", root.GetProperty("layout").GetProperty("legend").GetProperty("orientation").GetString());
    }

    [Fact]
    public void A_single_axis_chart_keeps_plotlys_default_legend_place()
    {
        var layout = ChartJson.Parse(Chart.LossCurve([0.7, 0.5])).GetProperty("layout");
        Assert.False(layout.TryGetProperty("legend", out _));
    }

    [Fact]
    public void A_diverged_run_is_drawn_with_gaps_not_NaN()
    {
        var chart = Chart.LossCurve([0.7, double.NaN, double.PositiveInfinity, 0.2]);

        Assert.DoesNotContain("NaN", chart.Json);
        Assert.DoesNotContain("Infinity", chart.Json);
        Assert.Equal("[0.7,null,null,0.2]", ChartJson.Traces(chart)[0].GetProperty("y").GetRawText());
    }

    [Fact]
    public void Decision_boundary_scatters_both_classes_and_counts_misclassified_points()
    {
        double[] x1 = [1, 2, 3, 4];
        double[] x2 = [1, 2, 3, 4];
        int[] labels = [0, 0, 1, 1];
        // x₁ + x₂ − 5 = 0 separates the first two points from the last two.
        var traces = ChartJson.Traces(Chart.DecisionBoundary(x1, x2, labels, new DecisionLine(1, 1, -5)));

        Assert.Equal(3, traces.Length);
        Assert.Equal([1.0, 2], ChartJson.Numbers(traces[0].GetProperty("x")));
        Assert.Equal([3.0, 4], ChartJson.Numbers(traces[1].GetProperty("x")));
        Assert.EndsWith("0 misclassified", traces[2].GetProperty("name").GetString());
        var lineX = ChartJson.Numbers(traces[2].GetProperty("x"));
        var lineY = ChartJson.Numbers(traces[2].GetProperty("y"));
        Assert.Equal(2, lineX.Length);
        Assert.All(lineX.Zip(lineY), p => Assert.Equal(5, p.First + p.Second, 6));

        var wrong = ChartJson.Traces(Chart.DecisionBoundary(x1, x2, labels, new DecisionLine(1, 1, -3)))[2];
        Assert.EndsWith("1 misclassified", wrong.GetProperty("name").GetString());
    }

    [Fact]
    public void Decision_boundary_with_several_lines_has_a_frame_and_slider_step_per_line()
    {
        DecisionLine[] steps = [new(1, 1, -3, "step 0"), new(1, 1, -4, "step 1"), new(1, 1, -5, "step 2")];
        var root = ChartJson.Parse(Chart.DecisionBoundary([1, 2, 3, 4], [1, 2, 3, 4], [0, 0, 1, 1], steps));

        var frames = root.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(["step 0", "step 1", "step 2"], frames.Select(f => f.GetProperty("name").GetString()));
        Assert.All(frames, f => Assert.Equal("[2]", f.GetProperty("traces").GetRawText()));
        var sliderSteps = root.GetProperty("layout").GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(3, sliderSteps.Length);
        Assert.Equal("animate", sliderSteps[1].GetProperty("method").GetString());
        Assert.Equal("step 1", sliderSteps[1].GetProperty("args")[0][0].GetString());
    }

    [Fact]
    public void Decision_boundary_handles_a_vertical_line()
    {
        var line = ChartJson.Traces(Chart.DecisionBoundary([0, 4], [0, 4], [0, 1], new DecisionLine(1, 0, -2)))[2];

        Assert.Equal([2.0, 2.0], ChartJson.Numbers(line.GetProperty("x")));
    }

    [Fact]
    public void Coin_entropy_peaks_at_one_bit_for_a_fair_coin_and_is_zero_at_the_ends()
    {
        var traces = ChartJson.Traces(Chart.CoinEntropy(LogBase.Two, [0.5, 0.9]));
        var p = ChartJson.Numbers(traces[0].GetProperty("x"));
        var h = ChartJson.Numbers(traces[0].GetProperty("y"));

        Assert.Equal(0, h[0]);
        Assert.Equal(0, h[^1]);
        Assert.Equal(1, h[Array.IndexOf(p, 0.5)], 12);
        Assert.Equal([1.0, -(0.9 * Math.Log2(0.9)) - (0.1 * Math.Log2(0.1))], ChartJson.Numbers(traces[1].GetProperty("y")), new ToleranceComparer(1e-15));
    }

    public static TheoryData<string> ChartNames() => [.. TypicalCharts().Keys];

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Typical_charts_are_a_few_KB_and_valid_JSON_without_NaN(string name)
    {
        var chart = TypicalCharts()[name];

        Assert.InRange(Encoding.UTF8.GetByteCount(chart.ToHtml()), 1, TypicalBudgetBytes);
        var root = ChartJson.Parse(chart);
        Assert.All(ChartJson.AllValues(root).Where(v => v.ValueKind == JsonValueKind.Number), v => Assert.True(double.IsFinite(v.GetDouble())));
        Assert.NotEmpty(root.GetProperty("data").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()));
    }

    [Fact]
    public void Bad_input_gets_an_argument_error_naming_the_problem()
    {
        Assert.Contains("not a probability", Assert.Throws<ArgumentException>(() => Chart.PenaltyCurve(LogBase.E, [1.5])).Message);
        Assert.Contains("pass one labels value per probabilities value", Assert.Throws<ArgumentException>(() => Chart.PenaltyCurve(LogBase.E, [0.5], [1, 0])).Message);
        Assert.Contains("is empty", Assert.Throws<ArgumentException>(() => Chart.LossCurves([])).Message);
        Assert.Contains("labels 0 or 1", Assert.Throws<ArgumentException>(() => Chart.DecisionBoundary([1], [1], [2], new DecisionLine(1, 1, 0))).Message);
        Assert.Contains("not a line", Assert.Throws<ArgumentException>(() => Chart.DecisionBoundary([1], [1], [1], new DecisionLine(0, 0, 1))).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => Chart.Sigmoid([double.NaN])).Message);
    }

    internal static Dictionary<string, PlotlyChart> TypicalCharts()
    {
        var random = new Random(7);
        var x1 = Enumerable.Range(0, 40).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray(); // test scores like 7.3
        var x2 = Enumerable.Range(0, 40).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();
        var labels = x1.Zip(x2, (a, b) => a + b > 10 ? 1 : 0).ToArray();
        var losses = Enumerable.Range(0, 100).Select(i => 0.7 * Math.Exp(-i / 30.0) + 0.05).ToArray();
        return new()
        {
            ["penalty"] = Chart.PenaltyCurve(SampleReports.Binary()),
            ["sigmoid"] = Chart.Sigmoid([2, 1, -1]),
            ["bars"] = Chart.ProbabilityBars(SampleReports.Softmax()),
            ["sample losses"] = Chart.SampleLosses(SampleReports.Fruits()),
            ["loss curves"] = Chart.LossCurves([LossSeries.Of("lr 0.1", losses), LossSeries.Of("lr 0.5", losses.Select(l => l * 0.8))]),
            ["decision boundary"] = Chart.DecisionBoundary(x1, x2, labels, [.. Enumerable.Range(0, 10).Select(i => new DecisionLine(1, 1, -6 - (i * 0.4), $"step {i}"))]),
            ["coin entropy"] = Chart.CoinEntropy(),
        };
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}

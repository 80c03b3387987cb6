using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>The loss of each sample of a binary report as a bar, with the mean as a dashed line.</summary>
    /// <param name="report">A binary cross-entropy report.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException">When the report has no samples.</exception>
    public static PlotlyChart SampleLosses(BinaryLossReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hover = report.Samples.Select(s =>
            $"sample #{s.Index}<br>y = {NumberText.Exact(s.Label)}<br>p(y=1) = {NumberText.Exact(s.Probability)}<br>loss = {NumberText.Exact(s.Loss)} {report.LogBase.Unit()}").ToList();
        return SampleLosses(
            [.. report.Samples.Select(s => s.Loss)],
            [.. report.Samples.Select(s => $"#{s.Index} (y={NumberText.Short(s.Label)})")],
            hover,
            [],
            report.LogBase,
            $"Loss per sample · {PlotlyText.Escape(report.Semantics)}");
    }

    /// <summary>The loss of each sample of a multi-class report as a bar; ignored samples are grey.</summary>
    /// <param name="report">A categorical cross-entropy report.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException">When the report has no samples.</exception>
    public static PlotlyChart SampleLosses(CategoricalLossReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string ClassName(int target) => target >= 0 && target < report.Classes.Length ? PlotlyText.Escape(report.Classes[target]) : target < 0 ? "soft" : target.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hover = report.Samples.Select(s =>
            $"sample #{s.Index}<br>true class = {ClassName(s.Target)}<br>p(true class) = {NumberText.Exact(s.ProbabilityOfTrueClass)}<br>" +
            (s.Ignored ? "ignored" : $"loss = {NumberText.Exact(s.Loss)} {report.LogBase.Unit()}")).ToList();
        return SampleLosses(
            [.. report.Samples.Select(s => s.Loss)],
            [.. report.Samples.Select(s => $"#{s.Index} ({ClassName(s.Target)})")],
            hover,
            [.. report.Samples.Where(s => s.Ignored).Select(s => s.Index)],
            report.LogBase,
            $"Loss per sample · {PlotlyText.Escape(report.Semantics)}");
    }

    /// <summary>Per-sample losses as bars, with the mean as a dashed line.</summary>
    /// <param name="losses">One loss per sample, finite and ≥ 0.</param>
    /// <param name="logBase">The base the losses are in (sets the unit on the axis).</param>
    /// <param name="sampleLabels">One label per bar; null for "#0", "#1", ….</param>
    /// <param name="title">The chart title.</param>
    /// <exception cref="ArgumentException">When <paramref name="losses"/> is empty or not finite, or the label count differs.</exception>
    public static PlotlyChart SampleLosses(IReadOnlyList<double> losses, LogBase logBase = LogBase.E, IReadOnlyList<string>? sampleLabels = null, string title = "Loss per sample")
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(title);
        sampleLabels = sampleLabels is null ? [.. Enumerable.Range(0, losses.Count).Select(i => $"#{i}")] : [.. sampleLabels.Select(PlotlyText.Escape)];
        ChartArguments.SameLength(losses, nameof(losses), sampleLabels, nameof(sampleLabels));
        var hover = losses.Select((l, i) => $"{sampleLabels[i]}<br>loss = {NumberText.Exact(l)} {logBase.Unit()}").ToList();
        return SampleLosses(losses, sampleLabels, hover, [], logBase, PlotlyText.Escape(title));
    }

    private static PlotlyChart SampleLosses(
        IReadOnlyList<double> losses, IReadOnlyList<string> labels, IReadOnlyList<string> hover, IReadOnlyList<int> ignored, LogBase logBase, string title)
    {
        ChartArguments.NotEmpty(losses, "losses");
        ChartArguments.Finite(losses, "losses");
        var counted = losses.Where((_, i) => !ignored.Contains(i)).ToList();
        var mean = counted.Count == 0 ? 0 : counted.Average();
        var unit = logBase.Unit();
        var bars = new BarTrace([.. labels], [.. losses])
        {
            Name = $"loss ({unit})",
            ShowLegend = false,
            BarText = [.. losses.Select(NumberText.Short)],
            Colors = [.. losses.Select((_, i) => ignored.Contains(i) ? ChartStyle.Grey : ChartStyle.Red)],
            HoverText = [.. hover],
            HoverTemplate = ChartStyle.HoverTextOnly,
        };
        // A shape, not a trace: shapes may use category index positions (bar i sits at x = i), traces may not.
        var layout = new Layout($"{title} (mean {NumberText.Short(mean)} {unit})", new Axis("sample"), new Axis($"loss ({unit})", 0, null))
        {
            ShowLegend = false,
            Shapes = [new LineShape(-0.5, mean, losses.Count - 0.5, mean, new LineStyle(ChartStyle.Grey, 1.5, "dash"))],
        };
        return new PlotlyChart(new Figure([bars], layout));
    }
}

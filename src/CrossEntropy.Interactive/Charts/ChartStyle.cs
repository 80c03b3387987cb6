namespace CrossEntropy.Interactive.Charts;

/// <summary>Colours and shared text of the course's charts, so every chart looks like part of one book.</summary>
internal static class ChartStyle
{
    public const string Blue = "#1f77b4";
    public const string Orange = "#ff7f0e";
    public const string Green = "#2ca02c";
    public const string Red = "#d62728";
    public const string Purple = "#9467bd";
    public const string Grey = "#9e9e9e";
    public const string Highlight = "#2ca02c";

    /// <summary>The plotly.js default colour cycle, for runs overlaid on one chart.</summary>
    public static readonly string[] Cycle = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Shows only the trace's hover text, without the trace-name box plotly.js adds.</summary>
    public const string HoverTextOnly = "%{hovertext}<extra></extra>";

    /// <summary>Significant digits kept for sampled curves: invisible on screen, and it keeps each chart a few KB.</summary>
    public const int CurveDigits = 5;
}

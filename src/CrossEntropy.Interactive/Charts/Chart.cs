namespace CrossEntropy.Interactive.Charts;

/// <summary>
/// The course's charts, one factory per kind: penalty curve, sigmoid, probability bars, loss per sample,
/// loss curves over steps, 2-D data with a decision line, entropy of a coin. Each takes plain arrays or a
/// report record and returns a <see cref="PlotlyChart"/> with a title, axis titles with units and exact
/// values on hover.
/// </summary>
public static partial class Chart
{
}

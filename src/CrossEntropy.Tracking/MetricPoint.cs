namespace CrossEntropy.Tracking;

/// <summary>One logged value of one metric at one step.</summary>
/// <param name="Name">The metric name, e.g. <c>train_loss</c>.</param>
/// <param name="Step">The training step (non-decreasing within a run).</param>
/// <param name="Value">The value; NaN is kept (a diverging run is worth recording).</param>
/// <param name="WallTime">When the value was logged (UTC).</param>
public sealed record MetricPoint(string Name, long Step, double Value, DateTimeOffset WallTime);

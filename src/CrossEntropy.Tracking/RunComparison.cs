namespace CrossEntropy.Tracking;

/// <summary>
/// Several runs side by side: which config keys differ between them, and each run's best and final
/// value of one metric. This answers "which parameters and which data produced the best model".
/// </summary>
/// <param name="Metric">The metric compared.</param>
/// <param name="Goal">Whether smaller or larger is better.</param>
/// <param name="Keys">Every config key of any run, differing keys first, then alphabetical. The
/// pseudo-key <c>data.sha256</c> stands for the data fingerprint.</param>
/// <param name="DifferingKeys">The keys whose value is not the same in every run (missing counts as a value).</param>
/// <param name="Rows">One row per run, in the order asked for.</param>
/// <param name="BestRunId">The run with the best <see cref="RunComparisonRow.BestValue"/>, or null if no run logged the metric.</param>
public sealed record RunComparison(
    string Metric,
    MetricGoal Goal,
    IReadOnlyList<string> Keys,
    IReadOnlySet<string> DifferingKeys,
    IReadOnlyList<RunComparisonRow> Rows,
    long? BestRunId)
{
    /// <summary>True when <paramref name="key"/> differs between the compared runs.</summary>
    public bool Differs(string key) => DifferingKeys.Contains(key);
}

/// <summary>One run in a <see cref="RunComparison"/>.</summary>
/// <param name="Run">The run.</param>
/// <param name="Values">Its value for each comparison key (null where the run lacks the key).</param>
/// <param name="BestStep">The step at which the metric was best, or null if the run never logged it.</param>
/// <param name="BestValue">The metric at <paramref name="BestStep"/>.</param>
/// <param name="FinalStep">The last step at which the metric was logged.</param>
/// <param name="FinalValue">The metric at <paramref name="FinalStep"/>.</param>
public sealed record RunComparisonRow(
    RunInfo Run,
    IReadOnlyDictionary<string, string?> Values,
    long? BestStep,
    double? BestValue,
    long? FinalStep,
    double? FinalValue);

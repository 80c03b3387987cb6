namespace CrossEntropy.Interactive.Formatting;

/// <summary>Phrases shared by the HTML and plain-text forms, so both name the base, unit and reduction alike.</summary>
internal static class ReportText
{
    public static string Base(LogBase logBase) => logBase switch
    {
        LogBase.Two => "2",
        LogBase.Ten => "10",
        _ => "e",
    };

    /// <summary>e.g. "log base 2 (log₂, values in bits)".</summary>
    public static string LogBaseLine(LogBase logBase) => $"log base {Base(logBase)} ({logBase.Symbol()}, values in {logBase.Unit()})";

    public static string Reduction(Reduction reduction) => reduction switch
    {
        CrossEntropy.Reduction.Mean => "mean",
        CrossEntropy.Reduction.Sum => "sum",
        _ => "none",
    };

    /// <summary>What the total row holds, e.g. "mean of 4 samples" or "sum of 4 samples (reduction none)".</summary>
    public static string TotalLabel(Reduction reduction, int counted, int ignored)
    {
        var samples = $"{NumberText.Integer(counted)} sample{(counted == 1 ? "" : "s")}";
        var skipped = ignored > 0 ? $", {NumberText.Integer(ignored)} ignored" : "";
        return reduction switch
        {
            CrossEntropy.Reduction.Mean => $"mean of {samples}{skipped}",
            CrossEntropy.Reduction.Sum => $"sum of {samples}{skipped}",
            _ => $"sum of {samples}{skipped} (reduction none: the per-sample losses are the result)",
        };
    }

    /// <summary>How many rows are shown before the rest is summarised as "… N more rows".</summary>
    public static int Shown(int count) => Math.Min(count, CrossEntropyFormatters.RowLimit);
}

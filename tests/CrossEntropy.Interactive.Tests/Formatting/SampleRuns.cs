using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Tests.Formatting;

/// <summary>Tracker results built by hand (no store), so formatter tests can cover the tracking types cheaply.</summary>
internal static class SampleRuns
{
    public static RunInfo Run(long id, string name, double learningRate, double finalValidationLoss) => new(
        id,
        name,
        RunStatus.Completed,
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero),
        new Dictionary<string, string> { ["LearningRate"] = learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Seed"] = "42" },
        new DataFingerprint(new string('a', 64), 160, 40, 2, 2),
        new RunEnvironment(".NET 10.0.0", "Linux", "X64", 2, "host", "0.1.0", null),
        new Dictionary<string, double> { ["final_val_loss"] = finalValidationLoss },
        null,
        99);

    public static RunList List() => new([Run(1, "lr=0.1", 0.1, 0.52), Run(2, "lr=1", 1, 0.41)]);

    public static RunComparison Comparison()
    {
        var runs = List();
        var keys = new[] { "LearningRate", "Seed" };
        var rows = runs.Select(r => new RunComparisonRow(
            r, keys.ToDictionary(k => k, k => (string?)r.Config[k]), 99, r.Summary["final_val_loss"], 99, r.Summary["final_val_loss"])).ToList();
        return new RunComparison("val_loss", MetricGoal.Minimize, keys, new HashSet<string> { "LearningRate" }, rows, 2);
    }
}

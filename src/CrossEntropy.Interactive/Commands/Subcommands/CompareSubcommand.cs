using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>compare</c> line: per model, the probabilities it gave to the true outcomes.</summary>
internal sealed record CompareRequest(IReadOnlyList<(string Name, double[] Probabilities)> Models, LogBase LogBase, bool Chart);

/// <summary><c>#!cross-entropy compare</c>: likelihood, log-likelihood and cross-entropy of several models.</summary>
internal static class CompareSubcommand
{
    public static bool TryBind(OptionSet options, out CompareRequest? request, out string? error)
    {
        request = null;
        if (!options.TryModels("--models", out var models, out error)
            || !SubcommandChecks.TryLogBase(options, out var logBase, out error))
            return false;
        if (models is null)
        {
            error = options.Error("--models is missing", "give each model's probabilities of the true outcomes, e.g. --models \"A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9\"");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, probabilities) in models)
        {
            var problem = seen.Add(name) ? null : new Problem($"--models names {CommandError.Show(name)} twice", "give every model a different name");
            problem ??= probabilities.Length == 0
                ? new Problem($"model {CommandError.Show(name)} has no probabilities", "give the probability it assigned to each true outcome")
                : SubcommandChecks.SameLength(probabilities, $"model {name}", models[0].Values.Length, $"model {models[0].Name}",
                    "score every model on the same samples");
            problem ??= SubcommandChecks.InUnitInterval(probabilities, $"model {name}", "each value is the probability the model gave to what happened, in [0, 1]");
            if (problem is not null)
            {
                error = options.Error(problem);
                return false;
            }
        }

        request = new CompareRequest(models, logBase, options.Has("--chart"));
        return true;
    }

    /// <summary>The comparison table, then each model's summed cross-entropy as a bar.</summary>
    public static CommandResult Run(CompareRequest request)
    {
        var comparison = Likelihood.Compare(request.LogBase, [.. request.Models]);
        if (!request.Chart)
            return CommandResult.Success(comparison);
        if (SubcommandChecks.InfiniteLoss([.. comparison.Models.Select(m => m.CrossEntropy)], i => $"model {CommandError.Show(comparison.Models[i].Name)}",
                "it gave probability 0 to an outcome that happened", "to see the bars, give it a small probability such as 1e-9 instead of 0") is { } warning)
            return CommandResult.Success([comparison], [warning]);
        var chart = Chart.SampleLosses(
            [.. comparison.Models.Select(m => m.CrossEntropy)], request.LogBase, [.. comparison.Models.Select(m => m.Name)], "Cross-entropy per model (lower is better)");
        return CommandResult.Success(comparison, chart);
    }
}

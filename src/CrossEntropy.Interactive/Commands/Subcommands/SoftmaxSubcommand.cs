using System.Globalization;
using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>softmax</c> line.</summary>
internal sealed record SoftmaxRequest(double[] Scores, string[] Classes, bool Chart);

/// <summary><c>#!cross-entropy softmax</c>: scores to a probability distribution.</summary>
internal static class SoftmaxSubcommand
{
    public static bool TryBind(OptionSet options, out SoftmaxRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNumbers("--scores", out var scores, out error)
            || !options.TryNames("--classes", out var classes, out error))
            return false;
        if (scores is null)
        {
            error = options.Error("--scores is missing", "give the raw scores, e.g. --scores \"2 1 -1\"");
            return false;
        }

        var problem = classes is null ? null
            : SubcommandChecks.DistinctNames(classes, "--classes")
              ?? (classes.Length == scores.Length ? null
                  : new Problem($"--classes names {CommandError.Count(classes.Length, "class", "classes")} but --scores has {CommandError.Count(scores.Length, "value")}", "give one name per score"));
        if (problem is not null)
        {
            error = options.Error(problem);
            return false;
        }

        classes ??= [.. Enumerable.Range(0, scores.Length).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        request = new SoftmaxRequest(scores, classes, options.Has("--chart"));
        return true;
    }

    /// <summary>The probability vector, then its bars.</summary>
    public static CommandResult Run(SoftmaxRequest request)
    {
        var vector = Torch.Softmax(request.Scores, request.Classes);
        return request.Chart ? CommandResult.Success(vector, Chart.ProbabilityBars(vector)) : CommandResult.Success(vector);
    }
}

using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>sigmoid</c> line.</summary>
internal sealed record SigmoidRequest(double[] Scores, bool Chart);

/// <summary><c>#!cross-entropy sigmoid</c>: each score to a probability.</summary>
internal static class SigmoidSubcommand
{
    public static bool TryBind(OptionSet options, out SigmoidRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNumbers("--scores", out var scores, out error))
            return false;
        if (scores is null)
        {
            error = options.Error("--scores is missing", "give the raw scores, e.g. --scores \"-2 0 2\"");
            return false;
        }

        request = new SigmoidRequest(scores, options.Has("--chart"));
        return true;
    }

    /// <summary>The probability vector, then the sigmoid curve with the scores marked.</summary>
    public static CommandResult Run(SigmoidRequest request)
    {
        var vector = Torch.Sigmoid(request.Scores);
        return request.Chart ? CommandResult.Success(vector, Chart.Sigmoid(vector)) : CommandResult.Success(vector);
    }
}

using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>curve</c> line: optionally, samples to mark on the penalty curve.</summary>
internal sealed record CurveRequest(double[]? Labels, double[]? Probabilities, LogBase LogBase);

/// <summary><c>#!cross-entropy curve</c>: the −log(p) penalty curve of binary cross-entropy.</summary>
internal static class CurveSubcommand
{
    public static bool TryBind(OptionSet options, out CurveRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNumbers("--labels", out var labels, out error)
            || !options.TryNumbers("--probabilities", out var probabilities, out error)
            || !SubcommandChecks.TryLogBase(options, out var logBase, out error))
            return false;
        if ((labels is null) != (probabilities is null))
        {
            error = labels is null
                ? options.Error("--probabilities is given without --labels", "mark samples with both: --labels \"1 0\" --probabilities \"0.8 0.4\"")
                : options.Error("--labels is given without --probabilities", "mark samples with both: --labels \"1 0\" --probabilities \"0.8 0.4\"");
            return false;
        }

        if (labels is not null && probabilities is not null)
        {
            var problem = SubcommandChecks.SameLength(probabilities, "--probabilities", labels.Length, "--labels", "give one probability per label")
                ?? SubcommandChecks.InUnitInterval(labels, "--labels", "labels are 0 or 1 (or a soft target between them)")
                ?? SubcommandChecks.InUnitInterval(probabilities, "--probabilities", "probabilities lie in [0, 1]");
            if (problem is not null)
            {
                error = options.Error(problem);
                return false;
            }
        }

        request = new CurveRequest(labels, probabilities, logBase);
        return true;
    }

    /// <summary>The penalty curve, both branches, with the samples (if any) marked.</summary>
    public static CommandResult Run(CurveRequest request) =>
        CommandResult.Success(Chart.PenaltyCurve(request.LogBase, request.Probabilities, request.Labels));
}

using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>binary</c> line: labels with either probabilities or logits.</summary>
internal sealed record BinaryRequest(double[] Labels, double[]? Probabilities, double[]? Logits, LogBase LogBase, Reduction Reduction, bool Chart);

/// <summary><c>#!cross-entropy binary</c>: binary cross-entropy, PyTorch semantics.</summary>
internal static class BinarySubcommand
{
    public static bool TryBind(OptionSet options, out BinaryRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNumbers("--labels", out var labels, out error)
            || !options.TryNumbers("--probabilities", out var probabilities, out error)
            || !options.TryNumbers("--logits", out var logits, out error)
            || !SubcommandChecks.TryLogBase(options, out var logBase, out error)
            || !SubcommandChecks.TryReduction(options, out var reduction, out error))
            return false;

        if (labels is null)
        {
            error = options.Error("--labels is missing", "give the true label of each sample, e.g. --labels \"1 0 1 1\"");
            return false;
        }

        if (probabilities is not null && logits is not null)
        {
            error = options.Error("both --probabilities and --logits are given", "give one: --probabilities for values in [0, 1], --logits for raw scores");
            return false;
        }

        var predictions = probabilities ?? logits;
        var predictionName = probabilities is not null ? "--probabilities" : "--logits";
        if (predictions is null)
        {
            error = options.Error("--probabilities (or --logits) is missing", "give the predicted probability of class 1 per sample, e.g. --probabilities \"0.8 0.4 0.7 0.9\"");
            return false;
        }

        var problem = SubcommandChecks.SameLength(predictions, predictionName, labels.Length, "--labels", "give one prediction per label (commas separate values; decimals use a dot)")
            ?? SubcommandChecks.InUnitInterval(labels, "--labels", "labels are 0 or 1 (or a soft target between them)")
            ?? (probabilities is not null
                ? SubcommandChecks.InUnitInterval(probabilities, "--probabilities", "probabilities lie in [0, 1]; pass raw scores with --logits instead")
                : null);
        if (problem is not null)
        {
            error = options.Error(problem);
            return false;
        }

        request = new BinaryRequest(labels, probabilities, logits, logBase, reduction, options.Has("--chart"));
        return true;
    }

    /// <summary>The report (PyTorch BCELoss, or BCEWithLogitsLoss for logits), then the penalty curve with the samples marked.</summary>
    public static CommandResult Run(BinaryRequest request)
    {
        var report = request.Probabilities is { } p
            ? Torch.BCELoss(p, request.Labels, request.Reduction, logBase: request.LogBase)
            : Torch.BCEWithLogitsLoss(request.Logits!, request.Labels, request.Reduction, logBase: request.LogBase);
        return request.Chart ? CommandResult.Success(report, Chart.PenaltyCurve(report)) : CommandResult.Success(report);
    }
}

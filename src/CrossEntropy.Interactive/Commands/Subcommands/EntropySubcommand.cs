using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>entropy</c> line; p and q already rescaled to sum to 1 (see <see cref="Warnings"/>).</summary>
internal sealed record EntropyRequest(double[] P, double[]? Q, LogBase LogBase, IReadOnlyList<string> Warnings);

/// <summary><c>#!cross-entropy entropy</c>: H(p), H(p, q) and KL(p‖q).</summary>
internal static class EntropySubcommand
{
    public static bool TryBind(OptionSet options, out EntropyRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNumbers("--p", out var p, out error)
            || !options.TryNumbers("--q", out var q, out error)
            || !SubcommandChecks.TryLogBase(options, out var logBase, out error))
            return false;
        if (p is null)
        {
            error = options.Error("--p is missing", "give the true distribution, e.g. --p \"0.5 0.5\"");
            return false;
        }

        var warnings = new List<string>();
        var problem = SubcommandChecks.InUnitInterval(p, "--p", "a distribution's values lie in [0, 1]")
            ?? (q is null ? null : SubcommandChecks.SameLength(q, "--q", p.Length, "--p", "give q one value per outcome of p"))
            ?? (q is null ? null : SubcommandChecks.InUnitInterval(q, "--q", "a distribution's values lie in [0, 1]"))
            ?? Normalize(p, "--p", warnings)
            ?? (q is null ? null : Normalize(q, "--q", warnings));
        if (problem is not null)
        {
            error = options.Error(problem);
            return false;
        }

        request = new EntropyRequest(p, q, logBase, warnings);
        return true;
    }

    /// <summary>H(p), and with q also H(p, q) and KL(p‖q); the rescaling notes as warnings.</summary>
    public static CommandResult Run(EntropyRequest request) =>
        CommandResult.Success([Information.Report(request.P, request.Q, request.LogBase)], request.Warnings);

    // Keras's rule for categorical targets: a distribution that does not sum to 1 is divided by its sum.
    private static Problem? Normalize(double[] values, string option, List<string> warnings)
    {
        var sum = values.Sum();
        if (sum <= 0)
            return new Problem($"{option} sums to 0, so it is not a distribution", "give at least one positive probability");
        if (Math.Abs(sum - 1) <= SubcommandChecks.SumTolerance)
            return null;
        for (var i = 0; i < values.Length; i++)
            values[i] /= sum;
        warnings.Add($"{option} summed to {SubcommandChecks.Show(sum)}, not 1; it was divided by its sum (as Keras rescales distributions).");
        return null;
    }
}

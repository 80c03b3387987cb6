using System.Globalization;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>Checks and option readers shared by several subcommands.</summary>
internal static class SubcommandChecks
{
    /// <summary>How far from 1 a distribution's sum may be before it is rescaled with a warning.</summary>
    public const double SumTolerance = 1e-6;

    public static bool TryLogBase(OptionSet options, out LogBase logBase, out string? error)
    {
        logBase = LogBase.E;
        if (!options.TryChoice("--log-base", "e", out var text, out error))
            return false;
        logBase = text switch { "2" => LogBase.Two, "10" => LogBase.Ten, _ => LogBase.E };
        return true;
    }

    public static bool TryReduction(OptionSet options, out Reduction reduction, out string? error)
    {
        reduction = Reduction.Mean;
        if (!options.TryChoice("--reduction", "mean", out var text, out error))
            return false;
        reduction = text switch { "sum" => Reduction.Sum, "none" => Reduction.None, _ => Reduction.Mean };
        return true;
    }

    /// <summary>Every value in [0, 1], or a problem naming the first that is not.</summary>
    public static Problem? InUnitInterval(double[] values, string option, string hint)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is < 0 or > 1)
                return new Problem($"value {i + 1} of {option} is {Show(values[i])}, outside [0, 1]", hint);
        }

        return null;
    }

    public static Problem? SameLength(double[] a, string aName, int bLength, string bName, string hint) =>
        a.Length == bLength ? null : new Problem($"{aName} has {CommandError.Count(a.Length, "value")} but {bName} has {bLength}", hint);

    public static Problem? DistinctNames(string[] names, string option)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
                return new Problem($"{option} names {CommandError.Show(name)} twice", "give every class a different name");
        }

        return null;
    }

    /// <summary>
    /// A warning when a loss is infinite, or null. A bar chart cannot draw an infinite bar, and failing the whole line
    /// would lose the table too, so the table is shown with this warning in place of the chart.
    /// </summary>
    public static string? InfiniteLoss(IReadOnlyList<double> losses, Func<int, string> name, string cause, string fix)
    {
        for (var i = 0; i < losses.Count; i++)
        {
            if (double.IsInfinity(losses[i]))
                return $"no chart: the loss of {name(i)} is infinite ({cause}), and a bar cannot show that; {fix}.";
        }

        return null;
    }

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

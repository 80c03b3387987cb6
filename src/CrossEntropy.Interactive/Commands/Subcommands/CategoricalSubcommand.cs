using System.Globalization;
using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary>A validated <c>categorical</c> line: class names, target class indices and N×C rows.</summary>
internal sealed record CategoricalRequest(
    string[] Classes, int[] Targets, double[][] Rows, bool RowsAreLogits, LogBase LogBase, Reduction Reduction, bool Chart);

/// <summary><c>#!cross-entropy categorical</c>: multi-class cross-entropy (Keras on probabilities, PyTorch on logits).</summary>
internal static class CategoricalSubcommand
{
    public static bool TryBind(OptionSet options, out CategoricalRequest? request, out string? error)
    {
        request = null;
        if (!options.TryNames("--classes", out var classes, out error)
            || !options.TryNames("--labels", out var labels, out error)
            || !options.TryRows("--probabilities", out var probabilities, out error)
            || !options.TryRows("--logits", out var logits, out error)
            || !SubcommandChecks.TryLogBase(options, out var logBase, out error)
            || !SubcommandChecks.TryReduction(options, out var reduction, out error))
            return false;

        if (labels is null)
        {
            error = options.Error("--labels is missing", "give the true class of each sample, e.g. --labels \"orange lemon lemon\"");
            return false;
        }

        if (probabilities is not null && logits is not null)
        {
            error = options.Error("both --probabilities and --logits are given", "give one: --probabilities for rows in [0, 1], --logits for raw scores");
            return false;
        }

        var rows = probabilities ?? logits;
        var rowsName = probabilities is not null ? "--probabilities" : "--logits";
        if (rows is null)
        {
            error = options.Error("--probabilities (or --logits) is missing", "give one row of class probabilities per sample, e.g. --probabilities \"0.7 0.2 0.1; 0.3 0.4 0.3\"");
            return false;
        }

        var width = rows[0].Length;
        if (classes is not null && SubcommandChecks.DistinctNames(classes, "--classes") is { } duplicate)
        {
            error = options.Error(duplicate);
            return false;
        }

        if (classes is not null && classes.Length != width)
        {
            error = options.Error($"{rowsName} rows have {CommandError.Count(width, "value")} but --classes names {CommandError.Count(classes.Length, "class", "classes")}", "give one value per class in every row");
            return false;
        }

        if (rows.Length != labels.Length)
        {
            error = options.Error($"{rowsName} has {CommandError.Count(rows.Length, "row")} but --labels has {CommandError.Count(labels.Length, "label")}", "give one row per sample, rows separated by ';'");
            return false;
        }

        if (width < 2)
        {
            error = options.Error($"{rowsName} rows have a single value", "a categorical prediction needs a value per class (two or more); for one probability per sample use binary");
            return false;
        }

        classes ??= [.. Enumerable.Range(0, width).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        var targets = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (Target(labels[i], classes) is not { } target)
            {
                var hint = options.Has("--classes")
                    ? $"use one of the classes ({string.Join(", ", classes)}) or a class index from 0 to {classes.Length - 1}"
                    : $"without --classes the labels are class indices 0 to {width - 1}; to use names give --classes \"{string.Join(' ', classes.Select(c => "name" + c))}\"";
                error = options.Error($"label {CommandError.Show(labels[i])} (value {i + 1} of --labels) is not among the classes", hint);
                return false;
            }

            targets[i] = target;
        }

        if (probabilities is not null && RowProblem(probabilities) is { } problem)
        {
            error = options.Error(problem);
            return false;
        }

        request = new CategoricalRequest(classes, targets, rows, logits is not null, logBase, reduction, options.Has("--chart"));
        return true;
    }

    /// <summary>
    /// Logits: PyTorch CrossEntropyLoss on class indices. Probabilities: Keras CategoricalCrossentropy on one-hot
    /// targets, which rescales rows that do not sum to 1 and says so in the report's warnings (copied to the result).
    /// Then, with --chart, each sample's loss as a bar.
    /// </summary>
    public static CommandResult Run(CategoricalRequest request)
    {
        var rows = ToMatrix(request.Rows);
        var report = request.RowsAreLogits
            ? Torch.CrossEntropyLoss(rows, request.Targets, request.Reduction, classes: request.Classes, logBase: request.LogBase)
            : Keras.CategoricalCrossentropy(OneHot(request.Targets, request.Classes.Length), rows,
                reduction: ToKeras(request.Reduction), classes: request.Classes, logBase: request.LogBase);
        // The library names its parameter (yPred); a command user wrote --probabilities.
        List<string> warnings = report.Warnings.IsDefault ? [] : [.. report.Warnings.Select(w => w.StartsWith("yPred ", StringComparison.Ordinal) ? "--probabilities, " + w["yPred ".Length..] : w)];
        var infinite = request.Chart
            ? SubcommandChecks.InfiniteLoss([.. report.Samples.Select(s => s.Loss)], i => $"sample #{report.Samples[i].Index}",
                "its logits are so far apart that the true class gets probability 0 in double precision", "to see the bars, scale the logits down")
            : null;
        if (infinite is not null)
            warnings.Add(infinite);
        object[] values = request.Chart && infinite is null ? [report, Chart.SampleLosses(report)] : [report];
        return CommandResult.Success(values, warnings);
    }

    private static double[,] ToMatrix(double[][] rows)
    {
        var matrix = new double[rows.Length, rows[0].Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
                matrix[r, c] = rows[r][c];
        }

        return matrix;
    }

    private static double[,] OneHot(int[] targets, int classes)
    {
        var oneHot = new double[targets.Length, classes];
        for (var i = 0; i < targets.Length; i++)
            oneHot[i, targets[i]] = 1;
        return oneHot;
    }

    // Keras's default "sum_over_batch_size" is the mean over samples.
    private static KerasReduction ToKeras(Reduction reduction) => reduction switch
    {
        Reduction.Sum => KerasReduction.Sum,
        Reduction.None => KerasReduction.None,
        _ => KerasReduction.SumOverBatchSize,
    };

    // A class name wins over an index, so classes named "0 1 2" behave as expected.
    private static int? Target(string label, string[] classes)
    {
        var byName = Array.IndexOf(classes, label);
        if (byName >= 0)
            return byName;
        if (int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < classes.Length)
            return index;
        return null;
    }

    private static Problem? RowProblem(double[][] rows)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is < 0 or > 1)
                    return new Problem($"row {r + 1} of --probabilities has {SubcommandChecks.Show(rows[r][c])} in column {c + 1}, outside [0, 1]",
                        "probabilities lie in [0, 1]; pass raw scores with --logits instead");
            }

            if (rows[r].Sum() <= 0)
                return new Problem($"row {r + 1} of --probabilities sums to 0, so it cannot be rescaled to a distribution", "give each sample at least one positive probability");
        }

        return null;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using CrossEntropy.Internal;
using CrossEntropy.Losses;
using CrossEntropy.Reports;

namespace CrossEntropy;

public static partial class Keras
{
    /// <summary>
    /// <c>keras.losses.CategoricalCrossentropy(from_logits, label_smoothing, reduction)(y_true, y_pred, sample_weight)</c>
    /// with one row per sample; formula and edge cases in <see cref="KerasCategoricalCrossEntropy"/>.
    /// </summary>
    /// <param name="yTrue">Target distributions (one-hot or soft), N×C.</param>
    /// <param name="yPred">Probabilities (each row is rescaled to sum to 1, then clipped) or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">Moves targets towards uniform: y·(1 − ε) + ε / C.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">One weight ≥ 0 per row, or null.</param>
    /// <param name="classes">Class names (C of them), or null for "0", "1", ….</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-row target, the distribution the loss used, the probability of the true class, the loss; the total;
    /// warnings when rows were rescaled or clipped.</returns>
    /// <exception cref="ArgumentException">Shapes that differ, empty input, targets outside [0, 1], negative probabilities, a row summing to 0, bad weights or class names.</exception>
    public static CategoricalLossReport CategoricalCrossentropy(double[,] yTrue, double[,] yPred, bool fromLogits = false,
        double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize, double[]? sampleWeight = null,
        string[]? classes = null, LogBase logBase = LogBase.E)
    {
        var (truth, predicted, rows, columns) = Flatten(yTrue, yPred);
        var names = ClassNames(classes, columns);
        var losses = new double[rows];
        var total = KerasCategoricalCrossEntropy.Forward<double>(truth, predicted, columns, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        return CategoricalReport($"Keras CategoricalCrossentropy ({Options(fromLogits, labelSmoothing, reduction)})",
            truth, predicted, rows, columns, fromLogits, losses, total, reduction, names, logBase);
    }

    /// <summary>
    /// A single sample: <c>CategoricalCrossentropy()([y_true], [y_pred])</c>, e.g. <c>([0, 1, 0], [0.05, 0.85, 0.10])</c>.
    /// </summary>
    /// <param name="yTrue">The target distribution over C classes.</param>
    /// <param name="yPred">The predicted probabilities (or logits) over the same classes.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">Moves the target towards uniform.</param>
    /// <param name="classes">Class names, or null.</param>
    /// <param name="logBase">The base the reported loss is expressed in.</param>
    /// <returns>A one-row report.</returns>
    public static CategoricalLossReport CategoricalCrossentropy(double[] yTrue, double[] yPred, bool fromLogits = false,
        double labelSmoothing = 0, string[]? classes = null, LogBase logBase = LogBase.E) =>
        CategoricalCrossentropy(Row(yTrue, nameof(yTrue)), Row(yPred, nameof(yPred)), fromLogits, labelSmoothing,
            KerasReduction.SumOverBatchSize, null, classes, logBase);

    /// <summary>
    /// <c>keras.losses.SparseCategoricalCrossentropy(from_logits, ignore_class, reduction)(y_true, y_pred, sample_weight)</c>;
    /// formula and edge cases in <see cref="KerasSparseCategoricalCrossEntropy"/>.
    /// </summary>
    /// <param name="yTrue">One class index per row (or <paramref name="ignoreClass"/>).</param>
    /// <param name="yPred">Probabilities (clipped, then each row divided by its sum) or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="ignoreClass">A target value whose rows get loss 0 and are left out of the mean, or null.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">One weight ≥ 0 per row, or null.</param>
    /// <param name="classes">Class names, or null.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-row rows (ignored ones flagged), the total, and warnings for rows that did not sum to 1.</returns>
    /// <exception cref="ArgumentException">A row count different from the targets, a class index out of range, negative probabilities, bad weights or class names.</exception>
    public static CategoricalLossReport SparseCategoricalCrossentropy(int[] yTrue, double[,] yPred, bool fromLogits = false,
        int? ignoreClass = null, KerasReduction reduction = KerasReduction.SumOverBatchSize, double[]? sampleWeight = null,
        string[]? classes = null, LogBase logBase = LogBase.E)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        int rows = yPred.GetLength(0), columns = yPred.GetLength(1);
        var predicted = ReportBuilding.RowMajor(yPred);
        var names = ClassNames(classes, Math.Max(columns, 1));
        var losses = new double[rows];
        var total = KerasSparseCategoricalCrossEntropy.Forward<double>(yTrue, predicted, columns, losses, fromLogits, ignoreClass, reduction, sampleWeight);

        var factor = logBase.FromNats();
        var samples = ImmutableArray.CreateBuilder<CategoricalSample>(rows);
        var unnormalised = new List<int>();
        double lo = KerasClip.Lower, hi = KerasClip.Upper;
        for (var r = 0; r < rows; r++)
        {
            var row = predicted.AsSpan(r * columns, columns);
            var distribution = new double[columns];
            if (fromLogits)
                Softmax(row, distribution);
            else
            {
                // What Keras actually normalises: the clipped row divided by its sum.
                for (var c = 0; c < columns; c++) distribution[c] = KerasClip.Clip(row[c], lo, hi);
                var sum = distribution.Sum();
                for (var c = 0; c < columns; c++) distribution[c] /= sum;
                if (Math.Abs(row.ToArray().Sum() - 1) > 1e-6) unnormalised.Add(r);
            }
            var ignored = ignoreClass == yTrue[r];
            samples.Add(new CategoricalSample(r, yTrue[r], [.. distribution], ignored ? double.NaN : distribution[yTrue[r]],
                losses[r] * factor, ignored));
        }
        var warnings = unnormalised.Count == 0 ? ImmutableArray<string>.Empty :
        [
            $"yPred rows {string.Join(", ", unnormalised)} do not sum to 1: Keras clips each probability to [1e-7, 1 − 1e-7] first, then divides by the row sum.",
        ];
        var options = string.Create(CultureInfo.InvariantCulture,
            $"from_logits={(fromLogits ? "True" : "False")}, ignore_class={(ignoreClass is { } ig ? ig.ToString(CultureInfo.InvariantCulture) : "None")}, reduction={reduction.KerasName()}");
        return new CategoricalLossReport($"Keras SparseCategoricalCrossentropy ({options})", logBase, reduction.ToReduction(),
            names, samples.MoveToImmutable(), total * factor, warnings);
    }

    /// <summary>
    /// <c>keras.losses.CategoricalFocalCrossentropy(alpha, gamma, from_logits, label_smoothing, reduction)</c>;
    /// formula and edge cases in <see cref="KerasCategoricalFocalCrossEntropy"/>.
    /// </summary>
    /// <param name="yTrue">Target distributions, N×C.</param>
    /// <param name="yPred">Probabilities (rescaled per row, then clipped) or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="alpha">Scalar class weight α ≥ 0 (Keras default 0.25).</param>
    /// <param name="gamma">γ ≥ 0 (Keras default 2).</param>
    /// <param name="classAlpha">One α per class (overrides <paramref name="alpha"/>), or null.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">Moves targets towards uniform.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">One weight ≥ 0 per row, or null.</param>
    /// <param name="classes">Class names, or null.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-row rows, the total, and warnings when rows were rescaled or clipped.</returns>
    /// <exception cref="ArgumentException">As <see cref="CategoricalCrossentropy(double[,], double[,], bool, double, KerasReduction, double[], string[], LogBase)"/>, plus γ or α negative, or classAlpha of the wrong length.</exception>
    public static CategoricalLossReport CategoricalFocalCrossentropy(double[,] yTrue, double[,] yPred, double alpha = 0.25,
        double gamma = 2.0, double[]? classAlpha = null, bool fromLogits = false, double labelSmoothing = 0,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, double[]? sampleWeight = null, string[]? classes = null,
        LogBase logBase = LogBase.E)
    {
        var (truth, predicted, rows, columns) = Flatten(yTrue, yPred);
        var names = ClassNames(classes, columns);
        var losses = new double[rows];
        var total = KerasCategoricalFocalCrossEntropy.Forward<double>(truth, predicted, columns, losses, alpha, gamma, fromLogits,
            labelSmoothing, reduction, sampleWeight, classAlpha);
        var alphaText = classAlpha is null ? Format(alpha) : $"[{string.Join(", ", classAlpha.Select(Format))}]";
        var focal = string.Create(CultureInfo.InvariantCulture, $"alpha={alphaText}, gamma={gamma}, ");
        return CategoricalReport($"Keras CategoricalFocalCrossentropy ({focal}{Options(fromLogits, labelSmoothing, reduction)})",
            truth, predicted, rows, columns, fromLogits, losses, total, reduction, names, logBase);
    }

    private static CategoricalLossReport CategoricalReport(string semantics, double[] truth, double[] predicted, int rows, int columns,
        bool fromLogits, double[] losses, double total, KerasReduction reduction, ImmutableArray<string> names, LogBase logBase)
    {
        var factor = logBase.FromNats();
        var samples = ImmutableArray.CreateBuilder<CategoricalSample>(rows);
        var rescaled = new List<string>();
        var clipped = new List<string>();
        var softTargets = new List<string>();
        double lo = KerasClip.Lower, hi = KerasClip.Upper;
        for (var r = 0; r < rows; r++)
        {
            var y = truth.AsSpan(r * columns, columns);
            var row = predicted.AsSpan(r * columns, columns);
            var distribution = new double[columns];
            if (fromLogits)
                Softmax(row, distribution);
            else
            {
                var sum = KerasCategoricalCrossEntropy.Sum<double>(row);
                if (Math.Abs(sum - 1) > 1e-6) rescaled.Add(string.Create(CultureInfo.InvariantCulture, $"#{r} (sum {sum:G6})"));
                var anyClipped = false;
                for (var c = 0; c < columns; c++)
                {
                    var q = row[c] / sum;
                    distribution[c] = KerasClip.Clip(q, lo, hi);
                    anyClipped |= distribution[c] != q;
                }
                if (anyClipped) clipped.Add(string.Create(CultureInfo.InvariantCulture, $"#{r}"));
            }
            var targetSum = KerasCategoricalCrossEntropy.Sum<double>(y);
            if (Math.Abs(targetSum - 1) > 1e-6) softTargets.Add(string.Create(CultureInfo.InvariantCulture, $"#{r} (sum {targetSum:G6})"));
            var target = ReportBuilding.OneHotClass(y);
            var probabilityOfTruth = 0.0;
            for (var c = 0; c < columns; c++) probabilityOfTruth += y[c] * distribution[c];
            samples.Add(new CategoricalSample(r, target, [.. distribution], probabilityOfTruth, losses[r] * factor));
        }
        // Samples are named by the report's "#" column (0-based), so a warning points at a row of the table below it.
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (rescaled.Count > 0)
            warnings.Add($"yPred {Samples(rescaled)} did not sum to 1: Keras divided each row by its sum before clipping.");
        if (clipped.Count > 0)
            warnings.Add($"yPred {Samples(clipped)} had probabilities outside [1e-7, 1 − 1e-7] after rescaling: clipped (the gradient through them is 0).");
        if (softTargets.Count > 0)
            warnings.Add($"yTrue {Samples(softTargets)} {(softTargets.Count == 1 ? "does" : "do")} not sum to 1: the loss is still Σ y·(−log p), but it is no longer a cross-entropy between distributions.");
        return new CategoricalLossReport(semantics, logBase, reduction.ToReduction(), names, samples.MoveToImmutable(), total * factor, warnings.ToImmutable());
    }

    private static string Samples(List<string> samples) => (samples.Count == 1 ? "sample " : "samples ") + string.Join(", ", samples);

    private static void Softmax(ReadOnlySpan<double> row, Span<double> destination) =>
        Activations.Softmax(row, row.Length, destination);

    private static (double[] Truth, double[] Predicted, int Rows, int Columns) Flatten(double[,] yTrue, double[,] yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yTrue.GetLength(0) != yPred.GetLength(0) || yTrue.GetLength(1) != yPred.GetLength(1))
            throw new ArgumentException(
                $"yTrue is {yTrue.GetLength(0)}×{yTrue.GetLength(1)} but yPred is {yPred.GetLength(0)}×{yPred.GetLength(1)}: expected the same shape (one row per sample, one column per class).", nameof(yTrue));
        return (ReportBuilding.RowMajor(yTrue), ReportBuilding.RowMajor(yPred), yPred.GetLength(0), yPred.GetLength(1));
    }

    private static double[,] Row(double[]? values, string name)
    {
        if (values is null) throw new ArgumentNullException(name, $"{name} is null: expected one value per class.");
        var row = new double[1, values.Length];
        for (var c = 0; c < values.Length; c++) row[0, c] = values[c];
        return row;
    }

    private static ImmutableArray<string> ClassNames(string[]? classes, int columns) =>
        ReportBuilding.Names(classes, columns, nameof(classes), "one per column of yPred");
}

using System.Collections.Immutable;
using System.Globalization;
using CrossEntropy.Internal;
using CrossEntropy.Losses;
using CrossEntropy.Reports;

namespace CrossEntropy;

/// <summary>
/// Notebook-friendly entry points named after the PyTorch modules they reproduce (<c>nn.BCELoss</c>,
/// <c>nn.CrossEntropyLoss</c>, …): arrays in, an immutable report out with one row per sample and the reduced total.
/// A thin layer over the span kernels in <see cref="CrossEntropy.Losses"/>, computed in double precision.
/// </summary>
/// <remarks>
/// The kernels work in nats; <c>logBase</c> only rescales the reported losses (log_b x = ln x / ln b), so
/// <see cref="LogBase.Ten"/> reproduces the base-10 numbers of the source article. Bad input throws an
/// <see cref="ArgumentException"/> naming the argument, the index, the value and what was expected.
/// </remarks>
public static class Torch
{
    /// <summary>
    /// Binary cross-entropy on probabilities, as <c>nn.BCELoss(weight, reduction)(p, y)</c>:
    /// ℓ_i = −w_i·[y_i·max(ln p_i, −100) + (1 − y_i)·max(ln(1 − p_i), −100)], Mean over the samples.
    /// </summary>
    /// <param name="probabilities">Predicted probabilities of class 1, each in [0, 1].</param>
    /// <param name="labels">Targets in [0, 1] (0/1 labels or soft targets), one per probability.</param>
    /// <param name="reduction">Mean (default), Sum, or None (the total is then the sum).</param>
    /// <param name="weight">Optional weight per sample (or a length that divides the sample count, repeated).</param>
    /// <param name="logBase">The base the reported losses are expressed in (nats by default).</param>
    /// <returns>Per-sample rows (label, p, probability of the true class, weighted loss) and the reduced total.</returns>
    /// <exception cref="ArgumentException">Null or empty arrays, mismatched lengths, values outside [0, 1], NaN labels or negative weights.</exception>
    public static BinaryLossReport BCELoss(
        double[] probabilities,
        double[] labels,
        Reduction reduction = Reduction.Mean,
        double[]? weight = null,
        LogBase logBase = LogBase.E)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var factor = logBase.FromNats();
        Guard.NotEmpty<double>(probabilities, nameof(probabilities));
        Guard.SameLength<double, double>(probabilities, nameof(probabilities), labels, nameof(labels));
        Guard.Probabilities<double>(probabilities, nameof(probabilities));
        Guard.Targets<double>(labels, nameof(labels));

        var losses = new double[probabilities.Length];
        var total = BinaryCrossEntropy.Forward<double>(probabilities, labels, losses, weight ?? [], reduction);
        var samples = ImmutableArray.CreateBuilder<BinarySample>(probabilities.Length);
        for (var i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i], y = labels[i];
            samples.Add(new BinarySample(i, y, p, y * p + (1 - y) * (1 - p), losses[i] * factor));
        }
        return new BinaryLossReport("PyTorch BCELoss", logBase, reduction, samples.MoveToImmutable(), total * factor);
    }

    /// <summary>
    /// Binary cross-entropy from logits, as <c>nn.BCEWithLogitsLoss(weight, reduction, pos_weight)(x, y)</c>:
    /// ℓ_i = w_i·[(1 − y_i)·x_i − (1 + (q_i − 1)·y_i)·log σ(x_i)], stable for any logit.
    /// </summary>
    /// <param name="logits">Raw scores, one per sample.</param>
    /// <param name="labels">Targets in [0, 1], one per logit.</param>
    /// <param name="reduction">Mean (default), Sum, or None (the total is then the sum).</param>
    /// <param name="weight">Optional weight per sample (or a length that divides the sample count, repeated).</param>
    /// <param name="posWeight">Optional weight q of the positive term (pos_weight), broadcast the same way.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-sample rows with the logit and its sigmoid filled in, and the reduced total.</returns>
    /// <exception cref="ArgumentException">Null or empty arrays, mismatched lengths, labels outside [0, 1] or NaN, negative weights.</exception>
    public static BinaryLossReport BCEWithLogitsLoss(
        double[] logits,
        double[] labels,
        Reduction reduction = Reduction.Mean,
        double[]? weight = null,
        double[]? posWeight = null,
        LogBase logBase = LogBase.E)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var factor = logBase.FromNats();
        Guard.NotEmpty<double>(logits, nameof(logits));
        Guard.SameLength<double, double>(logits, nameof(logits), labels, nameof(labels));
        Guard.Targets<double>(labels, nameof(labels));

        var losses = new double[logits.Length];
        var total = BinaryCrossEntropyWithLogits.Forward<double>(logits, labels, losses, weight ?? [], posWeight ?? [], reduction);
        var samples = ImmutableArray.CreateBuilder<BinarySample>(logits.Length);
        for (var i = 0; i < logits.Length; i++)
        {
            double x = logits[i], y = labels[i];
            var p = ScalarMath.Sigmoid(x);
            // 1 − σ(x) = σ(−x) keeps its digits when σ(x) rounds to 1.
            samples.Add(new BinarySample(i, y, p, y * p + (1 - y) * ScalarMath.Sigmoid(-x), losses[i] * factor, x));
        }
        return new BinaryLossReport("PyTorch BCEWithLogitsLoss", logBase, reduction, samples.MoveToImmutable(), total * factor);
    }

    /// <summary>
    /// Cross-entropy from logits with class-index targets, as
    /// <c>nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)(X, y)</c>: log-softmax per row, then
    /// ℓ = (1 − ε)·w_t·(−log p_t) + (ε/C)·Σ_c w_c·(−log p_c); Mean divides by Σ w_t over the non-ignored rows.
    /// </summary>
    /// <param name="logits">N×C raw scores, one row per sample.</param>
    /// <param name="targets">The true class of each row, in [0, C), or <paramref name="ignoreIndex"/> to skip the row.</param>
    /// <param name="reduction">Mean (default), Sum, or None (the total is then the sum).</param>
    /// <param name="weight">Optional class weights, one per class.</param>
    /// <param name="ignoreIndex">A target value that marks a row as not counted (PyTorch's default −100).</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="classes">Optional class names, one per column (default "0", "1", …).</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>
    /// One row per sample with the softmax probabilities, the probability of the true class (NaN for an ignored row
    /// whose target is not a class) and the loss (0 when ignored); the total; a warning when every row is ignored.
    /// </returns>
    /// <exception cref="ArgumentException">Null or empty input, a target count that differs from the row count, a class index out of range, wrong class-name or weight counts, negative weights, ε outside [0, 1].</exception>
    public static CategoricalLossReport CrossEntropyLoss(
        double[,] logits,
        int[] targets,
        Reduction reduction = Reduction.Mean,
        double[]? weight = null,
        int ignoreIndex = -100,
        double labelSmoothing = 0,
        string[]? classes = null,
        LogBase logBase = LogBase.E)
    {
        var (flat, rows, columns) = Flatten(logits, nameof(logits));
        ArgumentNullException.ThrowIfNull(targets);
        var factor = logBase.FromNats();
        var names = ClassNames(classes, columns);
        if (targets.Length != rows)
            throw new ArgumentException($"targets has {targets.Length} values but logits has {rows} rows: expected one class index per row.", nameof(targets));

        var losses = new double[rows];
        var total = SoftmaxCrossEntropy.Forward<double>(flat, targets, columns, losses, weight ?? [], ignoreIndex, labelSmoothing, reduction);
        var probabilities = new double[flat.Length];
        Activations.Softmax<double>(flat, columns, probabilities);
        return ClassIndexReport("PyTorch CrossEntropyLoss", probabilities, columns, targets, ignoreIndex, losses, total, factor,
            reduction, names, logBase);
    }

    /// <summary>
    /// Cross-entropy from logits with class-probability targets, as <c>nn.CrossEntropyLoss(weight, reduction,
    /// label_smoothing)(X, Q)</c> with a float target: ℓ = −Σ_c w_c·q_c·log p_c, targets smoothed to q·(1 − ε) + ε/C;
    /// Mean divides by the number of rows even with a weight.
    /// </summary>
    /// <param name="logits">N×C raw scores.</param>
    /// <param name="targetProbabilities">N×C target distributions, values in [0, 1] (rows not summing to 1 are used as given, with a warning).</param>
    /// <param name="reduction">Mean (default), Sum, or None (the total is then the sum).</param>
    /// <param name="weight">Optional class weights, one per class.</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="classes">Optional class names, one per column.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>
    /// One row per sample. A one-hot target row reports its class and the probability of it; any other row reports
    /// target −1 and the expected probability Σ_c q_c·p_c of the true outcome.
    /// </returns>
    /// <exception cref="ArgumentException">Null or empty input, shapes that differ, targets outside [0, 1] or NaN, wrong class-name or weight counts, negative weights, ε outside [0, 1].</exception>
    public static CategoricalLossReport CrossEntropyLoss(
        double[,] logits,
        double[,] targetProbabilities,
        Reduction reduction = Reduction.Mean,
        double[]? weight = null,
        double labelSmoothing = 0,
        string[]? classes = null,
        LogBase logBase = LogBase.E)
    {
        var (flat, rows, columns) = Flatten(logits, nameof(logits));
        ArgumentNullException.ThrowIfNull(targetProbabilities);
        if (targetProbabilities.GetLength(0) != rows || targetProbabilities.GetLength(1) != columns)
            throw new ArgumentException(
                $"targetProbabilities is {targetProbabilities.GetLength(0)}×{targetProbabilities.GetLength(1)} but logits is {rows}×{columns}: expected the same shape.", nameof(targetProbabilities));
        var (targets, _, _) = Flatten(targetProbabilities, nameof(targetProbabilities));
        var factor = logBase.FromNats();
        var names = ClassNames(classes, columns);

        var losses = new double[rows];
        var total = SoftmaxCrossEntropy.Forward<double>(flat, targets, columns, losses, weight ?? [], labelSmoothing, reduction);
        var probabilities = new double[flat.Length];
        Activations.Softmax<double>(flat, columns, probabilities);

        var samples = ImmutableArray.CreateBuilder<CategoricalSample>(rows);
        var warnings = ImmutableArray.CreateBuilder<string>();
        for (var n = 0; n < rows; n++)
        {
            var row = ImmutableArray.Create(probabilities, n * columns, columns);
            var target = targets.AsSpan(n * columns, columns);
            var oneHot = ReportBuilding.OneHotClass(target);
            double expected = 0, mass = 0;
            for (var c = 0; c < columns; c++)
            {
                expected += target[c] * row[c];
                mass += target[c];
            }
            if (Math.Abs(mass - 1) > 1e-6)
                warnings.Add($"targetProbabilities sample #{n} sums to {mass.ToString("G6", CultureInfo.InvariantCulture)}, not 1: used as given, as PyTorch does.");
            samples.Add(new CategoricalSample(n, oneHot, row, oneHot >= 0 ? row[oneHot] : expected, losses[n] * factor));
        }
        return new CategoricalLossReport("PyTorch CrossEntropyLoss (class probabilities)", logBase, reduction, names, samples.MoveToImmutable(), total * factor, warnings.ToImmutable());
    }

    /// <summary>
    /// Negative log-likelihood, as <c>nn.NLLLoss(weight, ignore_index, reduction)(L, y)</c>: ℓ = −w_t·L[t], Mean
    /// divides by Σ w_t over the non-ignored rows. Fed log-probabilities (log-softmax, or the log of given
    /// probabilities) it is the cross-entropy.
    /// </summary>
    /// <param name="logProbabilities">N×C log-probabilities (PyTorch does not check, and neither does this).</param>
    /// <param name="targets">The true class of each row, in [0, C), or <paramref name="ignoreIndex"/>.</param>
    /// <param name="reduction">Mean (default), Sum, or None (the total is then the sum).</param>
    /// <param name="weight">Optional class weights, one per class.</param>
    /// <param name="ignoreIndex">A target value that marks a row as not counted.</param>
    /// <param name="classes">Optional class names, one per column.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>One row per sample with exp of the inputs as its probabilities, and the total.</returns>
    /// <exception cref="ArgumentException">Null or empty input, a target count that differs from the row count, a class index out of range, wrong class-name or weight counts, negative weights.</exception>
    public static CategoricalLossReport NLLLoss(
        double[,] logProbabilities,
        int[] targets,
        Reduction reduction = Reduction.Mean,
        double[]? weight = null,
        int ignoreIndex = -100,
        string[]? classes = null,
        LogBase logBase = LogBase.E)
    {
        var (flat, rows, columns) = Flatten(logProbabilities, nameof(logProbabilities));
        ArgumentNullException.ThrowIfNull(targets);
        var factor = logBase.FromNats();
        var names = ClassNames(classes, columns);
        if (targets.Length != rows)
            throw new ArgumentException($"targets has {targets.Length} values but logProbabilities has {rows} rows: expected one class index per row.", nameof(targets));

        var losses = new double[rows];
        var total = NegativeLogLikelihood.Forward<double>(flat, targets, columns, losses, weight ?? [], ignoreIndex, reduction);
        var probabilities = Array.ConvertAll(flat, Math.Exp);
        return ClassIndexReport("PyTorch NLLLoss", probabilities, columns, targets, ignoreIndex, losses, total, factor,
            reduction, names, logBase);
    }

    /// <summary>Softmax of one vector of scores, as <c>torch.softmax(x, dim=-1)</c>: e.g. 2, 1, −1 → 0.705, 0.259, 0.035.</summary>
    /// <param name="scores">The raw scores (any magnitude).</param>
    /// <param name="labels">Optional names, one per score (default "0", "1", …).</param>
    /// <returns>The scores and their probabilities (summing to 1), labelled.</returns>
    /// <exception cref="ArgumentException">Null or empty scores, or a label count that differs from the score count.</exception>
    public static ProbabilityVector Softmax(double[] scores, string[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Guard.NotEmpty<double>(scores, nameof(scores));
        var names = Labels(labels, scores.Length, nameof(labels));
        var probabilities = new double[scores.Length];
        Activations.Softmax<double>(scores, scores.Length, probabilities);
        return new ProbabilityVector("softmax", names, [.. scores], [.. probabilities]);
    }

    /// <summary>Elementwise sigmoid of scores, as <c>torch.sigmoid(x)</c>: each score becomes an independent probability.</summary>
    /// <param name="scores">The raw scores (any magnitude).</param>
    /// <param name="labels">Optional names, one per score (default "0", "1", …).</param>
    /// <returns>The scores and their probabilities, labelled.</returns>
    /// <exception cref="ArgumentException">Null or empty scores, or a label count that differs from the score count.</exception>
    public static ProbabilityVector Sigmoid(double[] scores, string[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Guard.NotEmpty<double>(scores, nameof(scores));
        var names = Labels(labels, scores.Length, nameof(labels));
        var probabilities = new double[scores.Length];
        Activations.Sigmoid<double>(scores, probabilities);
        return new ProbabilityVector("sigmoid", names, [.. scores], [.. probabilities]);
    }

    private static (double[] Flat, int Rows, int Columns) Flatten(double[,] matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        if (rows == 0 || columns == 0)
            throw new ArgumentException($"{name} is {rows}×{columns}: expected at least one row and one column.", name);
        return (ReportBuilding.RowMajor(matrix), rows, columns);
    }

    /// <summary>
    /// The report shared by the class-index losses: they differ only in how they reach the probabilities, and both
    /// flag ignored rows and warn, as PyTorch's NaN mean would surprise, when nothing at all was counted.
    /// <paramref name="factor"/> comes in already computed because the callers check the log base before anything else.
    /// </summary>
    private static CategoricalLossReport ClassIndexReport(string semantics, double[] probabilities, int columns, int[] targets,
        int ignoreIndex, double[] losses, double total, double factor, Reduction reduction, ImmutableArray<string> names,
        LogBase logBase)
    {
        var rows = targets.Length;
        var samples = ImmutableArray.CreateBuilder<CategoricalSample>(rows);
        var ignored = 0;
        for (var n = 0; n < rows; n++)
        {
            var row = ImmutableArray.Create(probabilities, n * columns, columns);
            var t = targets[n];
            var isIgnored = t == ignoreIndex;
            if (isIgnored) ignored++;
            var trueClass = (uint)t < (uint)columns ? row[t] : double.NaN;
            samples.Add(new CategoricalSample(n, t, row, trueClass, losses[n] * factor, isIgnored));
        }
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (ignored == rows)
            warnings.Add(reduction == Reduction.Mean
                ? $"Every target equals ignoreIndex {ignoreIndex}: the mean is 0/0 = NaN, as in PyTorch."
                : $"Every target equals ignoreIndex {ignoreIndex}: nothing is counted.");
        return new CategoricalLossReport(semantics, logBase, reduction, names, samples.MoveToImmutable(), total * factor, warnings.ToImmutable());
    }

    private static ImmutableArray<string> ClassNames(string[]? classes, int columns) =>
        ReportBuilding.Names(classes, columns, nameof(classes), "one per column");

    private static ImmutableArray<string> Labels(string[]? labels, int count, string name) =>
        ReportBuilding.Names(labels, count, name, "one per column");
}

using System.Collections.Immutable;
using CrossEntropy.Internal;
using CrossEntropy.Reports;

namespace CrossEntropy;

/// <summary>
/// The discrete error of a binary classifier (how many samples land on the wrong side of the threshold) next to
/// the continuous loss of the same predictions (mean binary cross-entropy). The count is a step function of the
/// model's parameters, so it gives no direction to improve in; the loss moves with every small change.
/// </summary>
/// <remarks>
/// <para>A sample is predicted positive when its probability is ≥ the threshold and is misclassified when that
/// prediction differs from its label. The loss is the exact binary cross-entropy in nats,
/// −[y ln p + (1 − y) ln(1 − p)], averaged over the samples, with no clipping: a confident wrong prediction
/// (p = 0 for a positive) gives +∞.</para>
/// </remarks>
public static class ClassificationError
{
    /// <summary>Counts the misclassified samples at <paramref name="threshold"/> and computes the mean BCE of the same predictions.</summary>
    /// <param name="probabilities">The predicted probability of class 1 for each sample, in [0, 1].</param>
    /// <param name="labels">The true class of each sample, 0 or 1.</param>
    /// <param name="threshold">A sample is predicted positive when its probability is ≥ this value (default 0.5).</param>
    /// <returns>The count, the rate, which samples are wrong, and the mean loss with its per-sample terms.</returns>
    /// <exception cref="ArgumentException">Null, empty or mismatched arrays, a label other than 0/1, a probability outside [0, 1], or a threshold outside [0, 1].</exception>
    public static ClassificationErrorReport Evaluate(double[] probabilities, int[] labels, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.NotEmpty<double>(probabilities, nameof(probabilities));
        Guard.SameLength<double, int>(probabilities, nameof(probabilities), labels, nameof(labels));
        Guard.Probabilities<double>(probabilities, nameof(probabilities));
        Guard.BinaryLabels(labels, nameof(labels));
        Guard.InUnitInterval(threshold, nameof(threshold), "a probability threshold");

        var losses = new double[probabilities.Length];
        for (var i = 0; i < losses.Length; i++)
        {
            var p = probabilities[i];
            losses[i] = labels[i] == 1 ? -Math.Log(p) : -ScalarMath.Log1P(-p);
        }
        return Build(probabilities, labels, threshold, losses);
    }

    /// <summary>
    /// Scores 2-D points with the line w₁·x₁ + w₂·x₂ + b, turns each score into a probability with the sigmoid,
    /// and evaluates it as <see cref="Evaluate"/> does. A point exactly on the line has probability 0.5 and is
    /// predicted positive at the default threshold. The loss uses the stable logit form
    /// softplus(z) − y·z, so far-away points never give log(0).
    /// </summary>
    /// <param name="points">One point per row: column 0 is x₁, column 1 is x₂.</param>
    /// <param name="labels">The true class of each point, 0 or 1.</param>
    /// <param name="w1">Weight of x₁.</param>
    /// <param name="w2">Weight of x₂.</param>
    /// <param name="b">The bias.</param>
    /// <param name="threshold">A point is predicted positive when its probability is ≥ this value (default 0.5, i.e. on or above the line).</param>
    /// <returns>The discrete error and the continuous loss of the line on these points.</returns>
    /// <exception cref="ArgumentException">Points without exactly 2 columns, a row count different from the labels, a label other than 0/1, non-finite coordinates or weights.</exception>
    public static ClassificationErrorReport ForLine(double[,] points, int[] labels, double w1, double w2, double b, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (points.GetLength(1) != 2)
            throw new ArgumentException($"points has {points.GetLength(1)} columns: expected 2 (x₁, x₂) per row.", nameof(points));
        if (points.GetLength(0) == 0)
            throw new ArgumentException("points is empty: expected at least one row.", nameof(points));
        if (points.GetLength(0) != labels.Length)
            throw new ArgumentException($"labels has {labels.Length} values but points has {points.GetLength(0)} rows: expected one label per point.", nameof(labels));
        Guard.BinaryLabels(labels, nameof(labels));
        Guard.InUnitInterval(threshold, nameof(threshold), "a probability threshold");
        foreach (var (value, name) in new[] { (w1, nameof(w1)), (w2, nameof(w2)), (b, nameof(b)) })
            if (!double.IsFinite(value))
                throw new ArgumentOutOfRangeException(name, $"{name} = {Guard.Format(value)} is not finite: expected a finite line coefficient.");

        var n = labels.Length;
        var probabilities = new double[n];
        var losses = new double[n];
        for (var i = 0; i < n; i++)
        {
            double x1 = points[i, 0], x2 = points[i, 1];
            if (!double.IsFinite(x1) || !double.IsFinite(x2))
                throw new ArgumentOutOfRangeException(nameof(points), $"points[{i}] = ({Guard.Format(x1)}, {Guard.Format(x2)}) is not finite: expected finite coordinates.");
            var z = w1 * x1 + w2 * x2 + b;
            probabilities[i] = Sigmoid(z);
            losses[i] = Softplus(z) - labels[i] * z;
        }
        return Build(probabilities, labels, threshold, losses);
    }

    private static ClassificationErrorReport Build(double[] probabilities, int[] labels, double threshold, double[] losses)
    {
        var wrong = ImmutableArray.CreateBuilder<int>();
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = probabilities[i] >= threshold ? 1 : 0;
            if (predicted != labels[i]) wrong.Add(i);
            total += losses[i];
        }
        return new ClassificationErrorReport(threshold, wrong.Count, labels.Length, (double)wrong.Count / labels.Length,
            wrong.ToImmutable(), total / labels.Length)
        {
            Labels = [.. labels],
            Probabilities = [.. probabilities],
            Losses = [.. losses],
        };
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Softplus(double z) => Math.Max(z, 0) + ScalarMath.Log1P(Math.Exp(-Math.Abs(z)));
}

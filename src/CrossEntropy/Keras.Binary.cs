using System.Collections.Immutable;
using System.Globalization;
using CrossEntropy.Internal;
using CrossEntropy.Losses;
using CrossEntropy.Reports;

namespace CrossEntropy;

/// <summary>
/// Notebook entry points with Keras 3 semantics (<c>keras.losses.*</c>, TensorFlow backend, float32 clip bounds):
/// arrays in, an immutable report out, computed in double by the span kernels in <see cref="Losses"/>.
/// </summary>
/// <remarks>
/// The log base only rescales the reported numbers; Keras itself works in nats. Binary entry points treat the two
/// arrays as N samples with one output each (shape N×1), so each row of the report is one sample and
/// <see cref="KerasReduction.Sum"/> adds them; Keras given a rank-1 tensor instead averages it to one scalar whatever
/// the reduction (the same number as the default <see cref="KerasReduction.SumOverBatchSize"/> here).
/// </remarks>
public static partial class Keras
{
    /// <summary>
    /// <c>keras.losses.BinaryCrossentropy(from_logits, label_smoothing, reduction)(y_true, y_pred, sample_weight)</c>;
    /// formula and edge cases in <see cref="KerasBinaryCrossEntropy"/>.
    /// </summary>
    /// <param name="yTrue">Labels in [0, 1], one per sample.</param>
    /// <param name="yPred">Probabilities in [0, 1] or, with <paramref name="fromLogits"/>, logits.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">Moves labels towards 0.5: y·(1 − ε) + 0.5·ε.</param>
    /// <param name="reduction">How per-sample losses are combined (default: mean over samples).</param>
    /// <param name="sampleWeight">One weight ≥ 0 per sample, or null.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-sample rows (label, probability after clipping or σ(logit), probability of the true class, loss) and the total.</returns>
    /// <exception cref="ArgumentException">Mismatched or empty arrays, labels or probabilities outside [0, 1], bad weights.</exception>
    public static BinaryLossReport BinaryCrossentropy(double[] yTrue, double[] yPred, bool fromLogits = false,
        double labelSmoothing = 0, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        double[]? sampleWeight = null, LogBase logBase = LogBase.E)
    {
        CheckArrays(yTrue, yPred);
        var losses = new double[yPred.Length];
        var total = KerasBinaryCrossEntropy.Forward<double>(yTrue, yPred, 1, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
        return BinaryReport($"Keras BinaryCrossentropy ({Options(fromLogits, labelSmoothing, reduction)})",
            yTrue, yPred, fromLogits, losses, total, reduction, logBase);
    }

    /// <summary>
    /// <c>keras.losses.BinaryFocalCrossentropy(apply_class_balancing, alpha, gamma, from_logits, label_smoothing, reduction)</c>;
    /// formula and edge cases in <see cref="KerasBinaryFocalCrossEntropy"/>.
    /// </summary>
    /// <param name="yTrue">Labels in [0, 1], one per sample.</param>
    /// <param name="yPred">Probabilities in [0, 1] or, with <paramref name="fromLogits"/>, logits.</param>
    /// <param name="applyClassBalancing">Weight positives by α and negatives by 1 − α.</param>
    /// <param name="alpha">α in [0, 1].</param>
    /// <param name="gamma">γ ≥ 0; larger values down-weight easy samples more (0 gives plain BCE).</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="labelSmoothing">Moves labels towards 0.5.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">One weight ≥ 0 per sample, or null.</param>
    /// <param name="logBase">The base the reported losses are expressed in.</param>
    /// <returns>Per-sample rows and the total.</returns>
    /// <exception cref="ArgumentException">As <see cref="BinaryCrossentropy"/>, plus γ &lt; 0 or α outside [0, 1].</exception>
    public static BinaryLossReport BinaryFocalCrossentropy(double[] yTrue, double[] yPred, bool applyClassBalancing = false,
        double alpha = 0.25, double gamma = 2.0, bool fromLogits = false, double labelSmoothing = 0,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, double[]? sampleWeight = null, LogBase logBase = LogBase.E)
    {
        CheckArrays(yTrue, yPred);
        var losses = new double[yPred.Length];
        var total = KerasBinaryFocalCrossEntropy.Forward<double>(yTrue, yPred, 1, losses, applyClassBalancing, alpha, gamma,
            fromLogits, labelSmoothing, reduction, sampleWeight);
        var focal = string.Create(CultureInfo.InvariantCulture,
            $"gamma={gamma}, alpha={alpha}, apply_class_balancing={(applyClassBalancing ? "True" : "False")}, ");
        return BinaryReport($"Keras BinaryFocalCrossentropy ({focal}{Options(fromLogits, labelSmoothing, reduction)})",
            yTrue, yPred, fromLogits, losses, total, reduction, logBase);
    }

    private static BinaryLossReport BinaryReport(string semantics, double[] yTrue, double[] yPred, bool fromLogits,
        double[] losses, double total, KerasReduction reduction, LogBase logBase)
    {
        var factor = logBase.FromNats();
        var samples = ImmutableArray.CreateBuilder<BinarySample>(yPred.Length);
        var clipped = new List<int>();
        double lo = KerasClip.Lower, hi = KerasClip.Upper;
        for (var i = 0; i < yPred.Length; i++)
        {
            var p = fromLogits ? ScalarMath.Sigmoid(yPred[i]) : KerasClip.Clip(yPred[i], lo, hi);
            if (!fromLogits && p != yPred[i]) clipped.Add(i);
            var y = yTrue[i];
            samples.Add(new BinarySample(i, y, p, y * p + (1 - y) * (1 - p), losses[i] * factor, fromLogits ? yPred[i] : null));
        }
        var warnings = clipped.Count == 0 ? ImmutableArray<string>.Empty :
        [
            $"yPred at {Indices(clipped)} was clipped to [{Format(lo)}, {Format(hi)}] (Keras's float32 [1e-7, 1 − 1e-7]); the gradient through a clipped value is 0.",
        ];
        return new BinaryLossReport(semantics, logBase, reduction.ToReduction(), samples.MoveToImmutable(), total * factor)
        {
            Warnings = warnings,
        };
    }

    private static void CheckArrays(double[]? yTrue, double[]? yPred)
    {
        if (yTrue is null) throw new ArgumentNullException(nameof(yTrue), "yTrue is null: expected an array of labels.");
        if (yPred is null) throw new ArgumentNullException(nameof(yPred), "yPred is null: expected an array of predictions.");
    }

    private static string Options(bool fromLogits, double labelSmoothing, KerasReduction reduction) =>
        string.Create(CultureInfo.InvariantCulture,
            $"from_logits={(fromLogits ? "True" : "False")}, label_smoothing={labelSmoothing}, reduction={reduction.KerasName()}");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Indices(List<int> indices) =>
        indices.Count == 1 ? $"index {indices[0]}"
        : indices.Count <= 8 ? $"indices {string.Join(", ", indices)}"
        : $"indices {string.Join(", ", indices.Take(8))} and {indices.Count - 8} more";
}

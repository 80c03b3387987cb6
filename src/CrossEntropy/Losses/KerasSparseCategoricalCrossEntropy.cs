using System.Numerics;
using CrossEntropy.Internal;

namespace CrossEntropy.Losses;

/// <summary>
/// Keras 3 <c>keras.losses.SparseCategoricalCrossentropy</c> / <c>sparse_categorical_crossentropy</c> as span
/// kernels: cross-entropy with one integer class index per row, optionally ignoring one class value.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> From logits: loss = logsumexp(x) − x_t. From probabilities Keras clips first and normalises
/// after (the opposite order to <see cref="KerasCategoricalCrossEntropy"/>): with c = clip(p) to
/// [1e-7, 1 − 1e-7] in float32, loss = −log(c_t / Σ c) = log Σ c − log c_t.</para>
/// <para><b>ignore_class.</b> Rows whose target equals <c>ignoreClass</c> get loss 0 and gradient 0 and are
/// masked: <see cref="KerasReduction.SumOverBatchSize"/> divides Σ(loss·w) by the number of non-ignored rows,
/// <see cref="KerasReduction.MeanWithSampleWeight"/> by Σ w over non-ignored rows. When every row is ignored the
/// result is 0 (Keras ≥ 3.13, divide_no_nan; tf.keras 2.x gave NaN).</para>
/// <para><b>Shapes.</b> <c>yTrue</c>: N class indices; <c>yPred</c>: N×C; <c>losses</c>: N or empty;
/// <c>sampleWeight</c>: N, 1, or a leading-axis length dividing N; <c>gradient</c>: N×C.</para>
/// <para><b>Gradient</b> (TensorFlow conventions). From logits: softmax(x) − onehot(t). From probabilities:
/// ∂loss/∂p_k = 1/Σc − [k = t]/c_t where 1e-7 ≤ p_k ≤ 1 − 1e-7 (closed interval), 0 strictly outside.
/// Scaled by gradOutput · w / divisor.</para>
/// <para><b>Edge cases.</b> A target outside 0…C−1 that is not the ignore class throws; probabilities must be
/// ≥ 0 (rows need not sum to 1); NaN predictions propagate except in ignored rows.</para>
/// </remarks>
public static class KerasSparseCategoricalCrossEntropy
{
    /// <summary>The reduced loss; per-sample losses (0 for ignored rows) go to <paramref name="losses"/> when not empty.</summary>
    /// <param name="yTrue">One class index per row.</param>
    /// <param name="yPred">Probabilities or, with <paramref name="fromLogits"/>, logits; N×C.</param>
    /// <param name="classes">C.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="ignoreClass">A target value whose rows are masked out, or null.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <returns>The reduced loss (for <see cref="KerasReduction.None"/>: Σ loss·w).</returns>
    public static T Forward<T>(ReadOnlySpan<int> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> losses = default,
        bool fromLogits = false, int? ignoreClass = null, KerasReduction reduction = KerasReduction.SumOverBatchSize,
        ReadOnlySpan<T> sampleWeight = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Sparse(yTrue, yPred, classes, losses, fromLogits, ignoreClass, reduction, sampleWeight);
        var weighted = T.Zero;
        var weightSum = T.Zero;
        var unmasked = 0;
        for (var r = 0; r < rows; r++)
        {
            var ignored = ignoreClass == yTrue[r];
            var loss = ignored ? T.Zero : RowLoss(yTrue[r], yPred.Slice(r * classes, classes), fromLogits);
            if (!losses.IsEmpty) losses[r] = loss;
            if (ignored) continue;
            var w = KerasReducer.Weight(sampleWeight, r, rows);
            weighted += loss * w;
            weightSum += w;
            unmasked++;
        }
        return KerasReducer.Reduce(reduction, weighted, weightSum, unmasked, rows, masked: ignoreClass is not null);
    }

    /// <summary>The reduced loss, and d(Σ output·gradOutput)/d(yPred) written to <paramref name="gradient"/>.</summary>
    /// <param name="yTrue">One class index per row.</param>
    /// <param name="yPred">Probabilities or logits, N×C.</param>
    /// <param name="classes">C.</param>
    /// <param name="gradient">Destination, N×C.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits.</param>
    /// <param name="ignoreClass">A target value whose rows are masked out, or null.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights ≥ 0, or empty.</param>
    /// <param name="gradOutput">Upstream gradient: N values for <see cref="KerasReduction.None"/>, otherwise 1; empty means ones.</param>
    /// <returns>The same value as <see cref="Forward{T}"/>.</returns>
    public static T ForwardBackward<T>(ReadOnlySpan<int> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> gradient,
        Span<T> losses = default, bool fromLogits = false, int? ignoreClass = null,
        KerasReduction reduction = KerasReduction.SumOverBatchSize, ReadOnlySpan<T> sampleWeight = default,
        ReadOnlySpan<T> gradOutput = default) where T : IFloatingPointIeee754<T>
    {
        var rows = KerasArgs.Sparse(yTrue, yPred, classes, losses, fromLogits, ignoreClass, reduction, sampleWeight);
        KerasArgs.Gradient(gradient, yPred.Length, gradOutput, rows, reduction);
        var weightSum = T.Zero;
        var unmasked = 0;
        for (var r = 0; r < rows; r++)
        {
            if (ignoreClass == yTrue[r]) continue;
            weightSum += KerasReducer.Weight(sampleWeight, r, rows);
            unmasked++;
        }
        var masked = ignoreClass is not null;
        var scale = KerasReducer.Scale(reduction, weightSum, unmasked, rows, masked);
        var weighted = T.Zero;
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        for (var r = 0; r < rows; r++)
        {
            var g = gradient.Slice(r * classes, classes);
            if (ignoreClass == yTrue[r])
            {
                g.Clear();
                if (!losses.IsEmpty) losses[r] = T.Zero;
                continue;
            }
            var t = yTrue[r];
            var x = yPred.Slice(r * classes, classes);
            var loss = RowLoss(t, x, fromLogits);
            if (!losses.IsEmpty) losses[r] = loss;
            var w = KerasReducer.Weight(sampleWeight, r, rows);
            weighted += loss * w;
            var factor = KerasReducer.Upstream(gradOutput, r, reduction) * w * scale;
            if (fromLogits)
            {
                var row = RowStatistics<T>.Of(x, 0, classes, 1);
                for (var k = 0; k < classes; k++)
                    g[k] = factor * (T.Exp(row.LogProbability(x[k])) - (k == t ? T.One : T.Zero));
            }
            else
            {
                var inverseSum = T.One / ClippedSum(x, lo, hi);
                var inverseTarget = T.One / KerasClip.Clip(x[t], lo, hi);
                for (var k = 0; k < classes; k++)
                    g[k] = KerasClip.Passes(x[k], lo, hi) ? factor * (inverseSum - (k == t ? inverseTarget : T.Zero)) : T.Zero;
            }
        }
        return KerasReducer.Reduce(reduction, weighted, weightSum, unmasked, rows, masked);
    }

    private static T RowLoss<T>(int target, ReadOnlySpan<T> x, bool fromLogits) where T : IFloatingPointIeee754<T>
    {
        if (fromLogits)
            return -RowStatistics<T>.Of(x, 0, x.Length, 1).LogProbability(x[target]);
        T lo = KerasClip.Lo<T>(), hi = KerasClip.Hi<T>();
        return T.Log(ClippedSum(x, lo, hi)) - T.Log(KerasClip.Clip(x[target], lo, hi));
    }

    private static T ClippedSum<T>(ReadOnlySpan<T> x, T lo, T hi) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        foreach (var v in x) sum += KerasClip.Clip(v, lo, hi);
        return sum;
    }
}

using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// One Keras loss seen a row (one sample) at a time. Implemented by ref structs over the caller's spans, so the
/// per-sample weighting and reduction in <see cref="KerasRowLoop"/> is written once for every unmasked Keras loss.
/// </summary>
internal interface IKerasRowLoss<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>The loss of sample <paramref name="row"/>.</summary>
    T Loss(int row);

    /// <summary>The loss of sample <paramref name="row"/>; d(loss)/d(yPred) times <paramref name="factor"/> goes to <paramref name="gradient"/> (that row's slice).</summary>
    T LossAndGradient(int row, T factor, Span<T> gradient);
}

/// <summary>
/// The sample loop shared by the Keras losses without a mask: record each loss, weight it, reduce; and on the
/// backward pass hand each row its upstream · weight · reduction scale.
/// </summary>
internal static class KerasRowLoop
{
    public static T Forward<T, TLoss>(TLoss loss, int rows, Span<T> losses, KerasReduction reduction, ReadOnlySpan<T> sampleWeight)
        where T : IFloatingPointIeee754<T>
        where TLoss : IKerasRowLoss<T>, allows ref struct
    {
        var weighted = T.Zero;
        for (var r = 0; r < rows; r++)
        {
            var value = loss.Loss(r);
            if (!losses.IsEmpty) losses[r] = value;
            weighted += value * KerasReducer.Weight(sampleWeight, r, rows);
        }
        return KerasReducer.Reduce(reduction, weighted, KerasReducer.WeightSum(sampleWeight, rows), rows, rows, masked: false);
    }

    /// <param name="loss">The row loss.</param>
    /// <param name="rows">N, the number of samples.</param>
    /// <param name="width">The length of one row of <paramref name="gradient"/>.</param>
    /// <param name="gradient">Destination, N × <paramref name="width"/>.</param>
    /// <param name="losses">Destination for the N per-sample losses, or empty.</param>
    /// <param name="reduction">How per-sample losses are combined.</param>
    /// <param name="sampleWeight">Per-sample weights, or empty.</param>
    /// <param name="gradOutput">Upstream gradient, or empty for ones.</param>
    public static T ForwardBackward<T, TLoss>(TLoss loss, int rows, int width, Span<T> gradient, Span<T> losses,
        KerasReduction reduction, ReadOnlySpan<T> sampleWeight, ReadOnlySpan<T> gradOutput)
        where T : IFloatingPointIeee754<T>
        where TLoss : IKerasRowLoss<T>, allows ref struct
    {
        var weightSum = KerasReducer.WeightSum(sampleWeight, rows);
        var scale = KerasReducer.Scale(reduction, weightSum, rows, rows, masked: false);
        var weighted = T.Zero;
        for (var r = 0; r < rows; r++)
        {
            var w = KerasReducer.Weight(sampleWeight, r, rows);
            var value = loss.LossAndGradient(r, KerasReducer.Upstream(gradOutput, r, reduction) * w * scale, gradient.Slice(r * width, width));
            if (!losses.IsEmpty) losses[r] = value;
            weighted += value * w;
        }
        return KerasReducer.Reduce(reduction, weighted, weightSum, rows, rows, masked: false);
    }
}

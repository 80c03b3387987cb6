using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Scalar and per-row pieces the Keras losses need, written so that no logit magnitude overflows:
/// every exponential is of a non-positive number.
/// </summary>
internal static class KerasStableMath
{
    /// <summary>σ(x) = 1 / (1 + e^−x), evaluated through e^−|x| so neither branch overflows.</summary>
    public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x >= T.Zero) return T.One / (T.One + T.Exp(-x));
        var e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>log(1 + e^x) = max(x, 0) + log1p(e^−|x|).</summary>
    public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> =>
        T.Max(x, T.Zero) + T.LogP1(T.Exp(-T.Abs(x)));

    /// <summary>
    /// Σ e^(xᵢ − max) and the row maximum. Callers form logsumexp(x) − x_c as (max − x_c) + log(sum) and
    /// softmax_c as e^(x_c − max) / sum, which keeps full precision when the logits are large (±1e4 in float32
    /// has an ulp of 0.001, so max + log(sum) − x_c would lose three digits). A NaN or an infinite maximum
    /// gives a NaN sum, which then propagates.
    /// </summary>
    public static T SumExp<T>(ReadOnlySpan<T> row, out T max) where T : IFloatingPointIeee754<T>
    {
        max = T.NegativeInfinity;
        foreach (var v in row)
        {
            if (T.IsNaN(v)) { max = T.NaN; return T.NaN; }
            if (v > max) max = v;
        }
        var sum = T.Zero;
        foreach (var v in row) sum += T.Exp(v - max);
        return sum;
    }

    /// <summary>log Σ e^xᵢ with the maximum subtracted first. NaN in, NaN out; all −∞ gives −∞.</summary>
    public static T LogSumExp<T>(ReadOnlySpan<T> row) where T : IFloatingPointIeee754<T>
    {
        var max = T.NegativeInfinity;
        foreach (var v in row)
        {
            if (T.IsNaN(v)) return T.NaN;
            if (v > max) max = v;
        }
        if (T.IsInfinity(max)) return max;
        var sum = T.Zero;
        foreach (var v in row) sum += T.Exp(v - max);
        return max + T.Log(sum);
    }
}

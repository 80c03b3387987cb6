using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Keras 3's weighting, masking and reduction of per-sample losses (keras/src/losses/loss.py), shared by every
/// Keras loss so the divisor rules live in one place. A forward pass accumulates Σ loss·w·mask, Σ w·mask and the
/// unmasked count; a backward pass scales each sample's local gradient by upstream · w · mask · <see cref="Scale"/>.
/// </summary>
internal static class KerasReducer
{
    /// <summary>Sample weight of per-sample loss i: broadcast over trailing axes when fewer weights than losses.</summary>
    public static T Weight<T>(ReadOnlySpan<T> sampleWeight, int i, int count) where T : IFloatingPointIeee754<T> =>
        sampleWeight.IsEmpty ? T.One : sampleWeight[i / (count / sampleWeight.Length)];

    public static T Reduce<T>(KerasReduction reduction, T weightedSum, T weightSum, int unmasked, int count, bool masked)
        where T : IFloatingPointIeee754<T> => reduction switch
        {
            KerasReduction.None or KerasReduction.Sum => weightedSum,
            // Keras divides with divide_no_nan: an all-masked batch or all-zero weights give 0, not NaN.
            KerasReduction.SumOverBatchSize => DivideNoNan(weightedSum, T.CreateChecked(masked ? unmasked : count)),
            KerasReduction.MeanWithSampleWeight => DivideNoNan(weightedSum, weightSum),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction is {(int)reduction}: expected a KerasReduction value."),
        };

    /// <summary>d(reduced loss)/d(loss·w·mask): 1 for sums, 1/divisor for means (0 when the divisor is 0).</summary>
    public static T Scale<T>(KerasReduction reduction, T weightSum, int unmasked, int count, bool masked)
        where T : IFloatingPointIeee754<T> => reduction switch
        {
            KerasReduction.None or KerasReduction.Sum => T.One,
            KerasReduction.SumOverBatchSize => DivideNoNan(T.One, T.CreateChecked(masked ? unmasked : count)),
            KerasReduction.MeanWithSampleWeight => DivideNoNan(T.One, weightSum),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction is {(int)reduction}: expected a KerasReduction value."),
        };

    /// <summary>Σ sample weights over all per-sample losses (the divisor of mean_with_sample_weight without a mask).</summary>
    public static T WeightSum<T>(ReadOnlySpan<T> sampleWeight, int count) where T : IFloatingPointIeee754<T>
    {
        if (sampleWeight.IsEmpty) return T.CreateChecked(count);
        var sum = T.Zero;
        foreach (var w in sampleWeight) sum += w;
        return sum * T.CreateChecked(count / sampleWeight.Length);
    }

    public static T Upstream<T>(ReadOnlySpan<T> gradOutput, int i, KerasReduction reduction) where T : IFloatingPointIeee754<T> =>
        gradOutput.IsEmpty ? T.One : reduction == KerasReduction.None ? gradOutput[i] : gradOutput[0];

    public static void CheckReduction(KerasReduction reduction)
    {
        if (reduction is not (KerasReduction.SumOverBatchSize or KerasReduction.Sum or KerasReduction.None or KerasReduction.MeanWithSampleWeight))
            throw new ArgumentOutOfRangeException(nameof(reduction), $"reduction = {(int)reduction} is not a KerasReduction: expected SumOverBatchSize, Sum, None or MeanWithSampleWeight.");
    }

    private static T DivideNoNan<T>(T x, T y) where T : IFloatingPointIeee754<T> => y == T.Zero ? T.Zero : x / y;
}

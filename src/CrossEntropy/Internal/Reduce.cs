using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>The reduction arithmetic shared by the PyTorch-semantics kernels.</summary>
internal static class Reduce
{
    /// <summary>The upstream gradient of output <paramref name="i"/>: gradOutput[i] for unreduced losses, else its single value or 1.</summary>
    public static T Upstream<T>(ReadOnlySpan<T> gradOutput, int i, Reduction reduction) where T : IFloatingPointIeee754<T>
    {
        if (gradOutput.IsEmpty) return T.One;
        return reduction == Reduction.None ? gradOutput[i] : gradOutput[0];
    }

    /// <summary>Sum for Sum and None, sum / denominator for Mean.</summary>
    public static T Total<T>(T sum, T denominator, Reduction reduction) where T : IFloatingPointIeee754<T> =>
        reduction == Reduction.Mean ? sum / denominator : sum;

    /// <summary>The factor d(total)/d(element loss): 1 / denominator for Mean, 1 otherwise.</summary>
    public static T Scale<T>(T denominator, Reduction reduction) where T : IFloatingPointIeee754<T> =>
        reduction == Reduction.Mean ? T.One / denominator : T.One;
}

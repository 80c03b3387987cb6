using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>The argument checks every Keras span kernel starts with; each returns the number of per-sample losses.</summary>
internal static class KerasArgs
{
    /// <summary>Binary losses: y_true and y_pred of the same N×D shape, mean over the last axis of length D.</summary>
    public static int Binary<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int lastAxis, Span<T> losses,
        bool fromLogits, double labelSmoothing, KerasReduction reduction, ReadOnlySpan<T> sampleWeight)
        where T : IFloatingPointIeee754<T>
    {
        var rows = Paired(yTrue, yPred, lastAxis, nameof(lastAxis));
        if (!fromLogits) Guard.Probabilities(yPred, nameof(yPred));
        Common(rows, losses, labelSmoothing, reduction, sampleWeight);
        return rows;
    }

    /// <summary>Categorical losses: y_true and y_pred of the same N×C shape; probabilities may be unnormalised but not negative.</summary>
    public static int Categorical<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> losses,
        bool fromLogits, double labelSmoothing, KerasReduction reduction, ReadOnlySpan<T> sampleWeight)
        where T : IFloatingPointIeee754<T>
    {
        var rows = Paired(yTrue, yPred, classes, nameof(classes));
        if (!fromLogits)
        {
            Guard.NonNegativePredictions(yPred, nameof(yPred));
            for (var r = 0; r < rows; r++)
            {
                var sum = T.Zero;
                foreach (var v in yPred.Slice(r * classes, classes)) sum += v;
                Guard.PositiveRowSum(sum, r, nameof(yPred));
            }
        }
        Common(rows, losses, labelSmoothing, reduction, sampleWeight);
        return rows;
    }

    /// <summary>Sparse losses: one class index per row of y_pred.</summary>
    public static int Sparse<T>(ReadOnlySpan<int> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> losses,
        bool fromLogits, int? ignoreClass, KerasReduction reduction, ReadOnlySpan<T> sampleWeight)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(yPred, nameof(yPred));
        var rows = Guard.WholeRows(yPred, classes, nameof(yPred), nameof(classes));
        if (yTrue.Length != rows)
            throw new ArgumentException($"yTrue has {yTrue.Length} class indices but yPred has {rows} rows of {classes} classes: expected one index per row.", nameof(yTrue));
        Guard.ClassIndicesOrIgnored(yTrue, classes, ignoreClass, nameof(yTrue));
        if (!fromLogits) Guard.NonNegativePredictions(yPred, nameof(yPred));
        Common(rows, losses, 0, reduction, sampleWeight);
        return rows;
    }

    public static void Gradient<T>(Span<T> gradient, int length, ReadOnlySpan<T> gradOutput, int rows, KerasReduction reduction)
    {
        Guard.DestinationLength(gradient, length, nameof(gradient));
        Guard.GradOutput(gradOutput, rows, reduction != KerasReduction.None, nameof(gradOutput));
    }

    public static void Focal(double gamma, double alpha)
    {
        Guard.NonNegativeFinite(gamma, nameof(gamma), "a focusing exponent");
        Guard.InUnitInterval(alpha, nameof(alpha), "a class-balancing weight");
    }

    /// <summary>The shape and target checks of the losses whose y_true has y_pred's shape; returns the row count.</summary>
    private static int Paired<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int width, string widthName)
        where T : IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(yPred, nameof(yPred));
        Guard.SameLength(yPred, nameof(yPred), yTrue, nameof(yTrue));
        var rows = Guard.WholeRows(yPred, width, nameof(yPred), widthName);
        Guard.Targets(yTrue, nameof(yTrue));
        return rows;
    }

    private static void Common<T>(int rows, Span<T> losses, double labelSmoothing, KerasReduction reduction, ReadOnlySpan<T> sampleWeight)
        where T : IFloatingPointIeee754<T>
    {
        if (!losses.IsEmpty)
            Guard.DestinationLength(losses, rows, nameof(losses));
        Guard.InUnitInterval(labelSmoothing, nameof(labelSmoothing), "a label-smoothing factor");
        KerasReducer.CheckReduction(reduction);
        Guard.SampleWeight(sampleWeight, rows, nameof(sampleWeight));
    }
}

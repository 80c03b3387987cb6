using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// The two numbers every softmax-based loss needs from a row of logits: its maximum and
/// log Σ exp(x − max). A "row" here is the C class scores of one position, which for
/// K-dimensional inputs (N, C, d1, …) are <c>stride</c> = d1·d2·… elements apart.
/// </summary>
internal readonly struct RowStatistics<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>The row maximum (NaN when the row holds a NaN).</summary>
    public readonly T Max;

    /// <summary>log Σ_c exp(x_c − Max), in [0, log C] for finite rows.</summary>
    public readonly T LogSum;

    private RowStatistics(T max, T logSum)
    {
        Max = max;
        LogSum = logSum;
    }

    /// <summary>log softmax of element x: kept as (x − max) − logSum so that large equal logits lose no digits.</summary>
    public T LogProbability(T x) => (x - Max) - LogSum;

    public static RowStatistics<T> Of(ReadOnlySpan<T> x, int start, int classes, int stride)
    {
        var max = T.NegativeInfinity;
        for (int c = 0, i = start; c < classes; c++, i += stride)
        {
            var v = x[i];
            if (T.IsNaN(v)) { max = v; break; }
            if (v > max) max = v;
        }

        var sum = T.Zero;
        for (int c = 0, i = start; c < classes; c++, i += stride)
            sum += T.Exp(x[i] - max);
        return new RowStatistics<T>(max, T.Log(sum));
    }
}

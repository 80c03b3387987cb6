using System.Collections.Immutable;
using System.Numerics;
using CrossEntropy.Internal;
using CrossEntropy.Reports;

namespace CrossEntropy;

/// <summary>
/// Entropy, cross-entropy and Kullback–Leibler divergence of discrete distributions, in nats, bits or base 10.
/// </summary>
/// <remarks>
/// <para>For a true distribution p and a predicted distribution q over the same K outcomes:</para>
/// <para>H(p) = −Σₖ pₖ log pₖ, H(p, q) = −Σₖ pₖ log qₖ, KL(p‖q) = Σₖ pₖ log(pₖ / qₖ) = H(p, q) − H(p).</para>
/// <para>Conventions: 0 · log 0 = 0 (an outcome that never happens contributes nothing, whatever q says);
/// qₖ = 0 where pₖ &gt; 0 gives +∞ for H(p, q) and KL(p‖q). Both inputs must be distributions: values in
/// [0, 1] summing to 1 (within a tolerance of about 1e-6). A NaN in either input propagates to the result.</para>
/// <para>The logarithms are natural inside; the result is multiplied once by 1 / ln b for another base b.</para>
/// </remarks>
public static class Information
{
    /// <summary>The entropy H(p) = −Σ p log p: the average surprise of outcomes drawn from p.</summary>
    /// <param name="p">A probability distribution (values in [0, 1], sum 1).</param>
    /// <param name="logBase">The base of the logarithm (nats by default).</param>
    /// <returns>H(p) ≥ 0; 0 for a certain outcome, log K for K equally likely outcomes.</returns>
    /// <exception cref="ArgumentException">p is empty, has a value outside [0, 1], or does not sum to 1.</exception>
    public static T Entropy<T>(ReadOnlySpan<T> p, LogBase logBase = LogBase.E) where T : IFloatingPointIeee754<T>
    {
        Guard.Distribution(p, nameof(p));
        var sum = T.Zero;
        for (var i = 0; i < p.Length; i++)
            sum -= XLogY(p[i], p[i]);
        return sum * Factor<T>(logBase);
    }

    /// <summary>The cross-entropy H(p, q) = −Σ p log q: the average surprise when outcomes drawn from p are coded with q.</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The predicted distribution, same length as <paramref name="p"/>.</param>
    /// <param name="logBase">The base of the logarithm (nats by default).</param>
    /// <returns>H(p, q) ≥ H(p) ≥ 0; +∞ when q gives probability 0 to an outcome p can produce.</returns>
    /// <exception cref="ArgumentException">Empty inputs, different lengths, or an input that is not a distribution.</exception>
    public static T CrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = LogBase.E) where T : IFloatingPointIeee754<T>
    {
        CheckPair(p, q);
        var sum = T.Zero;
        for (var i = 0; i < p.Length; i++)
            sum -= XLogY(p[i], q[i]);
        return sum * Factor<T>(logBase);
    }

    /// <summary>The Kullback–Leibler divergence KL(p‖q) = Σ p log(p / q): the extra surprise paid for using q instead of p.</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The predicted distribution, same length as <paramref name="p"/>.</param>
    /// <param name="logBase">The base of the logarithm (nats by default).</param>
    /// <returns>KL(p‖q) ≥ 0, 0 exactly when q = p; +∞ when q gives probability 0 to an outcome p can produce.</returns>
    /// <exception cref="ArgumentException">Empty inputs, different lengths, or an input that is not a distribution.</exception>
    public static T KLDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = LogBase.E) where T : IFloatingPointIeee754<T>
    {
        CheckPair(p, q);
        var sum = T.Zero;
        for (var i = 0; i < p.Length; i++)
        {
            // Each term p·(log p − log q) is computed as one logarithm of a ratio only when both are positive,
            // so that tiny p and q that agree give exactly 0 rather than a difference of two large logs.
            var pi = p[i];
            var qi = q[i];
            if (T.IsNaN(pi) || T.IsNaN(qi)) return T.NaN;
            if (pi == T.Zero) continue;
            sum += qi == T.Zero ? T.PositiveInfinity : pi * T.Log(pi / qi);
        }
        return sum * Factor<T>(logBase);
    }

    /// <summary>H(p) for a double array (see <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase)"/>).</summary>
    /// <param name="p">A probability distribution.</param>
    /// <param name="logBase">The base of the logarithm.</param>
    /// <returns>The entropy.</returns>
    public static double Entropy(double[] p, LogBase logBase = LogBase.E) => Entropy<double>(NotNull(p, nameof(p)), logBase);

    /// <summary>H(p, q) for double arrays (see <see cref="CrossEntropy{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, LogBase)"/>).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The predicted distribution.</param>
    /// <param name="logBase">The base of the logarithm.</param>
    /// <returns>The cross-entropy.</returns>
    public static double CrossEntropy(double[] p, double[] q, LogBase logBase = LogBase.E) =>
        CrossEntropy<double>(NotNull(p, nameof(p)), NotNull(q, nameof(q)), logBase);

    /// <summary>KL(p‖q) for double arrays (see <see cref="KLDivergence{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, LogBase)"/>).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The predicted distribution.</param>
    /// <param name="logBase">The base of the logarithm.</param>
    /// <returns>The divergence.</returns>
    public static double KLDivergence(double[] p, double[] q, LogBase logBase = LogBase.E) =>
        KLDivergence<double>(NotNull(p, nameof(p)), NotNull(q, nameof(q)), logBase);

    /// <summary>
    /// Entropy, cross-entropy and KL divergence together, for a notebook table. Without <paramref name="q"/>
    /// only the entropy is computed and the other two are NaN.
    /// </summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The predicted distribution, or null.</param>
    /// <param name="logBase">The base of the logarithms.</param>
    /// <returns>An immutable report holding copies of both distributions and the three quantities.</returns>
    public static InformationReport Report(double[] p, double[]? q = null, LogBase logBase = LogBase.E)
    {
        var entropy = Entropy(p, logBase);
        if (q is null)
            return new InformationReport(logBase, [.. p], [], entropy, double.NaN, double.NaN);
        return new InformationReport(logBase, [.. p], [.. q], entropy, CrossEntropy(p, q, logBase), KLDivergence(p, q, logBase));
    }

    /// <summary>
    /// The entropy of a coin that lands heads with probability p: H(p) = −p log p − (1 − p) log(1 − p).
    /// 0 at p = 0 and p = 1, largest (1 bit, ln 2 nats) at p = 0.5.
    /// </summary>
    /// <param name="p">The probability of heads, in [0, 1].</param>
    /// <param name="logBase">The base of the logarithm (nats by default).</param>
    /// <returns>The binary entropy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">p is NaN or outside [0, 1].</exception>
    public static double BinaryEntropy(double p, LogBase logBase = LogBase.E)
    {
        Guard.InUnitInterval(p, nameof(p), "a probability");
        // Subtracting from +0 rather than negating keeps a certain coin at +0, not −0 (which prints as "-0").
        return (0.0 - (XLogY(p, p) + XLogY(1 - p, 1 - p))) * logBase.FromNats();
    }

    /// <summary>x · ln y with the information-theory convention 0 · ln y = 0 (even for y = 0).</summary>
    internal static T XLogY<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(x) || T.IsNaN(y)) return T.NaN;
        return x == T.Zero ? T.Zero : x * T.Log(y);
    }

    private static void CheckPair<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) where T : IFloatingPointIeee754<T>
    {
        Guard.Distribution(p, nameof(p));
        Guard.SameLength(p, nameof(p), q, nameof(q));
        Guard.Distribution(q, nameof(q));
    }

    private static T Factor<T>(LogBase logBase) where T : IFloatingPointIeee754<T> => T.CreateChecked(logBase.FromNats());

    private static double[] NotNull(double[]? values, string name) => values ?? throw new ArgumentNullException(name, $"{name} is null: expected an array of probabilities.");
}

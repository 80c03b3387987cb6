using CsCheck;

namespace CrossEntropy.Tests.InformationTheory;

using Info = CrossEntropy.Information;

public class InformationProperties
{
    /// <summary>Random distributions of 1–12 outcomes, some with exact zeros (to exercise 0·log 0).</summary>
    private static Gen<double[]> Distribution(int length) =>
        Gen.Frequency((3, Gen.Double[1e-6, 1.0]), (1, Gen.Const(0.0))).Array[length]
            .Where(v => v.Sum() > 0)
            .Select(v => { var s = v.Sum(); return v.Select(x => x / s).ToArray(); });

    private static readonly Gen<(double[] P, double[] Q)> Pairs =
        Gen.Int[1, 12].SelectMany(k => Gen.Select(Distribution(k), Distribution(k)));

    [Fact]
    public void Cross_entropy_equals_entropy_plus_KL_divergence()
    {
        Pairs.Sample((p, q) =>
        {
            var ce = Info.CrossEntropy(p, q);
            var sum = Info.Entropy(p) + Info.KLDivergence(p, q);
            if (double.IsPositiveInfinity(ce)) Assert.Equal(double.PositiveInfinity, sum);
            else Assert.True(Math.Abs(ce - sum) <= 1e-12 * Math.Max(1, ce), $"CE {ce:R} vs H + KL {sum:R}");
        }, iter: 2000);
    }

    [Fact]
    public void Cross_entropy_and_KL_divergence_are_never_negative()
    {
        Pairs.Sample((p, q) =>
        {
            Assert.True(Info.CrossEntropy(p, q) >= 0);
            Assert.True(Info.KLDivergence(p, q) >= -1e-15, $"KL = {Info.KLDivergence(p, q):R}");
            Assert.True(Info.Entropy(p) >= 0);
        }, iter: 2000);
    }

    [Fact]
    public void Cross_entropy_is_at_least_the_entropy_and_equal_when_q_is_p()
    {
        Gen.Int[1, 12].SelectMany(Distribution).Sample(p =>
        {
            Assert.Equal(Info.Entropy(p), Info.CrossEntropy(p, p), tolerance: 1e-12); // a tolerance: rounding to places flips at boundaries
            Assert.Equal(0.0, Info.KLDivergence(p, p), tolerance: 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void Changing_the_log_base_only_rescales()
    {
        Pairs.Sample((p, q) =>
        {
            var nats = Info.CrossEntropy(p, q);
            if (double.IsInfinity(nats)) return;
            Assert.Equal(nats / Math.Log(2), Info.CrossEntropy(p, q, LogBase.Two), tolerance: 1e-10);
            Assert.Equal(nats / Math.Log(10), Info.CrossEntropy(p, q, LogBase.Ten), tolerance: 1e-10);
        }, iter: 1000);
    }
}

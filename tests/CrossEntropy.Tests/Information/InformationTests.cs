namespace CrossEntropy.Tests.InformationTheory;

using Info = CrossEntropy.Information;

public class InformationTests
{
    [Fact]
    public void Entropy_of_a_fair_coin_is_one_bit_and_ln2_nats()
    {
        double[] coin = [0.5, 0.5];
        Assert.Equal(1.0, Info.Entropy(coin, LogBase.Two), 15);
        Assert.Equal(Math.Log(2), Info.Entropy(coin), 15);
        Assert.Equal(Math.Log10(2), Info.Entropy(coin, LogBase.Ten), 15);
    }

    [Fact]
    public void Entropy_of_a_certain_outcome_is_zero_because_0_log_0_is_0()
    {
        Assert.Equal(0.0, Info.Entropy([0.0, 1.0, 0.0]));
        Assert.Equal(0f, Info.Entropy<float>([0f, 1f]));
    }

    [Fact]
    public void Entropy_of_k_equal_outcomes_is_log_k()
    {
        double[] uniform = [0.25, 0.25, 0.25, 0.25];
        Assert.Equal(2.0, Info.Entropy(uniform, LogBase.Two), 14);
    }

    [Fact]
    public void Cross_entropy_of_one_hot_truth_is_minus_log_of_the_predicted_probability()
    {
        // container A of the fruit example: the fruit is an orange, predicted with 0.7
        Assert.Equal(-Math.Log(0.7), Info.CrossEntropy([1.0, 0.0, 0.0], [0.7, 0.2, 0.1]), 15);
        Assert.Equal(-Math.Log10(0.7), Info.CrossEntropy([1.0, 0.0, 0.0], [0.7, 0.2, 0.1], LogBase.Ten), 15);
    }

    [Fact]
    public void Cross_entropy_is_infinite_when_the_prediction_rules_out_what_happens()
    {
        Assert.Equal(double.PositiveInfinity, Info.CrossEntropy([0.5, 0.5], [1.0, 0.0]));
        Assert.Equal(double.PositiveInfinity, Info.KLDivergence([0.5, 0.5], [1.0, 0.0]));
    }

    [Fact]
    public void A_zero_prediction_where_the_truth_is_zero_costs_nothing()
    {
        Assert.Equal(-Math.Log(0.5), Info.CrossEntropy([0.0, 1.0], [0.5, 0.5]), 15);
        Assert.Equal(0.0, Info.KLDivergence([0.0, 1.0], [0.0, 1.0]));
    }

    [Fact]
    public void KL_divergence_is_zero_for_identical_distributions_and_matches_a_hand_computation()
    {
        Assert.Equal(0.0, Info.KLDivergence([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]));
        var expected = 0.5 * Math.Log(0.5 / 0.9) + 0.5 * Math.Log(0.5 / 0.1);
        Assert.Equal(expected, Info.KLDivergence([0.5, 0.5], [0.9, 0.1]), 15);
    }

    [Fact]
    public void Float_and_double_agree()
    {
        float[] p = [0.1f, 0.6f, 0.3f];
        float[] q = [0.3f, 0.3f, 0.4f];
        double[] pd = Array.ConvertAll(p, v => (double)v);
        double[] qd = Array.ConvertAll(q, v => (double)v);
        Assert.Equal(Info.CrossEntropy<double>(pd, qd), Info.CrossEntropy<float>(p, q), 5);
        Assert.Equal(Info.KLDivergence<double>(pd, qd), Info.KLDivergence<float>(p, q), 5);
        Assert.Equal(Info.Entropy<double>(pd), Info.Entropy<float>(p), 5);
    }

    [Fact]
    public void NaN_in_the_prediction_propagates()
    {
        Assert.True(double.IsNaN(Info.CrossEntropy([0.5, 0.5], [double.NaN, 0.5])));
        Assert.True(double.IsNaN(Info.KLDivergence([0.5, 0.5], [double.NaN, 0.5])));
    }

    [Fact]
    public void Report_holds_all_three_quantities_and_the_identity_between_them()
    {
        var report = Info.Report([0.25, 0.75], [0.5, 0.5], LogBase.Two);
        Assert.Equal(LogBase.Two, report.LogBase);
        Assert.Equal(new[] { 0.25, 0.75 }, report.P.ToArray());
        Assert.Equal(new[] { 0.5, 0.5 }, report.Q.ToArray());
        Assert.Equal(1.0, report.CrossEntropy, 15);
        Assert.Equal(report.CrossEntropy, report.Entropy + report.KlDivergence, 14);
    }

    [Fact]
    public void Report_without_q_has_only_the_entropy()
    {
        var report = Info.Report([0.5, 0.5]);
        Assert.Equal(Math.Log(2), report.Entropy, 15);
        Assert.True(report.Q.IsEmpty);
        Assert.True(double.IsNaN(report.CrossEntropy));
        Assert.True(double.IsNaN(report.KlDivergence));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0)]
    public void Binary_entropy_in_bits_at_the_ends_and_the_middle(double p, double bits)
    {
        Assert.Equal(bits, Info.BinaryEntropy(p, LogBase.Two), 15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Binary_entropy_of_a_certain_coin_is_positive_zero_not_negative_zero(double p)
    {
        var h = Info.BinaryEntropy(p, LogBase.Two);
        Assert.Equal(0.0, h);
        Assert.False(double.IsNegative(h), "a certain coin should print as 0, not -0");
    }

    [Fact]
    public void Binary_entropy_is_symmetric_and_matches_the_two_outcome_entropy()
    {
        Assert.Equal(Info.BinaryEntropy(0.2), Info.BinaryEntropy(0.8), 15);
        Assert.Equal(Info.Entropy([0.2, 0.8]), Info.BinaryEntropy(0.2), 15);
    }
}

namespace CrossEntropy.Tests.InformationTheory;

public class LikelihoodTests
{
    [Fact]
    public void Product_multiplies_the_probabilities_of_what_happened()
    {
        Assert.Equal(0.5 * 0.25 * 0.8, Likelihood.Product([0.5, 0.25, 0.8]), 15);
    }

    [Fact]
    public void Product_of_many_small_probabilities_underflows_but_the_log_sum_does_not()
    {
        var probabilities = Enumerable.Repeat(0.01, 200).ToArray();
        Assert.Equal(0.0, Likelihood.Product(probabilities));
        Assert.Equal(400.0, Likelihood.NegativeLogSum(probabilities, LogBase.Ten), 10);
    }

    [Fact]
    public void Negative_log_sum_is_infinite_when_something_predicted_impossible_happened()
    {
        Assert.Equal(double.PositiveInfinity, Likelihood.NegativeLogSum([0.5, 0.0]));
    }

    [Fact]
    public void OfOutcomes_takes_p_for_ones_and_one_minus_p_for_zeros()
    {
        var p = Likelihood.OfOutcomes([1, 0, 0, 1], [0.9, 0.2, 0.6, 0.3]);
        Assert.Equal(0.9, p[0], 15);
        Assert.Equal(0.8, p[1], 15);
        Assert.Equal(0.4, p[2], 15);
        Assert.Equal(0.3, p[3], 15);
    }

    [Fact]
    public void Compare_ranks_models_by_likelihood_and_cross_entropy_consistently()
    {
        var comparison = Likelihood.Compare(LogBase.E, ("good", [0.9, 0.8]), ("poor", [0.5, 0.4]));
        var good = comparison.Models[0];
        var poor = comparison.Models[1];
        Assert.Equal("good", good.Name);
        Assert.True(good.Product > poor.Product);
        Assert.True(good.CrossEntropy < poor.CrossEntropy);
        Assert.Equal(-Math.Log(0.72), good.CrossEntropy, 14);
        Assert.Equal(good.CrossEntropy / 2, good.MeanCrossEntropy, 15);
        Assert.Equal(-good.CrossEntropy, good.LogLikelihood, 15);
        Assert.Equal(Math.Log(good.Product), good.LogLikelihood, 14);
    }

    [Fact]
    public void Compare_with_no_models_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Likelihood.Compare(LogBase.E));
        Assert.Contains("models is empty", ex.Message);
    }

    [Fact]
    public void Compare_names_the_model_whose_probability_is_invalid()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Likelihood.Compare(LogBase.E, ("A", [0.5]), ("B", [0.5, 1.5])));
        Assert.Contains("models[1] (B) probabilities[1] = 1.5 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void Product_rejects_an_empty_list()
    {
        var ex = Assert.Throws<ArgumentException>(() => Likelihood.Product([]));
        Assert.Contains("probabilities is empty", ex.Message);
    }

    [Fact]
    public void OfOutcomes_rejects_an_outcome_that_is_not_0_or_1()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Likelihood.OfOutcomes([1, 2], [0.5, 0.5]));
        Assert.Contains("outcomes[1] = 2 is not a class: expected 0 or 1", ex.Message);
    }

    [Fact]
    public void OfOutcomes_rejects_mismatched_lengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Likelihood.OfOutcomes([1, 0, 1], [0.5, 0.5]));
        Assert.Contains("outcomes has 3 values but probabilityOfOne has 2", ex.Message);
    }
}

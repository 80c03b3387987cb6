namespace CrossEntropy.Tests.InformationTheory;

using Info = CrossEntropy.Information;

public class InformationBadInputTests
{
    [Fact]
    public void Empty_distribution_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Info.Entropy(Array.Empty<double>()));
        Assert.Contains("p is empty", ex.Message);
    }

    [Fact]
    public void Distributions_of_different_lengths_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Info.CrossEntropy([0.5, 0.5], [0.2, 0.3, 0.5]));
        Assert.Contains("q has 3 values but p has 2", ex.Message);
    }

    [Fact]
    public void A_probability_above_one_names_its_index_and_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Info.KLDivergence([0.5, 0.5], [1.5, -0.5]));
        Assert.Contains("q[0] = 1.5 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void A_negative_probability_names_its_index_and_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Info.Entropy([1.25, -0.25]));
        Assert.Contains("p[0] = 1.25", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => Info.Entropy([0.5, -0.25, 0.75]));
        Assert.Contains("p[1] = -0.25", ex.Message);
    }

    [Fact]
    public void A_distribution_that_does_not_sum_to_one_says_so_and_how_to_fix_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => Info.Entropy([0.7, 0.3, 0.4]));
        Assert.Contains("p sums to 1.4", ex.Message);
        Assert.Contains("divide by the sum", ex.Message);
    }

    [Fact]
    public void Binary_entropy_rejects_a_probability_outside_the_unit_interval()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Info.BinaryEntropy(1.2));
        Assert.Contains("p = 1.2 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void Null_array_is_rejected_with_its_name()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Info.Entropy((double[])null!));
        Assert.Equal("p", ex.ParamName);
    }
}

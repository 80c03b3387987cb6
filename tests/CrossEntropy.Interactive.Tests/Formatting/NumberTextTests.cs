using System.Globalization;
using CrossEntropy.Interactive.Formatting;
using CsCheck;

namespace CrossEntropy.Interactive.Tests.Formatting;

public class NumberTextTests
{
    [Theory]
    [InlineData(0.22314355131420976, "0.2231")]
    [InlineData(0.5, "0.5000")]
    [InlineData(1, "1.0000")]
    [InlineData(2.0757207139381182, "2.0757")]
    [InlineData(9.99994, "9.9999")]
    [InlineData(9.99996, "10.000")]
    [InlineData(0.99996, "1.0000")]
    [InlineData(123.456, "123.46")]
    [InlineData(99999.6, "100000")]
    [InlineData(999999.6, "1.000e+6")]
    [InlineData(0.0084, "0.008400")]
    [InlineData(0.0000123, "1.230e-5")]
    [InlineData(12345678, "1.235e+7")]
    [InlineData(-0.5194, "-0.5194")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    public void Short_keeps_four_significant_digits_below_one_and_four_decimals_above(double value, string expected) =>
        Assert.Equal(expected, NumberText.Short(value));

    [Fact]
    public void Short_is_within_half_a_unit_of_the_fourth_digit_for_any_finite_number()
    {
        Gen.Double[-1e12, 1e12].Where(d => d != 0).Sample(x =>
        {
            var back = double.Parse(NumberText.Short(x), CultureInfo.InvariantCulture);
            return Math.Abs(back - x) <= Math.Abs(x) * 5.0001e-4;
        }, iter: 5000);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(0, "0")]
    [InlineData(0.9, "0.9000")]   // a smoothed label keeps Short's digits
    [InlineData(0.05, "0.05000")]
    [InlineData(1.5, "1.5000")]
    public void Label_writes_hard_labels_as_integers_and_soft_ones_as_Short_does(double value, string expected) =>
        Assert.Equal(expected, NumberText.Label(value));

    [Fact]
    public void Exact_round_trips()
    {
        Gen.Double.Where(double.IsFinite).Sample(x => double.Parse(NumberText.Exact(x), CultureInfo.InvariantCulture) == x, iter: 5000);
    }
}

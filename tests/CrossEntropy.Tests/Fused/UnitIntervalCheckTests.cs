using CrossEntropy.Internal;

namespace CrossEntropy.Tests.Fused;

public class UnitIntervalCheckTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-1e-30f)]
    [InlineData(1.0000001f)]
    [InlineData(float.PositiveInfinity)]
    public void A_single_bad_value_is_found_at_every_position_of_every_length(float bad)
    {
        // Lengths cover the vector body and the scalar tail at any vector width.
        for (var length = 1; length <= 70; length++)
        {
            var values = Enumerable.Range(0, length).Select(i => (float)(i % 3) / 2f).ToArray(); // 0, 0.5, 1
            Assert.True(Guard.AllInUnitInterval<float>(values));
            Assert.True(Guard.AllInUnitInterval<double>(Array.ConvertAll(values, v => (double)v)));
            for (var at = 0; at < length; at++)
            {
                var copy = (float[])values.Clone();
                copy[at] = bad;
                Assert.False(Guard.AllInUnitInterval<float>(copy), $"length {length}, bad value at {at}");
                Assert.False(Guard.AllInUnitInterval<double>(Array.ConvertAll(copy, v => (double)v)), $"double, length {length}, at {at}");
            }
        }
    }

    [Fact]
    public void Negative_zero_and_the_bounds_themselves_are_inside()
    {
        Assert.True(Guard.AllInUnitInterval<float>([-0f, 0f, 1f, 1f, 0.25f, -0f, 1f, 0f, 0f, 1f, 0.5f, 0.75f, 1f, 0f, 0f, 0f, 1f]));
    }
}

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

    [Theory]
    [InlineData(0)]
    [InlineData(16_383)]
    [InlineData(500_000)]
    [InlineData(1_000_002)]
    public void Above_the_parallel_threshold_a_bad_value_in_any_block_is_found(int at)
    {
        // 1 000 003 values: 62 whole blocks of 16 384 and a partial one, checked on several threads.
        var values = new float[1_000_003];
        for (var i = 0; i < values.Length; i++) values[i] = (i % 5) / 4f;
        Assert.True(Guard.AllInUnitInterval<float>(values));
        values[at] = float.NaN;
        Assert.False(Guard.AllInUnitInterval<float>(values), $"NaN at {at}");
        values[at] = -0.5f;
        Assert.False(Guard.AllInUnitInterval<float>(values), $"-0.5 at {at}");
        Assert.False(Guard.AllInUnitInterval<double>(Array.ConvertAll(values, v => (double)v)), $"double, -0.5 at {at}");
    }
}

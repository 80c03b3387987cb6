namespace CrossEntropy.Tests;

public class LogBaseTests
{
    [Theory]
    [InlineData(LogBase.E, Math.E)]
    [InlineData(LogBase.Two, 2.0)]
    [InlineData(LogBase.Ten, 10.0)]
    public void FromNats_turns_a_natural_log_into_the_base(LogBase logBase, double b)
    {
        Assert.Equal(1.0, Math.Log(b) * logBase.FromNats(), 14);
    }

    [Fact]
    public void Units_name_the_base()
    {
        Assert.Equal("bits", LogBase.Two.Unit());
        Assert.Equal("nats", LogBase.E.Unit());
        Assert.Equal("hartleys", LogBase.Ten.Unit());
    }
}

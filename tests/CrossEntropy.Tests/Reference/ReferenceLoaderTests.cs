namespace CrossEntropy.Tests.Reference;

public class ReferenceLoaderTests
{
    [Theory]
    [InlineData("torch_activations", 13)]
    [InlineData("torch_bce", 20)]
    [InlineData("torch_cross_entropy", 33)]
    [InlineData("torch_nll_kl", 18)]
    [InlineData("torch_article", 10)]
    [InlineData("keras_losses", 49)]
    [InlineData("seed_article", 8)]
    public void Every_reference_file_loads_with_the_documented_case_count(string file, int count)
    {
        var cases = ReferenceCases.Load(file);
        Assert.Equal(count, cases.Count);
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c.Id)));
    }
}

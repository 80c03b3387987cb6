using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Course;

/// <summary>The expectation checks themselves, on the fixture chapters (so they are known to catch mistakes).</summary>
public sealed class ExpectationCheckTests
{
    private static string FixtureExpectations(string name) => Path.Combine(RepoPaths.Fixtures, "expectations", name + ".json");

    [Theory]
    [InlineData("01-fixture-basics")]
    [InlineData("02-fixture-chart")]
    [InlineData("03-fixture-command")]
    public async Task A_fixture_chapter_meets_its_expectations(string name)
    {
        var run = await NotebookCheck.RunAsync(Path.Combine(RepoPaths.Fixtures, "course", name + ".ipynb"));

        Assert.Empty(NotebookCheck.Problems(run, NumberExpectations.Load(FixtureExpectations(name))));
    }

    [Fact]
    public async Task A_number_missing_from_the_outputs_is_reported()
    {
        var run = await NotebookCheck.RunAsync(Path.Combine(RepoPaths.Fixtures, "course", "01-fixture-basics.ipynb"));
        var expected = NumberExpectations.Load(FixtureExpectations("01-fixture-basics")).Append(new ExpectedNumber(0.4580, 0.0005, "BCE of the article's inputs")).ToList();

        var problem = Assert.Single(NotebookCheck.Problems(run, expected));

        Assert.Equal("expected 0.458 ± 0.0005 (BCE of the article's inputs) not found in any output", problem);
    }

    [Fact]
    public async Task A_prose_number_without_an_expectation_is_reported()
    {
        var run = await NotebookCheck.RunAsync(Path.Combine(RepoPaths.Fixtures, "course", "01-fixture-basics.ipynb"));
        var expected = NumberExpectations.Load(FixtureExpectations("01-fixture-basics")).Where(e => e.Label != "smallest probability").ToList();

        var problem = Assert.Single(NotebookCheck.Problems(run, expected));

        Assert.StartsWith("the prose quotes 0.035,", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The largest is 0.705, then 0.259 and 0.035.", new[] { 0.705, 0.259, 0.035 })]
    [InlineData("Products 0.0084 vs 0.3024; sums 2.0757 and -1.0757.", new[] { 0.0084, 0.3024, 2.0757, -1.0757 })]
    [InlineData("Step 0.1, a factor 0.64, version 10.0.100 and 4.1.2 are not quoted values.", new double[0])]
    public void Prose_numbers_are_decimals_with_at_least_three_digits_after_the_point(string prose, double[] expected) =>
        Assert.Equal(expected, NumberExpectations.ProseNumbers([prose]).Select(p => p.Value));

    [Fact]
    public void Output_numbers_include_integers_decimals_and_exponents() =>
        Assert.Equal([3, 0.705, -1.5e-05, 2], NumberExpectations.NumbersIn(["row 3: 0.705 (-1.5e-05)", "total 2"]));

    [Fact]
    public void A_notebook_without_an_expectations_file_fails_with_the_file_to_create()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => NotebookCheck.RequireExpectations("09-new-chapter.ipynb", Path.Combine(RepoPaths.Fixtures, "expectations")));

        Assert.Contains("create tests/CrossEntropy.Notebooks.Tests/Expectations/09-new-chapter.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixture_expectations_file_is_found()
    {
        var path = NotebookCheck.RequireExpectations("01-fixture-basics.ipynb", Path.Combine(RepoPaths.Fixtures, "expectations"));

        Assert.Equal(3, NumberExpectations.Load(path).Count);
    }
}

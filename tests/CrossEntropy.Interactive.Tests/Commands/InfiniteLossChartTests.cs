using CrossEntropy.Interactive.Commands;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Commands;

public class InfiniteLossChartTests
{
    // Valid lines whose loss is infinite: the table still shows, the chart is replaced by a one-line warning.
    [Theory]
    [InlineData("#!cross-entropy compare --models \"A: 0 1; B: 1 1\" --chart", typeof(ModelComparison), "the loss of model 'A' is infinite", "1e-9")]
    [InlineData("#!cross-entropy categorical --labels \"1\" --logits \"1e308 -1e308\" --chart", typeof(CategoricalLossReport), "the loss of sample #0 is infinite", "scale the logits down")]
    public void An_infinite_loss_keeps_the_table_and_explains_the_missing_chart(string line, Type table, string problem, string fix)
    {
        var result = CrossEntropyCommand.Execute(line);

        Assert.True(result.Succeeded, result.Error);
        Assert.IsType(table, Assert.Single(result.Values));
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("no chart: ", warning, StringComparison.Ordinal);
        Assert.Contains(problem, warning, StringComparison.Ordinal);
        Assert.Contains(fix, warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void A_finite_loss_still_gets_its_chart()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy compare --models \"A: 1e-300 1; B: 1 1\" --chart");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Values.Count);
        Assert.Empty(result.Warnings);
    }
}

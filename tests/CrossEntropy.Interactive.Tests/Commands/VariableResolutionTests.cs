using CrossEntropy.Interactive.Commands;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Commands;

public class VariableResolutionTests
{
    private static CommandResult Run(string line) => CrossEntropyCommand.Execute(line, TestVariables.Resolver);

    [Theory]
    [InlineData("--labels labels --probabilities probs")]
    [InlineData("--labels labelText --probabilities floats")]
    [InlineData("--labels \"0 0 1 1\" --probabilities probs")]
    public void Unquoted_names_read_notebook_variables_with_the_same_result_as_literals(string options)
    {
        var literal = Assert.IsType<BinaryLossReport>(Run("#!cross-entropy binary --labels \"0 0 1 1\" --probabilities \"0.2 0.4 0.7 0.9\"").Values[0]);
        var result = Run($"#!cross-entropy binary {options}");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(literal.Total, Assert.IsType<BinaryLossReport>(result.Values[0]).Total, 6); // floats carry float rounding
    }

    [Fact]
    public void A_quoted_name_is_literal_text_not_a_variable()
    {
        var result = Run("#!cross-entropy binary --labels \"labels\" --probabilities probs");
        Assert.False(result.Succeeded);
        Assert.Contains("'labels' (value 1 of --labels) is not a number", result.Error);
    }

    [Theory]
    [InlineData("fruitTable")]
    [InlineData("fruitJagged")]
    public void Rows_come_from_rectangular_or_jagged_arrays(string variable)
    {
        var result = Run($"#!cross-entropy categorical --classes fruitClasses --labels fruitIndices --logits {variable}");
        Assert.True(result.Succeeded, result.Error);
        var report = Assert.IsType<CategoricalLossReport>(result.Values[0]);
        Assert.Equal([0, 2, 2], report.Samples.Select(s => s.Target));
        Assert.Equal(["orange", "apple", "lemon"], report.Classes.ToArray());
    }

    [Fact]
    public void String_lists_of_labels_are_matched_to_class_names()
    {
        var result = Run("#!cross-entropy categorical --classes fruitClasses --labels fruitLabels --logits fruitTable");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([0, 2, 2], Assert.IsType<CategoricalLossReport>(result.Values[0]).Samples.Select(s => s.Target));
    }

    [Theory]
    [InlineData("models")]
    [InlineData("modelTuples")]
    public void Models_come_from_a_dictionary_or_tuples(string variable)
    {
        var result = Run($"#!cross-entropy compare --models {variable} --log-base 10");
        Assert.True(result.Succeeded, result.Error);
        var comparison = Assert.IsType<ModelComparison>(result.Values[0]);
        Assert.Equal(0.5194, comparison.Models.Single(m => m.Name == "B").CrossEntropy, 4);
    }

    [Fact]
    public void Without_a_resolver_every_name_is_unknown()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy softmax --scores probs");
        Assert.Contains("Unknown variable probs", result.Error);
    }
}

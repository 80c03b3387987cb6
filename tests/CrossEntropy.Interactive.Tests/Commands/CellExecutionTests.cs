using CrossEntropy.Interactive.Commands;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Commands;

/// <summary>The kernel path: each handler call gets the whole cell and must run its own line.</summary>
public class CellExecutionTests
{
    private const string Cell = """
        var probs = new[] { 0.2, 0.4, 0.7, 0.9 };
        #!cross-entropy softmax --scores "2 1 -1"
          #!cross-entropy sigmoid --scores "0"
        #!cross-entropy binary --labels "0 0 1 1" --probabilities probs
        Console.WriteLine("done");
        """;

    [Fact]
    public void Successive_calls_for_one_cell_run_its_directive_lines_in_order()
    {
        var cell = new object();
        var resolver = VariableResolver.FromFunc(name => name == "probs" ? (true, new[] { 0.2, 0.4, 0.7, 0.9 }) : (false, null));

        var first = CrossEntropyCommand.ExecuteInCell(cell, Cell, resolver);
        var second = CrossEntropyCommand.ExecuteInCell(cell, Cell, resolver);
        var third = CrossEntropyCommand.ExecuteInCell(cell, Cell, resolver);

        Assert.Equal("softmax", Assert.IsType<ProbabilityVector>(first.Values[0]).Activation);
        Assert.IsType<BinaryLossReport>(second.Values[0]); // the indented line is C# to the kernel, not a directive
        Assert.False(third.Succeeded);
        Assert.Contains("no #!cross-entropy line", third.Error);
    }

    [Fact]
    public void A_rerun_of_the_cell_starts_again_at_the_first_line()
    {
        var firstRun = CrossEntropyCommand.ExecuteInCell(new object(), Cell);
        var secondRun = CrossEntropyCommand.ExecuteInCell(new object(), Cell);
        Assert.IsType<ProbabilityVector>(firstRun.Values[0]);
        Assert.IsType<ProbabilityVector>(secondRun.Values[0]);
    }

    [Fact]
    public void Windows_line_endings_are_handled()
    {
        var result = CrossEntropyCommand.ExecuteInCell(new object(), "x();\r\n#!cross-entropy sigmoid --scores \"0\"\r\ny();");
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public void A_command_without_a_cell_fails_with_a_clear_message()
    {
        var result = CrossEntropyCommand.ExecuteInCell(null, null);
        Assert.Contains("did not come from a notebook cell", result.Error);
        Assert.Contains("Usage:", result.Error);
    }

    [Fact]
    public void Directive_lines_are_those_at_column_zero()
    {
        Assert.Equal(
            ["#!cross-entropy softmax --scores \"2 1 -1\"", "#!cross-entropy binary --labels \"0 0 1 1\" --probabilities probs"],
            CellDirectiveCursor.DirectiveLines(Cell));
    }
}

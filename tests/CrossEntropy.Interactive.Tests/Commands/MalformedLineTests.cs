using CrossEntropy.Interactive.Commands;
using CrossEntropy.Interactive.Commands.Catalog;

namespace CrossEntropy.Interactive.Tests.Commands;

public class MalformedLineTests
{
    private const string B = "#!cross-entropy binary";
    private const string C = "#!cross-entropy categorical";
    private const string Fruit = "--classes \"orange apple lemon\"";
    private const string FruitRows = "--probabilities \"0.7 0.2 0.1; 0.3 0.4 0.3; 0.1 0.5 0.4\"";

    // line → a fragment of the expected one-line message.
    public static TheoryData<string, string> Lines => new()
    {
        // the directive and subcommand
        { "#!cross-entropy nosuch", "Unknown subcommand 'nosuch'" },
        { "#!cross-entropy Binary", "case-sensitive: write binary" },
        { "#!cross-entropy --help", "DNI103" },
        { "#!cross-entropy --labels 1 binary", "comes before the subcommand" },
        { "   #!cross-entropy binary", "indented" },
        { "#!cross-entropyy", "Unknown directive" },
        // quoting
        { $"{B} --labels '1 0' --probabilities \"0.5 0.5\"", "single quotes" },
        { $"{B} --labels \"1 0", "never closed" },
        { $"{B} --labels \"1 0\"\"0.5 0.5\"", "glued to the closing quote" },
        { $"{B} --labels [1,0] --probabilities \"0.5 0.5\"", "unquoted JSON array" },
        { $"{B} --labels \"1 \\\"0\\\"\"", "backslash" },
        { $"{B} --labels @csharp:labels", "kernel value reference" },
        { $"{B} --labels=\"1 0\"", "uses '='" },
        // options
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --bogus 3", "unknown option '--bogus'" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --Chart", "case-sensitive: write --chart" },
        { $"{B} --label \"1 0\" --probabilities \"0.5 0.5\"", "did you mean --labels?" },
        { $"{B} -labels \"1 0\" --probabilities \"0.5 0.5\"", "two dashes: --labels" },
        { $"{B} --labels \"1 0\" --labels \"0 1\" --probabilities \"0.5 0.5\"", "--labels is given twice" },
        { $"{B} --labels --probabilities \"0.5 0.5\"", "--labels has no value" },
        { $"{B} --labels \"1 0\" --probabilities", "--probabilities has no value" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --chart yes", "follows --chart, which takes no value" },
        { $"{B} --labels 1 0 --probabilities \"0.5 0.5\"", "second value after --labels" },
        { "#!cross-entropy softmax --scores 2 -1", "reads as an option, not a negative number" },
        { $"{B} \"1 0\"", "a value with no option name" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --log-base 3", "--log-base '3' is not one of e, 2, 10" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --log-base E", "write --log-base e" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --reduction avg", "--reduction 'avg' is not one of mean, sum, none" },
        // binary values
        { $"{B} --probabilities \"0.5 0.5\"", "--labels is missing" },
        { $"{B} --labels \"1 0\"", "--probabilities (or --logits) is missing" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 0.5\" --logits \"1 2\"", "both --probabilities and --logits" },
        { $"{B} --labels \"1 0 1\" --probabilities \"0.5 0.5\"", "--probabilities has 2 values but --labels has 3" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 abc\"", "'abc' (value 2 of --probabilities) is not a number" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 1.5\"", "value 2 of --probabilities is 1.5, outside [0, 1]" },
        { $"{B} --labels \"1 2\" --probabilities \"0.5 0.5\"", "value 2 of --labels is 2, outside [0, 1]" },
        { $"{B} --labels \"\" --probabilities \"0.5 0.5\"", "--labels is empty" },
        { $"{B} --labels \"1,,0\" --probabilities \"0.5 0.5\"", "empty entry" },
        { $"{B} --labels \"1 0\" --probabilities \"0.5 NaN\"", "not a finite number" },
        { $"{B} --labels \"1 0\" --probabilities \"[0.5 0.5]\"", "leave out brackets" },
        { $"{B} --labels \"1 0\" --probabilities \"0,5 0,5\"", "has 4 values but --labels has 2" },
        // categorical values
        { $"{C} {Fruit} --labels \"orange pear lemon\" {FruitRows}", "label 'pear' (value 2 of --labels) is not among the classes" },
        { $"{C} --labels \"orange lemon lemon\" {FruitRows}", "without --classes the labels are class indices" },
        { $"{C} {Fruit} --labels \"orange lemon\" {FruitRows}", "has 3 rows but --labels has 2 labels" },
        { $"{C} {Fruit} --labels \"0 2 2\" --probabilities \"0.7 0.2 0.1; 0.3 0.4; 0.1 0.5 0.4\"", "row 2 of --probabilities has 2 values but row 1 has 3" },
        { $"{C} --classes \"orange apple\" --labels \"0 1 1\" {FruitRows}", "rows have 3 values but --classes names 2 classes" },
        { $"{C} --classes \"a a b\" --labels \"0 1 1\" {FruitRows}", "--classes names 'a' twice" },
        { $"{C} {Fruit} --labels \"0 2 2\" --probabilities \"0.7 0.2 0.1;; 0.1 0.5 0.4\"", "row 2 of --probabilities is empty" },
        { $"{C} {Fruit} --labels \"0 2 2\" --probabilities \"0.7 0.2 1.1; 0.3 0.4 0.3; 0.1 0.5 0.4\"", "outside [0, 1]" },
        { $"{C} {Fruit} --labels \"0 2 2\" --probabilities \"0 0 0; 0.3 0.4 0.3; 0.1 0.5 0.4\"", "sums to 0" },
        { $"{C} {Fruit} --labels \"0 2 2\"", "--probabilities (or --logits) is missing" },
        { $"{C} --labels \"0 1\" --probabilities \"1; 1\"", "single value" },
        { $"{C} {Fruit} --labels \"0 5 2\" {FruitRows}", "label '5'" },
        // softmax / sigmoid
        { "#!cross-entropy softmax", "--scores is missing" },
        { "#!cross-entropy softmax --scores \"2 1 -1\" --classes \"blue green\"", "--classes names 2 classes but --scores has 3 values" },
        { "#!cross-entropy sigmoid --scores \"\"", "--scores is empty" },
        { "#!cross-entropy sigmoid --scores \"1 two\"", "'two' (value 2 of --scores) is not a number" },
        // compare
        { "#!cross-entropy compare", "--models is missing" },
        { "#!cross-entropy compare --models \"0.1 0.7\"", "has no name" },
        { "#!cross-entropy compare --models \"A: 0.1 0.7; B: 0.8\"", "model B has 1 value but model A has 2" },
        { "#!cross-entropy compare --models \"A: 0.1 0.7; A: 0.8 0.6\"", "names 'A' twice" },
        { "#!cross-entropy compare --models \"A: 0.1 1.7\"", "value 2 of model A is 1.7" },
        { "#!cross-entropy compare --models \"A:\"", "has no probabilities" },
        { "#!cross-entropy compare --models \"A: 0.1;\"", "model 2 of --models is empty" },
        // entropy / curve / help
        { "#!cross-entropy entropy --q \"0.5 0.5\"", "--p is missing" },
        { "#!cross-entropy entropy --p \"0.5 0.5\" --q \"1 0 0\"", "--q has 3 values but --p has 2" },
        { "#!cross-entropy entropy --p \"0 0\"", "--p sums to 0" },
        { "#!cross-entropy curve --labels \"1 0\"", "--labels is given without --probabilities" },
        { "#!cross-entropy help nosuch", "no subcommand 'nosuch' to explain" },
        { "#!cross-entropy help binary softmax", "second topic" },
        // variables
        { $"{B} --labels missing --probabilities probs", "unknown variable missing" },
        { $"{B} --labels labels --probabilities thing", "variable thing is a Uri" },
        { $"{B} --labels labels --probabilities nothing", "variable nothing is null" },
        { $"{B} --labels labels --probabilities fruitTable", "variable fruitTable is a double[,] (a table)" },
        { $"{B} --labels labels --probabilities mixed", "holds string 'x' at index 1, not a number" },
        { $"{B} --labels labels --probabilities withNaN", "holds NaN at index 1" },
        { $"{B} --labels flags --probabilities probs", "variable flags (bool[]) holds bool 'true' at index 0, not a number" },
        { $"{B} --labels gaps --probabilities probs", "variable gaps (object[]) holds null at index 1, not a number" },
        { $"{B} --labels count --probabilities probs", "variable count is an int, which --labels cannot read" },
        { $"{B} --labels labels --probabilities boom", "reading variable boom failed: InvalidOperationException: kernel went away" },
        { $"{B} --labels labels --probabilities empty", "--probabilities is empty" },
        { $"{C} {Fruit} --labels fruitLabels --probabilities ragged", "row 2 of variable ragged has 1 value but row 1 has 2" },
        { $"{C} {Fruit} --labels fruitLabels --probabilities cube", "variable cube is a double[,,]" },
        { "#!cross-entropy compare --models probs", "holds double, not a (name, probabilities) pair" },
        { "#!cross-entropy curve --labels \"1 0\" --probabilities halves", "value 2 of --probabilities is 1.5" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Each_malformed_line_yields_one_line_with_the_problem_a_hint_and_the_usage(string line, string fragment)
    {
        var result = CrossEntropyCommand.Execute(line, TestVariables.Resolver);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Values);
        var error = Assert.IsType<string>(result.Error);
        Assert.Contains(fragment, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.Contains(" Hint: ", error);
        // The problem is a sentence of its own, also when it ends with a parenthesis: "… (DNI106). Hint: …".
        Assert.Contains(error[error.IndexOf(" Hint: ", StringComparison.Ordinal) - 1], ".?!");
        var usage = error[(error.IndexOf(" Usage: ", StringComparison.Ordinal) + 8)..];
        Assert.Contains(usage, CommandCatalog.Subcommands.Select(s => s.Usage).Append(CommandCatalog.DirectiveUsage));
    }

    [Fact]
    public void The_table_has_at_least_fifty_lines() => Assert.True(Lines.Count >= 50, $"only {Lines.Count} malformed lines");

    [Fact]
    public void The_usage_line_is_the_failing_subcommands()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy softmax --scores \"2 x\"");
        Assert.EndsWith(CommandCatalog.Find("softmax")!.Usage, result.Error!);
        Assert.StartsWith("#!cross-entropy softmax: ", result.Error);
    }

    [Fact]
    public void The_next_command_still_works_after_a_failure()
    {
        Assert.False(CrossEntropyCommand.Execute("#!cross-entropy softmax --scores \"2 x\"").Succeeded);
        Assert.True(CrossEntropyCommand.Execute("#!cross-entropy softmax --scores \"2 1 -1\"").Succeeded);
    }
}

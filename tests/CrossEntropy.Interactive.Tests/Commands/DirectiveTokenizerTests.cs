using CrossEntropy.Interactive.Commands.Syntax;

namespace CrossEntropy.Interactive.Tests.Commands;

public class DirectiveTokenizerTests
{
    // line → subcommand and arguments rendered as name=value (quoted values in «»; no value as name).
    public static TheoryData<string, string> Accepted => new()
    {
        { "#!cross-entropy", "(none)" },
        { "#!cross-entropy   ", "(none)" },
        { "#!cross-entropy\r\n", "(none)" },
        { "#!cross-entropy binary", "binary" },
        { "#!cross-entropy\tbinary", "binary" },
        { "#!cross-entropy binary --labels \"1 0 1 1\" --probabilities \"0.8 0.4 0.7 0.9\"", "binary --labels=«1 0 1 1» --probabilities=«0.8 0.4 0.7 0.9»" },
        { "#!cross-entropy binary --labels 1,0,1", "binary --labels=1,0,1" },
        { "#!cross-entropy binary --labels    \"1  0\"   ", "binary --labels=«1  0»" },
        { "#!cross-entropy softmax --scores -1", "softmax --scores=-1" },
        { "#!cross-entropy softmax --scores -1,2", "softmax --scores=-1,2" },
        { "#!cross-entropy softmax --scores \"2 1 -1\" --chart", "softmax --scores=«2 1 -1» --chart" },
        { "#!cross-entropy softmax --chart --scores x", "softmax --chart --scores=x" },
        { "#!cross-entropy binary --labels --probabilities p", "binary --labels --probabilities=p" },
        { "#!cross-entropy binary --labels", "binary --labels" },
        { "#!cross-entropy binary --labels \"\"", "binary --labels=«»" },
        { "#!cross-entropy binary --labels \"[0.8,0.4]\"", "binary --labels=«[0.8,0.4]»" },
        { "#!cross-entropy binary --labels \"it's\"", "binary --labels=«it's»" },
        { "#!cross-entropy binary --Labels x", "binary --Labels=x" },
        { "#!cross-entropy binary --bogus 1 --labels 2", "binary --bogus=1 --labels=2" },
        { "#!cross-entropy binary --chart --bogus 1", "binary --chart --bogus 1(bare)" },
        { "#!cross-entropy help binary", "help binary(bare)" },
        { "#!cross-entropy binary --labels a --labels b", "binary --labels=a --labels=b" },
        { "#!cross-entropy compare --models \"A: 0.1 0.7; B: 0.8 0.6\"", "compare --models=«A: 0.1 0.7; B: 0.8 0.6»" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_lines_tokenize_like_the_kernel_binds_them(string line, string expected)
    {
        Assert.True(DirectiveTokenizer.TryTokenize(line, out var syntax, out var error), error);
        Assert.Equal(expected, Render(syntax!));
    }

    // line → a fragment the one-line error must contain.
    public static TheoryData<string, string> Rejected => new()
    {
        { "", "does not start with #!cross-entropy" },
        { "#!csharp", "does not start with #!cross-entropy" },
        { "  #!cross-entropy binary", "indented" },
        { "#!cross-entropyx binary", "Unknown directive" },
        { "#!cross-entropy --help", "DNI103" },
        { "#!cross-entropy --labels \"1\" binary", "DNI107" },
        { "#!cross-entropy BINARY --labels 1", "case-sensitive: write binary" },
        { "#!cross-entropy nosuch", "Unknown subcommand 'nosuch'" },
        { "#!cross-entropy binary-x", "Unknown subcommand 'binary-x'" },
        { "#!cross-entropy \"binary\"", "Unknown subcommand" },
        { "#!cross-entropy binary --labels '1 0 1'", "single quotes" },
        { "#!cross-entropy binary --labels it's", "single quote" },
        { "#!cross-entropy binary --labels \"say \\\"hi\\\"\"", "backslash" },
        { "#!cross-entropy binary --labels \"1\t0\"", "tab inside quotes" },
        { "#!cross-entropy binary --labels \"1 0", "never closed" },
        { "#!cross-entropy binary --labels \"1 0\"x", "glued to the closing quote" },
        { "#!cross-entropy binary --labels [1,0]", "unquoted JSON array" },
        { "#!cross-entropy binary --labels {\"a\":1}", "unquoted JSON object" },
        { "#!cross-entropy binary --labels @csharp:labels", "write the variable name alone (e.g. labels)" },
        { "#!cross-entropy binary --labels 1\"0", "double quote inside an unquoted value" },
        { "#!cross-entropy binary --labels=1,0", "uses '='" },
        { "#!cross-entropy binary --labels\"1 0\"", "contains a quote" },
        { "#!cross-entropy binary\n--labels 1", "line break" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_lines_fail_with_a_one_line_reason(string line, string fragment)
    {
        Assert.False(DirectiveTokenizer.TryTokenize(line, out var syntax, out var error));
        Assert.Null(syntax);
        Assert.Contains(fragment, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error!);
        Assert.Contains("Hint:", error);
        Assert.Contains("Usage:", error);
    }

    [Theory]
    [InlineData("#!cross-entropy", true)]
    [InlineData("#!cross-entropy binary", true)]
    [InlineData("#!cross-entropy\tbinary", true)]
    [InlineData("#!cross-entropy\r\n", true)]
    [InlineData("#!cross-entropyx", false)]
    [InlineData(" #!cross-entropy", false)]
    [InlineData("#!csharp", false)]
    [InlineData("var x = 1; // #!cross-entropy", false)]
    public void Directive_lines_are_recognised_only_at_column_zero(string line, bool expected) =>
        Assert.Equal(expected, DirectiveTokenizer.IsDirectiveLine(line));

    [Fact]
    public void Values_keep_their_column_for_messages()
    {
        Assert.True(DirectiveTokenizer.TryTokenize("#!cross-entropy sigmoid --scores 1", out var syntax, out _));
        Assert.Equal(24, syntax!.Arguments[0].Column);
    }

    private static string Render(DirectiveSyntax syntax)
    {
        var parts = new List<string> { syntax.Subcommand ?? "(none)" };
        foreach (var a in syntax.Arguments)
        {
            var value = a.Value is null ? null : a.Style == ValueStyle.Quoted ? $"«{a.Value}»" : a.Value;
            parts.Add(a.Name is null ? $"{a.Value}(bare)" : value is null ? a.Name : $"{a.Name}={value}");
        }

        return string.Join(' ', parts);
    }
}

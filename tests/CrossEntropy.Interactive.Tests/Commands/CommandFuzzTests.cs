using CrossEntropy.Interactive.Commands;
using CrossEntropy.Interactive.Commands.Catalog;
using CsCheck;

namespace CrossEntropy.Interactive.Tests.Commands;

public class CommandFuzzTests
{
    private static readonly Gen<string> s_word = Gen.OneOf<string>(
        Gen.OneOf<string>(CommandCatalog.Subcommands.Select(s => s.Name).ToArray()),
        Gen.OneOf<string>(CommandCatalog.Subcommands.SelectMany(s => s.Options).Select(o => o.Name).Distinct().ToArray()),
        Gen.OneOf<string>("--help", "--bogus", "-1", "--", "-", "=", "e", "2", "10", "mean", "sum", "none", "BINARY", "--Labels"),
        Gen.OneOf<string>(TestVariables.Values.Keys.Append("boom").Append("missing").ToArray()),
        Gen.OneOf<string>("\"1 0 1 1\"", "\"0.8 0.4 0.7 0.9\"", "\"0.7 0.2 0.1; 0.3 0.4 0.3\"", "\"A: 0.1 0.7; B: 0.8 0.6\"", "\"orange apple lemon\"",
            "\"\"", "\"", "'", "'1 0'", "[1,0]", "{\"a\":1}", "@csharp:probs", "\\\"", "1,0,1", "1,,0", ";", ":", "\"[0.5]\"", "NaN", "1e400", "-0"),
        Gen.Double.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String[Gen.Char["01.-, ;:\"'[]{}@\\=\tabc"], 0, 12],
        Gen.String);

    private static readonly Gen<string> s_line = Gen.Select(
        Gen.OneOf<string>("#!cross-entropy", "#!cross-entropy ", "#!cross-entropy\t", " #!cross-entropy ", "#!cross-entropyx ", ""),
        s_word.Array[0, 10],
        Gen.OneOf<string>(" ", "  ", "\t", ""),
        (start, words, separator) => start + string.Join(separator.Length == 0 ? " " : separator, words));

    // Well-formed structure (a subcommand, then its own options with plausible values) reaches the binders.
    private static readonly Gen<string> s_value = Gen.OneOf<string>(
        Gen.OneOf<string>("\"1 0 1 1\"", "\"0 0 1 1\"", "\"0.8 0.4 0.7 0.9\"", "\"2 1 -1\"", "\"0.7 0.2 0.1; 0.3 0.4 0.3; 0.1 0.5 0.4\"",
            "\"A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9\"", "\"orange apple lemon\"", "\"orange lemon lemon\"", "\"0 2 2\"", "e", "2", "10", "sum", "none"),
        Gen.OneOf<string>(TestVariables.Values.Keys.ToArray()),
        Gen.Double[-3, 3].Array[1, 5].Select(a => "\"" + string.Join(' ', a.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\""),
        Gen.Double[0, 1].Array[1, 4].Array[1, 4].Select(rows => "\"" + string.Join("; ", rows.Select(r => string.Join(' ', r.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))) + "\""));

    private static readonly Gen<string> s_structuredLine =
        Gen.OneOf<SubcommandSpec>(CommandCatalog.Subcommands.ToArray()).SelectMany(spec =>
            Gen.Select(Gen.OneOf<OptionSpec>(spec.Options.ToArray()), s_value, (o, v) => o.IsFlag ? o.Name : $"{o.Name} {v}")
                .Array[0, 5]
                .Select(options => $"#!cross-entropy {spec.Name} {string.Join(' ', options)}"));

    [Fact]
    public void Ten_thousand_well_formed_random_lines_never_throw_and_some_succeed()
    {
        var succeeded = 0;
        s_structuredLine.Sample(line =>
        {
            var result = CrossEntropyCommand.Execute(line, TestVariables.Resolver);
            if (result.Succeeded)
            {
                Interlocked.Increment(ref succeeded);
                Assert.NotEmpty(result.Values);
            }
            else
            {
                Assert.DoesNotContain('\n', result.Error!);
                Assert.Contains(" Usage: ", result.Error);
                Assert.DoesNotContain("unexpected", result.Error, StringComparison.OrdinalIgnoreCase);
            }
        }, iter: 10_000);
        Assert.True(succeeded > 100, $"only {succeeded} of 10,000 lines succeeded: the generator does not reach the library");
    }

    [Fact]
    public void Ten_thousand_random_token_sequences_never_throw_and_fail_in_one_line()
    {
        s_line.Sample(line =>
        {
            var result = CrossEntropyCommand.Execute(line, TestVariables.Resolver);
            if (result.Succeeded)
            {
                Assert.NotEmpty(result.Values);
            }
            else
            {
                Assert.Empty(result.Values);
                Assert.DoesNotContain('\n', result.Error!);
                Assert.Contains(" Usage: ", result.Error);
                Assert.DoesNotContain("unexpected", result.Error, StringComparison.OrdinalIgnoreCase); // no crash turned into a message
            }
        }, iter: 10_000);
    }
}

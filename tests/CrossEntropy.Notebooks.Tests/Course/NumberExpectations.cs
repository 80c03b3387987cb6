using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrossEntropy.Notebooks.Tests.Course;

/// <summary>One number a notebook must show: <c>{"value":0.705,"tolerance":0.0005,"label":"softmax Blue"}</c>.</summary>
public sealed record ExpectedNumber(double Value, double Tolerance, string Label)
{
    public bool Matches(double candidate) => Math.Abs(candidate - Value) <= Tolerance;
}

/// <summary>
/// A notebook's expectations file (Expectations/&lt;notebook&gt;.json) and the two checks made with it:
/// every expected number appears in the outputs, and every number the prose quotes is backed by an entry.
/// </summary>
public static partial class NumberExpectations
{
    // Decimal numbers with at least three digits after the point (0.705, 2.0757, 0.0084): the values prose quotes.
    [GeneratedRegex(@"(?<![\w.])-?\d+\.\d{3,}(?!\w|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ProseNumber();

    // Any number in output text, including exponents (1.2e-05) and integers.
    [GeneratedRegex(@"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex OutputNumber();

    public static IReadOnlyList<ExpectedNumber> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("numbers", out var numbers) || numbers.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: expected {{\"numbers\":[{{\"value\":…,\"tolerance\":…,\"label\":\"…\"}}]}}.");
        }

        return numbers.EnumerateArray().Select((n, i) =>
        {
            if (!n.TryGetProperty("value", out var value) || !n.TryGetProperty("tolerance", out var tolerance) || tolerance.GetDouble() < 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: entry {i + 1} needs a \"value\" and a non-negative \"tolerance\".");
            }

            var label = n.TryGetProperty("label", out var l) ? l.GetString() ?? "" : "";
            return new ExpectedNumber(value.GetDouble(), tolerance.GetDouble(), label);
        }).ToList();
    }

    /// <summary>Every number found in the given output texts.</summary>
    public static IReadOnlyList<double> NumbersIn(IEnumerable<string> texts) =>
        texts.SelectMany(t => OutputNumber().Matches(t))
            .Select(m => double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .Where(double.IsFinite)
            .ToList();

    /// <summary>The decimal numbers quoted in markdown prose.</summary>
    public static IReadOnlyList<(string Text, double Value)> ProseNumbers(IEnumerable<string> markdown) =>
        markdown.SelectMany(m => ProseNumber().Matches(m))
            .Select(m => (m.Value, double.Parse(m.Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The expectations missing from the outputs, one line each.</summary>
    public static IEnumerable<string> Missing(IReadOnlyList<ExpectedNumber> expected, IReadOnlyList<double> found) =>
        expected.Where(e => !found.Any(e.Matches))
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"expected {e.Value} ± {e.Tolerance} ({e.Label}) not found in any output"));

    /// <summary>The prose numbers no expectation backs, one line each.</summary>
    public static IEnumerable<string> Unbacked(IReadOnlyList<ExpectedNumber> expected, IReadOnlyList<(string Text, double Value)> prose) =>
        prose.Where(p => !expected.Any(e => e.Matches(p.Value)))
            .Select(p => $"the prose quotes {p.Text}, which no expectation entry backs (add it, with the output that shows it)")
            .Distinct();
}

using System.Text.RegularExpressions;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Gives chart containers (<c>&lt;div class="ce-chart" id=…&gt;</c>) ids derived from the notebook and
/// their order instead of whatever the chart code generated, so stored outputs are byte-identical from
/// run to run and ids stay unique on an exported page.
/// </summary>
internal static partial class ChartIds
{
    [GeneratedRegex("""<div\b[^>]*\bclass\s*=\s*["'][^"']*\bce-chart\b[^"']*["'][^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChartTag();

    [GeneratedRegex("""\bid\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    /// <summary>The chart ids found in <paramref name="html"/>, in order.</summary>
    public static IReadOnlyList<string> Find(string html) =>
        ChartTag().Matches(html)
            .Select(m => IdAttribute().Match(m.Value))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Replaces every chart id with <c>{prefix}-{n}</c>, n taken from <paramref name="nextNumber"/>.</summary>
    public static string Normalize(string html, string prefix, Func<int> nextNumber)
    {
        foreach (var id in Find(html))
        {
            var stable = $"{prefix}-{nextNumber()}";
            if (!string.Equals(id, stable, StringComparison.Ordinal))
            {
                html = html.Replace(id, stable, StringComparison.Ordinal);
            }
        }

        return html;
    }

    /// <summary>Turns a notebook name into an id prefix (letters, digits and dashes).</summary>
    public static string Prefix(string notebookName) =>
        "ce-" + Regex.Replace(notebookName.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}

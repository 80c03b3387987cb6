using System.Text.Json;
using CrossEntropy.Interactive.Charts;

namespace CrossEntropy.Interactive.Tests.Charts;

/// <summary>Reads a chart's JSON back, as plotly.js would.</summary>
internal static class ChartJson
{
    public static JsonElement Parse(PlotlyChart chart)
    {
        using var document = JsonDocument.Parse(chart.Json);
        return document.RootElement.Clone();
    }

    public static JsonElement[] Traces(PlotlyChart chart) => [.. Parse(chart).GetProperty("data").EnumerateArray()];

    public static double[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble())];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>Every number token in the document (NaN and Infinity are not JSON, so parsing would already fail on them).</summary>
    public static IEnumerable<JsonElement> AllValues(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var value in AllValues(child))
            {
                yield return value;
            }
        }
    }
}

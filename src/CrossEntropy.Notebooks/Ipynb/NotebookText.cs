using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>nbformat "multiline strings": a string, or an array of lines each keeping its trailing newline.</summary>
internal static class NotebookText
{
    /// <summary>Joins a multiline string node into one string (null or anything else → empty).</summary>
    public static string Join(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray lines => string.Concat(lines.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")),
        _ => "",
    };

    /// <summary>Splits text into the line array Jupyter and Polyglot write: every line but the last keeps its "\n".</summary>
    public static JsonArray Split(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }
}

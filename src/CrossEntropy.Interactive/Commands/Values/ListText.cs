using System.Globalization;

namespace CrossEntropy.Interactive.Commands.Values;

/// <summary>
/// Reads the text of an option value: lists separated by spaces or commas (<c>"1 0 1"</c>, <c>"1,0,1"</c>,
/// <c>"1, 0, 1"</c>), rows separated by <c>;</c>, and named lists <c>"A: 0.1 0.7; B: 0.8 0.6"</c>.
/// Numbers use the invariant culture (a dot for decimals), whatever the machine's locale.
/// </summary>
internal static class ListText
{
    private const string NumberHint = "write plain numbers with a dot for decimals (0.25, -1, 1e-3), separated by spaces or commas";

    /// <summary>Splits on blanks and commas; a comma needs an item on both sides.</summary>
    public static Problem? SplitItems(string text, string what, out List<string> items)
    {
        items = [];
        var pieces = text.Split(',');
        for (var i = 0; i < pieces.Length; i++)
        {
            var words = pieces[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 && pieces.Length > 1)
                return new Problem($"{what} has an empty entry (a comma at the start or end, or two commas in a row)",
                    "separate values with single commas or spaces: \"1, 0, 1\"");
            items.AddRange(words);
        }

        return null;
    }

    public static Problem? ParseNumbers(string text, string what, out double[] values)
    {
        values = [];
        if (SplitItems(text, what, out var items) is { } problem)
            return problem;
        var parsed = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (ParseNumber(items[i], $"value {i + 1} of {what}", out parsed[i]) is { } bad)
                return bad;
        }

        values = parsed;
        return null;
    }

    public static Problem? ParseNumber(string item, string where, out double value)
    {
        if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            var hint = item.IndexOfAny(['[', ']', '(', ')', '{', '}']) >= 0
                ? "leave out brackets: a list is just \"0.8 0.4 0.7\""
                : item.Contains(':') ? "a name followed by ':' belongs in compare --models \"A: 0.1 0.7; B: …\""
                : NumberHint;
            return new Problem($"{CommandError.Show(item)} ({where}) is not a number", hint);
        }

        if (!double.IsFinite(value))
            return new Problem($"{CommandError.Show(item)} ({where}) is not a finite number", NumberHint);
        return null;
    }

    /// <summary>Rows separated by <c>;</c>; every row must have the same number of values.</summary>
    public static Problem? ParseRows(string text, string what, out double[][] rows)
    {
        rows = [];
        var parts = text.Split(';');
        var parsed = new double[parts.Length][];
        for (var r = 0; r < parts.Length; r++)
        {
            var rowName = parts.Length == 1 ? what : $"row {r + 1} of {what}";
            if (string.IsNullOrWhiteSpace(parts[r]))
            {
                return parts.Length == 1
                    ? new Problem($"{what} is empty", "give one row of numbers per sample, rows separated by ';'")
                    : new Problem($"{rowName} is empty (a ';' at the start or end, or two in a row)", "separate rows with single ';': \"0.7 0.2 0.1; 0.3 0.4 0.3\"");
            }

            if (ParseNumbers(parts[r], rowName, out parsed[r]) is { } problem)
                return problem;
        }

        rows = parsed;
        return Rectangular(rows, what);
    }

    public static Problem? Rectangular(double[][] rows, string what)
    {
        for (var r = 1; r < rows.Length; r++)
        {
            if (rows[r].Length != rows[0].Length)
                return new Problem($"row {r + 1} of {what} has {CommandError.Count(rows[r].Length, "value")} but row 1 has {rows[0].Length}",
                    "give every row one value per class");
        }

        return null;
    }

    public static Problem? ParseNames(string text, string what, out string[] names)
    {
        names = [];
        if (SplitItems(text, what, out var items) is { } problem)
            return problem;
        names = [.. items];
        return null;
    }

    /// <summary><c>"A: 0.1 0.7; B: 0.8 0.6"</c> → (A, [0.1, 0.7]), (B, [0.8, 0.6]).</summary>
    public static Problem? ParseModels(string text, string what, out List<(string Name, double[] Values)> models)
    {
        models = [];
        var entries = text.Split(';');
        for (var m = 0; m < entries.Length; m++)
        {
            var entry = entries[m].Trim();
            if (entry.Length == 0)
            {
                return entries.Length == 1
                    ? new Problem($"{what} is empty", "give each model as 'name: probabilities', models separated by ';'")
                    : new Problem($"model {m + 1} of {what} is empty (a ';' at the start or end, or two in a row)", "separate models with single ';'");
            }

            var colon = entry.IndexOf(':');
            if (colon < 0)
                return new Problem($"model {m + 1} of {what} ({CommandError.Show(entry)}) has no name", $"write it as 'name: probabilities', e.g. \"{(char)('A' + m % 26)}: {entry}\"");
            var name = entry[..colon].Trim();
            if (name.Length == 0)
                return new Problem($"model {m + 1} of {what} has an empty name before ':'", "name each model, e.g. \"A: 0.1 0.7\"");
            var list = entry[(colon + 1)..];
            if (string.IsNullOrWhiteSpace(list))
                return new Problem($"model {CommandError.Show(name)} of {what} has no probabilities", "give the probability it assigned to each true outcome: \"A: 0.1 0.7 0.6 0.2\"");
            if (ParseNumbers(list, $"model {name}", out var values) is { } problem)
                return problem;
            models.Add((name, values));
        }

        return null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>Reads nbformat 4 notebooks, with clear messages for files that are not notebooks.</summary>
public static class NotebookReader
{
    /// <summary>Reads and checks the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="NotebookFormatException">When the file is not valid JSON or not an nbformat 4 notebook.</exception>
    public static NotebookDocument Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{path}: notebook not found; check the path.", full);
        }

        return Parse(File.ReadAllBytes(full), full);
    }

    /// <summary>Parses notebook bytes; <paramref name="path"/> names the notebook in messages.</summary>
    /// <exception cref="NotebookFormatException">When the bytes are not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(byte[] utf8, string path)
    {
        var name = System.IO.Path.GetFileName(path);
        // Some Windows editors save UTF-8 with a byte-order mark; the notebook is still valid UTF-8 JSON, but the
        // JSON reader refuses the mark, so it is skipped here (and --in-place writes the file back without it).
        var json = utf8.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        JsonNode? node;
        try
        {
            // Duplicate properties are refused while parsing: JsonNode would otherwise throw an ArgumentException on
            // first access, and which of the two values Jupyter keeps is not something to guess.
            node = JsonNode.Parse(json.Span, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            // A syntax error has a position; a duplicate property has only its name, in the message.
            var where = e.LineNumber is { } line ? $"at line {line + 1}, byte {e.BytePositionInLine + 1}" : $"({e.Message.TrimEnd('.')})";
            throw new NotebookFormatException(
                $"{name}: invalid JSON {where}; "
                + "fix the file (e.g. restore it from git) or re-save it from VS Code.", e);
        }

        if (node is not JsonObject root)
        {
            throw new NotebookFormatException($"{name}: the JSON root is not an object; an .ipynb notebook is a JSON object with \"cells\".");
        }

        if (root["nbformat"] is JsonValue format && (!format.TryGetValue<int>(out var major) || major != 4))
        {
            throw new NotebookFormatException($"{name}: nbformat {format.ToJsonString()} is not supported; save the notebook as nbformat 4.");
        }

        if (root["cells"] is not JsonArray cellArray)
        {
            throw new NotebookFormatException($"{name}: no \"cells\" array; this is not an nbformat 4 notebook.");
        }

        var cells = new List<NotebookCell>(cellArray.Count);
        for (var i = 0; i < cellArray.Count; i++)
        {
            if (cellArray[i] is not JsonObject cell || cell["cell_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
            {
                throw new NotebookFormatException($"{name}: cell {i + 1} is not an object with a \"cell_type\"; fix or remove that cell.");
            }

            // The runner reads the source as text and --in-place writes it back as text: any other value would be
            // run as an empty cell and then overwritten, losing what was there.
            if (cell["source"] is { } source && !IsMultilineString(source))
            {
                throw new NotebookFormatException($"{name}: cell {i + 1} has a \"source\" that is not text (a string or an array of strings); fix that cell.");
            }

            cells.Add(new NotebookCell(cell, i + 1));
        }

        return new NotebookDocument(path, root, cells);
    }

    private static bool IsMultilineString(JsonNode node) => node switch
    {
        JsonValue value => value.TryGetValue<string>(out _),
        JsonArray lines => lines.All(l => l is JsonValue v && v.TryGetValue<string>(out _)),
        _ => false,
    };
}

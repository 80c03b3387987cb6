using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>
/// Writes a notebook the way Jupyter does (one-space indent, "\n" line ends, non-ASCII kept, trailing
/// newline), keeping the key order of the tree so that writing the same tree twice gives the same bytes.
/// </summary>
public static class NotebookSerializer
{
    /// <summary>Serializes <paramref name="document"/> to UTF-8 bytes.</summary>
    public static byte[] ToBytes(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        NormalizeSources(document);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            document.Root.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    // Jupyter and Polyglot store "source" as a line array; a string source is converted once, then stable.
    private static void NormalizeSources(NotebookDocument document)
    {
        foreach (var cell in document.Cells)
        {
            if (cell.Json["source"] is not JsonArray)
            {
                cell.Json["source"] = NotebookText.Split(cell.Source);
            }
        }
    }
}

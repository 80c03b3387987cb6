using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>
/// One output of a code cell in nbformat 4 terms. Keys are written in alphabetical order (as Jupyter
/// writes them) so that a notebook run twice is byte-identical.
/// </summary>
public abstract class CellOutput
{
    /// <summary>The output as nbformat JSON; <paramref name="executionCount"/> is used by execute results.</summary>
    internal abstract JsonObject ToJson(int executionCount);

    /// <summary>The text/plain view of this output (stream text, or the plain representation of a value).</summary>
    public abstract string PlainText { get; }

    /// <summary>Writes a mime bundle (mime type → text) as line arrays, mime types in ordinal order.</summary>
    internal static JsonObject DataToJson(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in bundle.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data[mime] = NotebookText.Split(text);
        }

        return data;
    }
}

/// <summary>Text a cell wrote to <c>Console.Out</c> or <c>Console.Error</c> (nbformat stream output).</summary>
public sealed class StreamOutput(string name, string text) : CellOutput
{
    /// <summary>The stream: <c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The captured text so far.</summary>
    public string Text { get; internal set; } = text;

    /// <inheritdoc />
    public override string PlainText => Text;

    internal override JsonObject ToJson(int executionCount) => new()
    {
        ["name"] = Name,
        ["output_type"] = "stream",
        ["text"] = NotebookText.Split(Text),
    };
}

/// <summary>A displayed value (<c>NotebookDisplay.Show</c>, a magic command's result); replaced in place by updates.</summary>
public sealed class DisplayDataOutput(MimeBundle data) : CellOutput
{
    /// <summary>The mime bundle currently shown (the latest update).</summary>
    public MimeBundle Data { get; internal set; } = data;

    /// <inheritdoc />
    public override string PlainText => Data.PlainText;

    internal override JsonObject ToJson(int executionCount) => new()
    {
        ["data"] = DataToJson(Data),
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };
}

/// <summary>The value of a cell's trailing expression.</summary>
public sealed class ExecuteResultOutput(MimeBundle data) : CellOutput
{
    /// <summary>The formatted value.</summary>
    public MimeBundle Data { get; } = data;

    /// <inheritdoc />
    public override string PlainText => Data.PlainText;

    internal override JsonObject ToJson(int executionCount) => new()
    {
        ["data"] = DataToJson(Data),
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };
}

/// <summary>A cell failure (compile error, exception, command error), as Jupyter stores errors.</summary>
public sealed class ErrorOutput(string name, string message, IReadOnlyList<string> traceback) : CellOutput
{
    /// <summary>The error's kind (exception type name, <c>CompilationError</c>, …).</summary>
    public string Name { get; } = name;

    /// <summary>The one-line message.</summary>
    public string Message { get; } = message;

    /// <summary>Extra lines (the offending cell line, diagnostics).</summary>
    public IReadOnlyList<string> Traceback { get; } = traceback;

    /// <inheritdoc />
    public override string PlainText => Name + ": " + Message;

    internal override JsonObject ToJson(int executionCount) => new()
    {
        ["ename"] = Name,
        ["evalue"] = Message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}

using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>
/// One cell of a notebook, backed by its JSON object so that metadata the runner does not understand
/// (polyglot_notebook, dotnet_interactive, tags, …) is written back untouched.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int number)
    {
        Json = json;
        Number = number;
    }

    /// <summary>The cell's JSON object as read (and as it will be written).</summary>
    internal JsonObject Json { get; }

    /// <summary>1-based position of the cell in the notebook, as people count cells.</summary>
    public int Number { get; }

    /// <summary>The nbformat cell type.</summary>
    public CellKind Kind => (string?)Json["cell_type"] switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        _ => CellKind.Raw,
    };

    /// <summary>The cell's text (nbformat allows a string or an array of lines; both are joined here).</summary>
    public string Source => NotebookText.Join(Json["source"]);

    /// <summary>
    /// The kernel this cell runs in, resolved like Polyglot does: <c>metadata.polyglot_notebook.kernelName</c>,
    /// else <c>metadata.dotnet_interactive.language</c>, else the notebook's default kernel.
    /// </summary>
    public string KernelName(string notebookDefault)
    {
        var metadata = Json["metadata"] as JsonObject;
        var polyglot = (metadata?["polyglot_notebook"] as JsonObject)?["kernelName"];
        if (polyglot is JsonValue p && p.TryGetValue<string>(out var name) && name.Length > 0)
        {
            return name;
        }

        var dotnet = (metadata?["dotnet_interactive"] as JsonObject)?["language"];
        if (dotnet is JsonValue d && d.TryGetValue<string>(out var language) && language.Length > 0)
        {
            return language;
        }

        return notebookDefault;
    }

    /// <summary>Replaces the outputs and execution count of a code cell.</summary>
    internal void SetOutputs(int executionCount, IEnumerable<CellOutput> outputs)
    {
        Json["execution_count"] = executionCount;
        var array = new JsonArray();
        foreach (var output in outputs)
        {
            array.Add(output.ToJson(executionCount));
        }

        Json["outputs"] = array;
    }

    /// <summary>The outputs currently stored in the cell (e.g. after a run), read back as JSON.</summary>
    internal JsonArray? StoredOutputs => Json["outputs"] as JsonArray;
}

using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>
/// A notebook read from an <c>.ipynb</c> file. The whole JSON tree is kept so that writing it back
/// changes only what the runner owns (outputs and execution counts).
/// </summary>
public sealed class NotebookDocument
{
    internal NotebookDocument(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        Cells = cells;
    }

    /// <summary>Full path of the file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The file name without <c>.ipynb</c> (e.g. <c>03-softmax</c>): names pages and expectation files.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The file name with extension, as used in messages.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    internal JsonObject Root { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>
    /// The kernel a cell without its own kernel metadata runs in:
    /// <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else the kernelspec language, else csharp.
    /// </summary>
    public string DefaultKernelName
    {
        get
        {
            var metadata = Root["metadata"] as JsonObject;
            var kernelInfo = (metadata?["polyglot_notebook"] as JsonObject)?["kernelInfo"] as JsonObject;
            if (kernelInfo?["defaultKernelName"] is JsonValue d && d.TryGetValue<string>(out var name) && name.Length > 0)
            {
                return name;
            }

            var spec = metadata?["kernelspec"] as JsonObject;
            if (spec?["language"] is JsonValue l && l.TryGetValue<string>(out var language) && language.Length > 0)
            {
                return language;
            }

            return "csharp";
        }
    }

    /// <summary>The first markdown heading (<c># Title</c>), else the file name: used as the page title.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Kind == CellKind.Markdown))
            {
                foreach (var line in cell.Source.Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith("# ", StringComparison.Ordinal))
                    {
                        return trimmed[2..].Trim();
                    }
                }
            }

            return Name;
        }
    }

    /// <summary>True for the kernel names that mean C# in Polyglot/Jupyter metadata.</summary>
    public static bool IsCSharpKernel(string kernelName) =>
        kernelName.Equals("csharp", StringComparison.OrdinalIgnoreCase)
        || kernelName.Equals("C#", StringComparison.OrdinalIgnoreCase)
        || kernelName.Equals(".net-csharp", StringComparison.OrdinalIgnoreCase);
}

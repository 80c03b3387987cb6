using System.Text.Json.Nodes;

namespace CrossEntropy.Notebooks.Tests.Support;

/// <summary>Writes small nbformat 4 notebooks with Polyglot metadata for tests that need a specific cell.</summary>
internal static class NotebookBuilder
{
    public static JsonObject Code(string source, string kernel = "csharp") => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    public static string Write(string folder, string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Cast<JsonNode?>().ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp" }) },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}

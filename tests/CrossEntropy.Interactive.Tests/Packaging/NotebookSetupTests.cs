using System.Text.Json;
using System.Xml.Linq;

namespace CrossEntropy.Interactive.Tests.Packaging;

/// <summary>The files that make the one-line setup cell and the one-click container work.</summary>
public class NotebookSetupTests
{
    [Fact]
    public void Notebooks_NuGet_config_clears_sources_and_adds_the_relative_feed_and_nuget_org()
    {
        var config = XDocument.Load(RepositoryPaths.File("notebooks", "NuGet.config"));
        var sources = config.Root!.Element("packageSources")!;
        Assert.Equal("clear", sources.Elements().First().Name.LocalName);
        var values = sources.Elements("add").Select(e => (string)e.Attribute("value")!).ToList();
        Assert.Contains("../artifacts/packages", values);
        Assert.Contains("https://api.nuget.org/v3/index.json", values);
        // Relative to the config file, the feed is the folder the documented pack command writes to.
        Assert.Equal(RepositoryPaths.File("artifacts", "packages"),
            Path.GetFullPath(Path.Combine(RepositoryPaths.File("notebooks"), "../artifacts/packages")));
    }

    [Fact]
    public void No_NuGet_config_above_the_projects_points_at_the_local_feed()
    {
        // A local source that does not exist yet would fail the solution's own restore.
        Assert.False(File.Exists(RepositoryPaths.File("NuGet.config")) && File.ReadAllText(RepositoryPaths.File("NuGet.config")).Contains("artifacts/packages"));
        Assert.False(File.Exists(RepositoryPaths.File("src", "NuGet.config")));
    }

    [Fact]
    public void The_devcontainer_uses_the_dotnet_10_image_the_notebook_extensions_and_the_post_create_script()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.File(".devcontainer", "devcontainer.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = json.RootElement;
        Assert.Contains("dotnet:10.0", root.GetProperty("image").GetString());
        var extensions = root.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.Equal("bash .devcontainer/post-create.sh", root.GetProperty("postCreateCommand").GetString());
    }

    [Fact]
    public void The_post_create_script_packs_into_the_feed_and_tolerates_a_missing_interactive_tool()
    {
        var script = File.ReadAllText(RepositoryPaths.File(".devcontainer", "post-create.sh"));
        Assert.Contains("dotnet pack src/CrossEntropy.Interactive -c Release -o artifacts/packages", script);
        Assert.Contains("dotnet interactive jupyter install", script);
        Assert.DoesNotContain("set -e", script); // an optional step failing must not stop the pack
        Assert.Contains("src/CrossEntropy.Notebooks -- run notebooks", script); // the fallback it names
    }

    [Fact]
    public void The_extension_doc_gives_the_pack_command_and_explains_where_Plotly_NET_went()
    {
        var doc = File.ReadAllText(RepositoryPaths.File("docs", "extension.md"));
        Assert.Contains("dotnet pack src/CrossEntropy.Interactive -c Release -o artifacts/packages", doc);
        Assert.Contains("#r \"nuget: CrossEntropy.Interactive, *-*\"", doc);
        Assert.Contains("FSharp.Core 10.1", doc);
        Assert.Contains("Codespace", doc);
        Assert.Contains("headless", doc);
    }
}

using System.Text.Json.Nodes;
using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Ipynb;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Runner;

public sealed class InPlaceTests
{
    [Fact]
    public async Task Running_in_place_twice_gives_byte_identical_files()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");

        var first = await ToolRun.RunAsync(["run", path, "--in-place"]);
        var afterFirst = await File.ReadAllBytesAsync(path);
        var second = await ToolRun.RunAsync(["run", path, "--in-place"]);
        var afterSecond = await File.ReadAllBytesAsync(path);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal((byte)'\n', afterSecond[^1]);
    }

    [Fact]
    public async Task In_place_outputs_have_counts_one_to_n_and_keep_the_polyglot_metadata()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var original = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        await ToolRun.RunAsync(["run", path, "--in-place"]);
        var written = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        Assert.True(JsonNode.DeepEquals(original["metadata"], written["metadata"]));
        var cells = written["cells"]!.AsArray();
        var originalCells = original["cells"]!.AsArray();
        Assert.Equal(originalCells.Count, cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(originalCells[i]!["metadata"], cells[i]!["metadata"]));
            Assert.True(JsonNode.DeepEquals(originalCells[i]!["source"], cells[i]!["source"]));
        }

        var counts = cells.Where(c => (string?)c!["cell_type"] == "code").Select(c => (int)c!["execution_count"]!).ToList();
        Assert.Equal(Enumerable.Range(1, counts.Count), counts);
    }

    [Fact]
    public async Task Console_output_the_trailing_value_and_a_live_display_become_the_expected_outputs()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");

        await ToolRun.RunAsync(["run", path, "--in-place"]);
        var notebook = NotebookReader.Read(path);
        var outputs = notebook.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.StoredOutputs!).ToList();

        var stream = Assert.Single(outputs[1]);
        Assert.Equal("stream", (string?)stream!["output_type"]);
        Assert.Equal("sum of exponentials: 10.4752\n", NotebookTextOf(stream["text"]));

        var result = Assert.Single(outputs[2]);
        Assert.Equal("execute_result", (string?)result!["output_type"]);
        Assert.Equal("0.705", NotebookTextOf(result["data"]!["text/plain"]));

        // Show then three updates: one output holding the final state, as a live chart must end.
        var display = Assert.Single(outputs[3]);
        Assert.Equal("display_data", (string?)display!["output_type"]);
        Assert.Equal("step 3: smallest probability 0.035", NotebookTextOf(display["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_failed_notebook_is_not_written_back()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("bad/throws.ipynb");
        var before = await File.ReadAllBytesAsync(path);

        var result = await ToolRun.RunAsync(["run", path, "--in-place", "--keep-going"]);

        Assert.Contains("not written back because a cell failed", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    private static string NotebookTextOf(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}

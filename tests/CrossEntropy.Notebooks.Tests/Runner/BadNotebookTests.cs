using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Runner;

public sealed class BadNotebookTests
{
    public static TheoryData<string, int, string, string?> BadNotebooks => new()
    {
        { "bad/invalid-json.ipynb", ExitCodes.InvalidNotebook, "invalid-json.ipynb: invalid JSON at line 4", null },
        { "bad/throws.ipynb", ExitCodes.CellFailed, "throws.ipynb cell 3/4: IndexOutOfRangeException: Index was outside the bounds of the array.", "line 2: var bad = xs[5];" },
        { "bad/compile-error.ipynb", ExitCodes.CompileError, "compile-error.ipynb cell 1/1: error CS0103: The name 'undefinedName' does not exist", "line 2: var b = a + undefinedName;" },
        { "bad/unknown-magic.ipynb", ExitCodes.UnsupportedCell, "unknown-magic.ipynb cell 1/1: unknown magic command '#!time'", "line 2: #!time" },
        { "bad/non-csharp.ipynb", ExitCodes.UnsupportedCell, "non-csharp.ipynb cell 1/1: this is a 'fsharp' cell; the runner executes C# cells only", null },
    };

    [Theory]
    [MemberData(nameof(BadNotebooks))]
    public async Task A_bad_notebook_gives_its_error_and_exit_code_and_stays_byte_identical(string fixture, int exitCode, string message, string? offendingLine)
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture(fixture);
        var before = await File.ReadAllBytesAsync(path);

        var result = await ToolRun.RunAsync(["run", path, "--in-place"]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("error: " + message, result.Error, StringComparison.Ordinal);
        if (offendingLine is not null)
        {
            Assert.Contains(offendingLine, result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    // Malformed in ways the fixtures do not show; each must be refused before running, never run and rewritten.
    [Theory]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [], "nbformat": 4}""", "invalid JSON (Duplicate property 'nbformat'")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": 42, "metadata": {}, "outputs": []}]}""",
        "cell 1 has a \"source\" that is not text")]
    [InlineData("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": ["var x = ", 1], "metadata": {}, "outputs": []}]}""",
        "cell 1 has a \"source\" that is not text")]
    public async Task A_malformed_notebook_is_an_invalid_notebook_in_one_line_and_is_not_rewritten(string json, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("malformed.ipynb");
        await File.WriteAllTextAsync(path, json);

        var result = await ToolRun.RunAsync(["run", path, "--in-place"]);

        Assert.Equal(ExitCodes.InvalidNotebook, result.ExitCode);
        Assert.Equal("error: malformed.ipynb: ", result.Error[..24]);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(json, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_notebook_saved_with_a_utf8_byte_order_mark_runs_and_is_written_back_without_it()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var plain = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. plain]);

        var result = await ToolRun.RunAsync(["run", path, "--in-place"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var written = await File.ReadAllBytesAsync(path);
        Assert.NotEqual((byte)0xEF, written[0]);
        Assert.Equal((byte)'{', written[0]);
    }

    [Fact]
    public async Task A_missing_notebook_is_reported_with_the_not_found_exit_code()
    {
        using var temp = new TempFolder();
        var missing = temp.Combine("nope.ipynb");

        var result = await ToolRun.RunAsync(["run", missing]);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nope.ipynb: no such notebook or folder", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var result = await ToolRun.RunAsync(["run", ".", "--bogus"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
        Assert.Contains("usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keep_going_a_notebook_stops_at_the_failing_cell()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("bad/throws.ipynb");

        var result = await ToolRun.RunAsync(["run", path]);

        Assert.Contains("throws.ipynb  cell 3/4", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 4/4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_keep_going_the_cells_after_a_failure_still_run_and_the_exit_code_still_fails()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("bad/throws.ipynb");

        var result = await ToolRun.RunAsync(["run", path, "--keep-going"]);

        Assert.Contains("throws.ipynb  cell 4/4", result.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.CellFailed, result.ExitCode);
    }

    [Fact]
    public async Task A_bad_notebook_does_not_stop_the_next_notebook_from_running()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(RepoPaths.Fixtures, "bad", "compile-error.ipynb"), temp.Combine("00-broken.ipynb"));
        temp.CopyFixtureFolder("course");

        var result = await ToolRun.RunAsync(["run", temp.Path]);

        Assert.Equal(ExitCodes.CompileError, result.ExitCode);
        Assert.Contains("02-fixture-chart.ipynb  cell 8/8", result.Output, StringComparison.Ordinal);
        Assert.Contains("summary: 4 notebook(s)", result.Output, StringComparison.Ordinal);
    }
}

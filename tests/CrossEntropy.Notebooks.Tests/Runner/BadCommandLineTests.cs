using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Runner;

public sealed class BadCommandLineTests
{
    // Paths that can never work are usage errors found while parsing: one line, exit code 2, no notebook run.
    [Theory]
    [InlineData("", null, "the notebook path is empty")]
    [InlineData("  ", null, "the notebook path is empty")]
    [InlineData("{nb}", "--html|", "--html is empty: pass a folder")]
    [InlineData("{nb}", "--cs|", "--cs is empty: pass a folder")]
    [InlineData("{nb}", "--html|{file}", "is a file, not a folder")]
    [InlineData("{nb}", "--cs|{file}", "is a file, not a folder")]
    [InlineData("{file}", null, "is not a .ipynb notebook")]
    [InlineData("{nb}", "--html|{file}/site", "notes.json is a file, not a folder; pass a folder path")]
    [InlineData("{nb}", "--cs|{file}/apps/more", "notes.json is a file, not a folder; pass a folder path")]
    public async Task An_unusable_path_is_a_one_line_usage_error_and_nothing_runs_or_is_written(string path, string? option, string message)
    {
        using var temp = new TempFolder();
        var notebook = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var file = temp.Combine("notes.json");
        File.WriteAllText(file, "{}");
        string Fill(string s) => s.Replace("{nb}", notebook, StringComparison.Ordinal).Replace("{file}", file, StringComparison.Ordinal);
        string[] args = option is null ? ["run", Fill(path), "--in-place"] : ["run", Fill(path), "--in-place", .. option.Split('|').Select(Fill)];
        var before = File.ReadAllBytes(notebook);

        var result = await ToolRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 1/", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal("{}", File.ReadAllText(file));
        Assert.Equal(2, Directory.GetFileSystemEntries(temp.Path).Length);
    }
}

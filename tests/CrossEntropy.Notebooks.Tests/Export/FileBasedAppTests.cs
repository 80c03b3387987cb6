using System.Diagnostics;
using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Export;
using CrossEntropy.Notebooks.Ipynb;
using CrossEntropy.Notebooks.Tests.Course;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Export;

public sealed class FileBasedAppTests
{
    [Theory]
    [InlineData("01-fixture-basics", "sum of exponentials: 10.4752")]
    [InlineData("03-fixture-command", "sum of 3 samples: 1.076 hartleys")]
    public async Task An_exported_chapter_runs_with_dotnet_run_and_prints_the_notebooks_numbers(string chapter, string line)
    {
        using var temp = new TempFolder();
        var notebook = temp.CopyFixture($"course/{chapter}.ipynb");
        var apps = temp.Combine("apps");

        var export = await ToolRun.RunAsync(["run", notebook, "--cs", apps]);
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.DoesNotContain("warning", export.Error, StringComparison.Ordinal);
        var run = await NotebookCheck.RunAsync(notebook);
        var app = Path.Combine(apps, chapter + ".cs");
        Assert.Contains("#:project ", await File.ReadAllTextAsync(app), StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = await DotnetRunAsync(app);

        Assert.True(exitCode == 0, $"dotnet run {app} exited {exitCode}:\n{stdout}\n{stderr}");
        var printed = NumberExpectations.NumbersIn([stdout]);
        var shown = NumberExpectations.NumbersIn(run.PlainTexts);
        Assert.NotEmpty(shown);
        Assert.All(shown, n => Assert.Contains(n, printed));
        Assert.Contains(line, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_declared_again_in_a_later_cell_is_named_in_a_warning()
    {
        // Legal in a notebook (each cell is a new script submission), a duplicate local in a program.
        using var temp = new TempFolder();
        var notebook = temp.Combine("redeclare.ipynb");
        await File.WriteAllTextAsync(notebook, $$$"""
            {"cells": [{{{Cell(@"var x = 1;\nx")}}}, {{{Cell("var y = 2;")}}}, {{{Cell(@"var x = 2.5;\nx * y")}}}],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        var export = await ToolRun.RunAsync(["run", notebook, "--cs", temp.Combine("apps")]);

        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.Contains("warning: redeclare.ipynb cell 3 declares 'x' again (first in cell 1): a program cannot, so redeclare.cs will not compile", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'y'", export.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("apps", "redeclare.cs")));

        static string Cell(string source) =>
            $$$"""{"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "csharp"}}, "source": ["{{{source}}}"], "outputs": [], "execution_count": null}""";
    }

    [Fact]
    public void Script_only_constructs_become_a_valid_top_level_program()
    {
        var pieces = ScriptToProgram.Convert(
            "using System.Globalization;\npublic int count = 2;\nrecord Point(double X);\nprivate static double Half(double v) => v / 2;\nHalf(count)",
            "Show");

        Assert.Equal(["using System.Globalization;"], pieces.Usings);
        Assert.Equal(["record Point(double X);"], pieces.Types);
        Assert.Equal(["count"], pieces.Variables);
        Assert.Equal("int count = 2;\nstatic double Half(double v) => v / 2;\nShow(Half(count));", pieces.Statements.Trim().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_project_reference_is_relative_to_the_exported_file()
    {
        var notebook = NotebookReader.Read(Path.Combine(RepoPaths.Fixtures, "course", "01-fixture-basics.ipynb"));

        var text = FileBasedAppExporter.Generate(notebook, Path.Combine("..", "src", "CrossEntropy.Interactive", "CrossEntropy.Interactive.csproj"));

        Assert.Contains("#:project ../src/CrossEntropy.Interactive/CrossEntropy.Interactive.csproj\n", text, StringComparison.Ordinal);
        Assert.Contains("// # Softmax by hand\n", text, StringComparison.Ordinal);
        Assert.Contains("NotebookExport.Display(Math.Round(probabilities[0], 3));", text, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DotnetRunAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet", ["run", file])
        {
            WorkingDirectory = Path.GetDirectoryName(file)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host's MSBuild variables would point the nested build at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

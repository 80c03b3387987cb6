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
    [InlineData("03-fixture-command", "sum of 3 samples: 1.0757 hartleys")]
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
    public async Task A_variable_declared_again_in_a_later_cell_is_renamed_and_the_app_prints_what_the_notebook_shows()
    {
        // Legal in a notebook (each cell is a new script submission), a duplicate local in a program.
        using var temp = new TempFolder();
        var notebook = WriteNotebook(temp, "redeclare",
            @"var x = 1.25;\nvar y = 4;\nvar p = new { x };\nx * y",
            @"class Box { public double x = 0.5; public double Twice() => 2 * x; }\nvar x = 2.5;\nvar t = (x, y);\nvar q = new { x };\n$""{x} {t.x} {q.x} {p.x} {nameof(x)} {new Box().Twice()}""",
            @"var total = x * y + t.x;\ntotal");
        var text = await ExportAsync(notebook, temp);
        Assert.Contains("var x_2 = 2.5;", text, StringComparison.Ordinal);
        Assert.Contains("var t = (x: x_2, y);", text, StringComparison.Ordinal);
        Assert.Contains("var total = x_2 * y + t.x;", text, StringComparison.Ordinal);

        await AssertTheAppPrintsWhatTheNotebookShowsAsync(notebook, temp, ["5", "2.5 2.5 2.5 1.25 x 1", "12.5"]);
    }

    [Fact]
    public async Task Out_variables_deconstructions_and_if_patterns_declared_again_are_renamed_and_the_app_prints_what_the_notebook_shows()
    {
        // Expression variables in these statements belong to the script, like `var x`: a later cell may declare them again.
        using var temp = new TempFolder();
        var notebook = WriteNotebook(temp, "expressions",
            @"int.TryParse(""1"", out var n);\nobject o = 2;\nif (o is not int k) throw new InvalidOperationException();\nvar (a, b) = (1, 2);\nn + k + a * b",
            @"int.TryParse(""20"", out var n);\nif (o is not int k) throw new InvalidOperationException();\nvar (a, b) = (3, 4);\n(a, b) = (b, a);\n(var c, var d) = (n, k);\n$""{n} {k} {a} {b} {c * d}""",
            @"var q = new[] { 5 }.Select(v => int.TryParse(""6"", out var m) ? m + v : 0).First();\nn + k + a - b + q");
        var text = await ExportAsync(notebook, temp);
        Assert.Contains("int.TryParse(\"20\", out var n_2);", text, StringComparison.Ordinal);
        Assert.Contains("if (o is not int k_2)", text, StringComparison.Ordinal);
        Assert.Contains("(a_2, b_2) = (b_2, a_2);", text, StringComparison.Ordinal); // no tuple element names in a deconstruction

        await AssertTheAppPrintsWhatTheNotebookShowsAsync(notebook, temp, ["5", "20 2 4 3 40", "34"]);
    }

    [Fact]
    public async Task A_variable_declared_again_that_a_lambda_also_declares_is_named_in_a_warning()
    {
        // The lambda's own x would need a scope-aware rename; the export keeps the names and says why the app will not compile.
        using var temp = new TempFolder();
        var notebook = WriteNotebook(temp, "shadow", @"var x = 1;", @"var x = 2;\nvar twice = new[] { 1, 2 }.Select(x => x * 2).ToArray();\nx");

        var export = await ToolRun.RunAsync(["run", notebook, "--cs", temp.Combine("apps")]);

        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.Contains("warning: shadow.ipynb cell 2 declares 'x' again (first in cell 1), and a lambda, loop or nested block declares it too, so the export cannot rename it", export.Error, StringComparison.Ordinal);
        Assert.Contains("var x = 2;", await File.ReadAllTextAsync(temp.Combine("apps", "shadow.cs")), StringComparison.Ordinal);
    }

    // Exports the notebook with --cs (no warnings expected) and returns the app's text.
    private static async Task<string> ExportAsync(string notebook, TempFolder temp)
    {
        var export = await ToolRun.RunAsync(["run", notebook, "--cs", temp.Combine("apps")]);
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.DoesNotContain("warning", export.Error, StringComparison.Ordinal);
        return await File.ReadAllTextAsync(AppPath(notebook, temp));
    }

    private static string AppPath(string notebook, TempFolder temp) => temp.Combine("apps", Path.GetFileNameWithoutExtension(notebook) + ".cs");

    // The notebook shows `shown`, and `dotnet run` of its exported app prints every one of those lines.
    private static async Task AssertTheAppPrintsWhatTheNotebookShowsAsync(string notebook, TempFolder temp, string[] shown)
    {
        var app = AppPath(notebook, temp);
        var run = await NotebookCheck.RunAsync(notebook);
        var (exitCode, stdout, stderr) = await DotnetRunAsync(app);

        Assert.True(exitCode == 0, $"dotnet run {app} exited {exitCode}:\n{stdout}\n{stderr}");
        var printed = stdout.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        Assert.Equal(shown, run.PlainTexts);
        Assert.All(run.PlainTexts, line => Assert.Contains(line, printed));
    }

    private static string WriteNotebook(TempFolder temp, string name, params string[] cells)
    {
        var path = temp.Combine(name + ".ipynb");
        var json = string.Join(", ", cells.Select(source =>
            $$$"""{"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "csharp"}}, "source": ["{{{source.Replace("\"", "\\\"", StringComparison.Ordinal)}}}"], "outputs": [], "execution_count": null}"""));
        File.WriteAllText(path, $$$"""
            {"cells": [{{{json}}}],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);
        return path;
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

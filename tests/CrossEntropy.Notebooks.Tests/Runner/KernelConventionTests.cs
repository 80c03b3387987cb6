using CrossEntropy.Interactive.Commands;
using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;
using CrossEntropy.Notebooks.Tests.Support;
using static CrossEntropy.Notebooks.Tests.Support.NotebookBuilder;

namespace CrossEntropy.Notebooks.Tests.Runner;

public sealed class KernelConventionTests
{
    private static async Task<NotebookRun> RunAsync(string path, IMagicCommandRunner? magic = null)
    {
        var executor = new NotebookExecutor(magic ?? new FakeCommandRunner((_, _) => CommandResult.Success()), new KernelValueFormatter(), ProjectAssemblies.All);
        return await executor.RunAsync(NotebookReader.Read(path), keepGoing: false);
    }

    [Fact]
    public async Task Magic_lines_and_csharp_run_in_order_and_the_command_reads_notebook_variables()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "magic.ipynb",
            Code("var probs = new[] { 0.7, 0.2, 0.1 };\nConsole.WriteLine(\"before\");\n#!cross-entropy categorical --probabilities probs\nConsole.WriteLine(\"after\");"));
        var magic = new FakeCommandRunner((line, resolver) =>
            resolver.TryResolve("probs", out var value) && value is double[] p
                ? CommandResult.Success($"resolved {p.Length} probabilities")
                : CommandResult.Failure("probs not found"));

        var run = await RunAsync(path, magic);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        Assert.Equal(["#!cross-entropy categorical --probabilities probs"], magic.Lines);
        Assert.Equal(["before\n", "resolved 3 probabilities", "after\n"], run.Cells[0].Outputs.Select(o => o.PlainText));
    }

    [Fact]
    public async Task Notebook_facing_methods_take_loose_arguments_in_the_kernels_CSharp_12()
    {
        // C# 12 (the kernel's language version) has no params spans: the library's notebook-facing calls
        // with loose arguments must bind to params arrays, or a reader's cell would not compile.
        using var temp = new TempFolder();
        var path = Write(temp.Path, "params.ipynb",
            Code("using CrossEntropy.Training;\nvar model = new LogisticRegression([1.0, 1.0], 0.0);\n" +
                 "Console.WriteLine($\"{model.Predict(2.0, 3.0)} {model.Probability(0.0, 0.0)}\");\n" +
                 "new SoftmaxRegression(2, 3).Predict(0.5, 0.5)"));

        var run = await RunAsync(path);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        Assert.Equal("1 0.5\n", run.Cells[0].Outputs[0].PlainText);
    }

    [Fact]
    public async Task A_command_error_fails_the_cell_with_its_one_line_message_and_the_line()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "magic-error.ipynb", Code("var x = 1;\n#!cross-entropy binary --labels \"1 0\""));
        var magic = new FakeCommandRunner((_, _) => CommandResult.Failure("cross-entropy binary: --probabilities is required. Usage: …"));

        var run = await RunAsync(path, magic);

        var failure = Assert.Single(run.Failures);
        Assert.Equal(FailureKind.CommandError, failure.Kind);
        Assert.Equal("cross-entropy binary: --probabilities is required. Usage: …", failure.Message);
        Assert.Equal(2, failure.LineNumber);
        Assert.Equal(ExitCodes.CellFailed, ExitCodes.For(failure.Kind));
    }

    [Fact]
    public async Task Command_warnings_are_shown_as_plain_text_before_the_values_like_extension_dib_shows_them()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "warn.ipynb", Code("#!cross-entropy categorical --probabilities \"0.5 0.4\""));
        var magic = new FakeCommandRunner((_, _) => CommandResult.Success(["table"], ["row 1 summed to 0.9; rescaled like Keras"]));

        var run = await RunAsync(path, magic);

        var outputs = run.Cells[0].Outputs;
        var warning = Assert.IsType<DisplayDataOutput>(outputs[0]);
        Assert.Equal("warning: row 1 summed to 0.9; rescaled like Keras", warning.PlainText);
        Assert.Equal([MimeBundle.Plain], warning.Data.Select(p => p.Key));
        Assert.Equal("table", Assert.IsType<DisplayDataOutput>(outputs[1]).PlainText);
    }

    [Fact]
    public async Task A_trailing_null_expression_is_shown_as_null_like_the_kernel_and_a_statement_shows_nothing()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "values.ipynb", Code("string? s = null;\ns"), Code("var y = 2;"));

        var run = await RunAsync(path);

        Assert.Equal("<null>", Assert.IsType<ExecuteResultOutput>(Assert.Single(run.Cells[0].Outputs)).PlainText);
        Assert.Empty(run.Cells[1].Outputs);
    }

    [Fact]
    public async Task The_projects_namespaces_are_not_imported_for_the_notebook()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "no-using.ipynb", Code("NotebookDisplay.Show(1);"));

        var run = await RunAsync(path);

        var failure = Assert.Single(run.Failures);
        Assert.Equal(FailureKind.CompileError, failure.Kind);
        Assert.Contains("CS0103", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kernels_default_imports_are_available_and_state_carries_from_cell_to_cell()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "imports.ipynb",
            Code("var list = new List<int> { 3, 1, 2 };\nvar sb = new StringBuilder();"),
            Code("async Task<int> Twice(int v) { await Task.Yield(); return 2 * v; }\nawait Twice(list.OrderBy(v => v).First())"));

        var run = await RunAsync(path);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        Assert.Equal("2", run.Cells[1].Outputs.Single().PlainText);
    }

    [Theory]
    [InlineData("#r \"nuget: CrossEntropy.Interactive\"", true)]
    [InlineData("#r \"nuget: CrossEntropy.Interactive, 0.1.0-dev.7\"", true)]
    [InlineData("#r \"nuget:crossentropy.interactive,*-*\"", true)]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"", false)]
    [InlineData("#r \"/tmp/Some.dll\"", false)]
    [InlineData("#i \"nuget: /tmp/feed\"", false)]
    [InlineData("#!fsharp", false)]
    public async Task Only_the_projects_own_package_reference_is_accepted(string directive, bool accepted)
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "directive.ipynb", Code(directive + "\nvar ok = true;"));

        var run = await RunAsync(path);

        Assert.Equal(accepted, run.Succeeded);
        if (!accepted)
        {
            var failure = Assert.Single(run.Failures);
            Assert.Equal(FailureKind.UnsupportedCell, failure.Kind);
            Assert.Equal(1, failure.LineNumber);
        }
    }

    [Fact]
    public async Task A_runtime_error_in_a_later_segment_points_at_the_cell_line_not_the_segment_line()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "segments.ipynb", Code("var a = 1;\n#!cross-entropy help\nvar b = 0;\nvar c = a / b;"));

        var run = await RunAsync(path);

        var failure = Assert.Single(run.Failures);
        Assert.Equal(FailureKind.RuntimeError, failure.Kind);
        Assert.StartsWith("DivideByZeroException", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, failure.LineNumber);
        Assert.Equal("var c = a / b;", failure.LineText);
    }

    [Fact]
    public async Task Cells_run_with_the_notebooks_folder_as_current_directory_like_the_kernel()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("data.txt"), "0.705");
        var before = Environment.CurrentDirectory;
        var path = Write(temp.Path, "cwd.ipynb", Code("System.IO.File.ReadAllText(\"data.txt\")"));

        var run = await RunAsync(path);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        Assert.Equal("0.705", run.Cells[0].Outputs.Single().PlainText);
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public void The_package_reference_brings_the_projects_libraries_and_the_packages_their_api_exposes()
    {
        var names = ProjectAssemblies.All.Select(a => a.GetName().Name).ToList();

        Assert.Equal(
            ["CrossEntropy", "CrossEntropy.Tracking", "CrossEntropy.Interactive", "System.Numerics.Tensors", "Microsoft.DotNet.Interactive.Formatting", "Microsoft.Data.Sqlite"],
            names);
    }
}

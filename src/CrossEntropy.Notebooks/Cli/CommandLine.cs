using System.CommandLine;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Export;
using CrossEntropy.Notebooks.Html;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Cli;

/// <summary>The tool's command line (System.CommandLine 2.0).</summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error) =>
        InvokeAsync(args, output, error, new CrossEntropyCommandRunnerFactory());

    internal static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, IRunnerFactory factory)
    {
        var root = Build(factory, output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine("usage: CrossEntropy.Notebooks run <folder|file.ipynb> [--in-place] [--html DIR] [--cs DIR] [--keep-going]  (see --help)");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }

    private static RootCommand Build(IRunnerFactory factory, TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path") { Description = "A folder of .ipynb notebooks (run in file-name order) or one .ipynb file." };
        var inPlace = new Option<bool>("--in-place") { Description = "Write the outputs back into each notebook that ran without error (deterministic, atomic)." };
        var html = new Option<string?>("--html") { Description = "Write an HTML site (one page per notebook plus index.html) into this folder.", HelpName = "DIR" };
        var cs = new Option<string?>("--cs") { Description = "Export each notebook as a .NET 10 file-based app (dotnet run chapter.cs) into this folder.", HelpName = "DIR" };
        path.Validators.Add(PathChecks.Notebooks);
        html.Validators.Add(PathChecks.OutputFolder);
        cs.Validators.Add(PathChecks.OutputFolder);
        var keepGoing = new Option<bool>("--keep-going") { Description = "After a failing cell, run the notebook's remaining cells instead of stopping." };

        var run = new Command("run",
            "Execute the notebooks' C# cells headless, as the .NET Interactive C# kernel would. "
            + "Exit codes: 0 all cells ran, 1 a cell threw or a #!cross-entropy line failed, 2 bad command line, "
            + "3 file or folder not found, 4 invalid notebook JSON, 5 compile error, 6 unknown magic or non-C# cell, "
            + "7 an output could not be written. "
            + "The HTML site uses local copies of plotly.js and KaTeX when the tool was built on a machine with "
            + "Node.js/npm (npm ci fetches them); without node the pages load them from their official CDNs.")
        {
            path, inPlace, html, cs, keepGoing,
        };
        run.SetAction(async (result, _) =>
        {
            var settings = new RunSettings(
                result.GetValue(path)!,
                result.GetValue(inPlace),
                result.GetValue(html),
                result.GetValue(cs),
                result.GetValue(keepGoing));
            return await factory.Create(output, error).RunAsync(settings).ConfigureAwait(false);
        });

        return new RootCommand("Runs the CrossEntropyNotebooks course headless and exports it (HTML site, file-based apps).") { run };
    }
}

/// <summary>Creates the course runner (tests substitute the command and the file writer).</summary>
internal interface IRunnerFactory
{
    CourseRunner Create(TextWriter output, TextWriter error);
}

/// <summary>The runner the tool uses: the real command code, formatters and atomic writer.</summary>
internal sealed class CrossEntropyCommandRunnerFactory : IRunnerFactory
{
    public CourseRunner Create(TextWriter output, TextWriter error) =>
        RunnerFactory.Create(new CrossEntropyCommandRunner(), AtomicFileWriter.Default, output, error);
}

/// <summary>Assembles a runner from its parts.</summary>
internal static class RunnerFactory
{
    public static CourseRunner Create(IMagicCommandRunner magic, AtomicFileWriter writer, TextWriter output, TextWriter error)
    {
        var executor = new NotebookExecutor(magic, new KernelValueFormatter(), ProjectAssemblies.All);
        var runner = new CourseRunner(executor, writer, output, error);
        runner.Exports.Add(ExportSite);
        runner.Exports.Add(ExportApps);
        return runner;

        int ExportApps(RunSettings settings, IReadOnlyList<NotebookRun> runs, CourseRunner course)
        {
            if (settings.CsDirectory is not { } directory || runs.Count == 0)
            {
                return ExitCodes.Success;
            }

            var project = RepositoryLocator.FindInteractiveProject(
                Path.GetDirectoryName(runs[0].Notebook.Path)!, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            if (project is null)
            {
                course.Error.WriteLine($"error: --cs needs the repository ({RepositoryLocator.SolutionFile}) above the notebooks or the current folder, to point #:project at src/CrossEntropy.Interactive.");
                return ExitCodes.WriteFailed;
            }

            var code = ExitCodes.Success;
            var written = 0;
            foreach (var run in runs)
            {
                var warnings = new List<string>();
                if (course.TryWrite(() => FileBasedAppExporter.Export(run.Notebook, directory, project, writer, warnings), $"{run.Notebook.Name}.cs in {directory}"))
                {
                    written++;
                }
                else
                {
                    code = ExitCodes.WriteFailed;
                }

                foreach (var warning in warnings)
                {
                    course.Error.WriteLine("warning: " + warning);
                }
            }

            // Count only the apps actually written: after a failed write the summary must not claim them all.
            course.Output.WriteLine(written == runs.Count
                ? $"apps: {runs.Count} file-based app(s) written to {directory} (dotnet run <name>.cs)"
                : $"apps: only {written} of {runs.Count} file-based app(s) written, see the errors above");
            return code;
        }

        int ExportSite(RunSettings settings, IReadOnlyList<NotebookRun> runs, CourseRunner course)
        {
            if (settings.HtmlDirectory is not { } directory)
            {
                return ExitCodes.Success;
            }

            IReadOnlyList<string> pages = [];
            if (!course.TryWrite(() => pages = SiteExporter.Export(runs, directory, writer), $"the site in {directory}"))
            {
                return ExitCodes.WriteFailed;
            }

            var assets = WebAssets.IsComplete(WebAssets.DefaultSource) ? "local plotly.js and KaTeX" : "plotly.js and KaTeX from their CDNs (node was not available at build time)";
            course.Output.WriteLine($"site: {pages.Count} page(s) written to {directory} with {assets}");
            return ExitCodes.Success;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Cli;

/// <summary>
/// The <c>run</c> command: executes every notebook, reports progress and failures, then writes what was
/// asked for (outputs in place, the HTML site, file-based apps).
/// </summary>
internal sealed class CourseRunner(
    NotebookExecutor executor,
    AtomicFileWriter writer,
    TextWriter output,
    TextWriter error)
{
    /// <summary>Hooks the exports run after the notebooks (the HTML site, the file-based apps).</summary>
    public List<Func<RunSettings, IReadOnlyList<NotebookRun>, CourseRunner, int>> Exports { get; } = [];

    /// <summary>Where messages go.</summary>
    public TextWriter Output => output;

    /// <summary>Where errors go.</summary>
    public TextWriter Error => error;

    /// <summary>Runs the course and returns the exit code.</summary>
    public async Task<int> RunAsync(RunSettings settings)
    {
        var total = Stopwatch.StartNew();
        IReadOnlyList<string> files;
        try
        {
            files = NotebookDiscovery.Find(settings.Path);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.NotFound;
        }

        if (files.Count == 0)
        {
            output.WriteLine($"no .ipynb notebooks in {settings.Path}; nothing to run.");
        }

        var exitCode = ExitCodes.Success;
        void Record(int code)
        {
            if (exitCode == ExitCodes.Success)
            {
                exitCode = code;
            }
        }

        var runs = new List<NotebookRun>();
        var failures = 0;
        foreach (var file in files)
        {
            NotebookDocument notebook;
            try
            {
                notebook = NotebookReader.Read(file);
            }
            catch (FileNotFoundException e)
            {
                error.WriteLine($"error: {e.Message}");
                Record(ExitCodes.NotFound);
                failures++;
                continue;
            }
            catch (NotebookFormatException e)
            {
                error.WriteLine($"error: {e.Message}");
                Record(ExitCodes.InvalidNotebook);
                failures++;
                continue;
            }

            var run = await executor.RunAsync(notebook, settings.KeepGoing, Progress).ConfigureAwait(false);
            runs.Add(run);
            foreach (var failure in run.Failures)
            {
                error.WriteLine($"error: {failure}");
                Record(ExitCodes.For(failure.Kind));
                failures++;
            }

            if (settings.InPlace)
            {
                if (run.Succeeded)
                {
                    if (!TryWrite(() => writer.Write(notebook.Path, NotebookSerializer.ToBytes(notebook)), notebook.FileName))
                    {
                        Record(ExitCodes.WriteFailed);
                    }
                }
                else
                {
                    output.WriteLine($"{notebook.FileName}: not written back because a cell failed; the file is unchanged.");
                }
            }
        }

        foreach (var export in Exports)
        {
            var code = export(settings, runs, this);
            if (code != ExitCodes.Success)
            {
                Record(code);
            }
        }

        var cells = runs.Sum(r => r.Cells.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {files.Count} notebook(s), {cells} cell(s) run, {failures} failure(s), total {total.Elapsed.TotalSeconds:0.00}s"));
        foreach (var run in runs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.Notebook.FileName}: {run.Cells.Count} cell(s), {run.Elapsed.TotalSeconds:0.00}s{(run.Succeeded ? "" : ", FAILED")}"));
        }

        return exitCode;
    }

    /// <summary>Runs a write; an I/O failure is reported in one line instead of ending the run.</summary>
    public bool TryWrite(Action write, string what)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write {what}: {e.Message.TrimEnd('.')}; check the folder exists and is writable.");
            return false;
        }
    }

    private void Progress(CellProgress p) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{p.Notebook}  cell {p.CellNumber}/{p.CellCount}  {p.Elapsed.TotalSeconds:0.00}s{(p.Failed ? "  FAILED" : "")}"));
}

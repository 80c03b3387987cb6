using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CrossEntropy.Interactive.Display;
using CrossEntropy.Notebooks.Ipynb;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Data.Sqlite;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Executes a notebook's code cells in order in one script session, as the C# kernel does, and stores
/// each cell's outputs in the notebook. Markdown and raw cells pass through.
/// </summary>
internal sealed class NotebookExecutor(IMagicCommandRunner magic, IValueFormatter formatter, IReadOnlyList<Assembly> references)
{
    // Console and the display hook are process-wide, so notebooks run one at a time per process.
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    /// <summary>Runs <paramref name="notebook"/>; stops at the first failing cell unless <paramref name="keepGoing"/>.</summary>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, bool keepGoing, Action<CellProgress>? progress = null)
    {
        await s_gate.WaitAsync().ConfigureAwait(false);
        var originalOut = Console.Out;
        var originalDirectory = Environment.CurrentDirectory;
        var originalError = Console.Error;
        var total = Stopwatch.StartNew();
        try
        {
            var folder = Path.GetDirectoryName(notebook.Path) ?? Directory.GetCurrentDirectory();
            var session = new ScriptSession(references, folder);

            // The kernel runs with the notebook's folder as current directory; relative paths in cells mean the same here.
            Environment.CurrentDirectory = folder;
            var recorder = new OutputRecorder(formatter, notebook.Name);
            var resolver = new ScriptVariableResolver(session);
            var runs = new List<CellRun>();
            var count = 0;
            foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
            {
                var watch = Stopwatch.StartNew();
                recorder.NextCell();
                Console.SetOut(recorder.Stdout);
                Console.SetError(recorder.Stderr);
                NotebookDisplay.Connect(recorder.Display);
                CellFailure? failure;
                try
                {
                    failure = await RunCellAsync(notebook, cell, session, recorder, resolver).ConfigureAwait(false);
                }
                finally
                {
                    NotebookDisplay.Disconnect();
                    Console.SetOut(originalOut);
                    Console.SetError(originalError);
                }

                if (failure is not null)
                {
                    recorder.Error(ToErrorOutput(failure));
                }

                var outputs = recorder.NextCell();
                count++;
                cell.SetOutputs(count, outputs);
                runs.Add(new CellRun(cell, count, outputs, failure, watch.Elapsed));
                progress?.Invoke(new CellProgress(notebook.FileName, cell.Number, notebook.Cells.Count, watch.Elapsed, failure is not null));
                if (failure is not null && !keepGoing)
                {
                    break;
                }
            }

            return new NotebookRun(notebook, runs, total.Elapsed);
        }
        finally
        {
            // A notebook's SQLite files (a run tracker's runs/*.db) stay open in Microsoft.Data.Sqlite's
            // connection pool after its connections are disposed; release them, so a rerun that deletes
            // and recreates its store, or whoever cleans the runs/ folder, finds no file still in use.
            SqliteConnection.ClearAllPools();
            Environment.CurrentDirectory = originalDirectory;
            s_gate.Release();
        }
    }

    private async Task<CellFailure?> RunCellAsync(NotebookDocument notebook, NotebookCell cell, ScriptSession session, OutputRecorder recorder, ScriptVariableResolver resolver)
    {
        var source = cell.Source;
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        CellFailure Fail(FailureKind kind, string message, int? line) =>
            new(notebook.FileName, cell.Number, notebook.Cells.Count, kind, message,
                line is { } l && l >= 0 && l < lines.Length ? l + 1 : null,
                line is { } m && m >= 0 && m < lines.Length ? lines[m] : null);

        var kernel = cell.KernelName(notebook.DefaultKernelName);
        if (!NotebookDocument.IsCSharpKernel(kernel))
        {
            return Fail(FailureKind.UnsupportedCell,
                $"this is a '{kernel}' cell; the runner executes C# cells only: make it a C# cell or a markdown cell.", null);
        }

        IReadOnlyList<CellSegment> segments;
        try
        {
            segments = CellSegmenter.Split(source);
        }
        catch (UnsupportedCellException e)
        {
            return Fail(FailureKind.UnsupportedCell, e.Message, e.Line);
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.CSharp:
                {
                    var file = $"{notebook.Name}.cell{cell.Number}.{i + 1}.csx";
                    SubmissionResult result;
                    try
                    {
                        result = await session.RunAsync(segment.Text, file).ConfigureAwait(false);
                    }
                    catch (CompilationErrorException e)
                    {
                        var error = e.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? e.Diagnostics.First();
                        var line = error.Location.IsInSource ? segment.FirstLine + error.Location.GetLineSpan().StartLinePosition.Line : (int?)null;
                        return Fail(FailureKind.CompileError, $"error {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}", line);
                    }

                    if (result.Exception is { } thrown)
                    {
                        var inner = Unwrap(thrown);
                        var frameLine = FindLine(inner, file);
                        return Fail(FailureKind.RuntimeError, $"{inner.GetType().Name}: {OneLine(inner.Message)}",
                            frameLine is { } f ? segment.FirstLine + f - 1 : null);
                    }

                    if (result.HasReturnValue)
                    {
                        if (i == segments.Count - 1)
                        {
                            recorder.Result(result.ReturnValue);
                        }
                        else
                        {
                            recorder.Display(result.ReturnValue ?? KernelValueFormatter.NullText);
                        }
                    }

                    break;
                }

                case SegmentKind.CrossEntropyCommand:
                {
                    var result = magic.Run(segment.Text, resolver);
                    foreach (var warning in result.Warnings)
                    {
                        recorder.DisplayPlain("warning: " + warning);
                    }

                    if (result.Error is { } error)
                    {
                        return Fail(FailureKind.CommandError, OneLine(error), segment.FirstLine);
                    }

                    foreach (var value in result.Values)
                    {
                        recorder.Display(value);
                    }

                    break;
                }

                case SegmentKind.ProjectPackageReference:
                    break;
            }
        }

        return null;
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } invoked })
            {
                e = invoked;
            }
            else if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                e = aggregate.InnerExceptions[0];
            }
            else
            {
                return e;
            }
        }
    }

    // The innermost stack frame in this submission's code: the line the cell was executing.
    private static int? FindLine(Exception e, string file)
    {
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            var name = frame.GetFileName();
            if (name is not null && name.EndsWith(file, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
            {
                return frame.GetFileLineNumber();
            }
        }

        return null;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static ErrorOutput ToErrorOutput(CellFailure failure)
    {
        var traceback = new List<string> { failure.Message };
        if (failure.LineNumber is { } line)
        {
            traceback.Add($"line {line}: {failure.LineText?.Trim()}");
        }

        return new ErrorOutput(failure.Kind.ToString(), failure.Message, traceback);
    }
}

using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;
using CrossEntropy.Notebooks.Tests.Support;
using static CrossEntropy.Notebooks.Tests.Support.NotebookBuilder;

namespace CrossEntropy.Notebooks.Tests.Runner;

/// <summary>
/// Notebooks that track runs (chapter 8) keep a SQLite store in runs/ next to them: the runner shows the
/// tracker's results as tables, reruns them to the same bytes, and leaves no store file open.
/// </summary>
public sealed class TrackingStoreTests
{
    // What a tracking chapter does: start from an empty store under its own folder, record a run, show the table.
    private const string RecreateStore = """
        using System.IO;
        using CrossEntropy.Tracking;
        foreach (var file in new[] { "runs/t.db", "runs/t.db-wal", "runs/t.db-shm" })
            if (File.Exists(file)) File.Delete(file);
        using (var tracker = new RunTracker("runs/t.db"))
        using (var run = tracker.StartRun("lr=0.5", new { LearningRate = 0.5, Seed = 7 }))
        {
            run.Log(0, "train_loss", 0.69);
            run.Log(1, "train_loss", 0.52);
            run.Complete([]); // C# 12, as in the kernel: a params span is passed as a collection
        }
        """;

    private const string ShowRuns = """
        RunList runs;
        using (var tracker = new RunTracker("runs/t.db"))
            runs = tracker.ListRuns();
        runs
        """;

    // Pooled by default: disposing the connection hands its file handle to Microsoft.Data.Sqlite's pool.
    private const string PooledConnection = """
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=runs/raw.db"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS t (x INTEGER)";
            command.ExecuteNonQuery();
        }
        """;

    [Fact]
    public async Task A_run_list_returned_by_a_cell_is_shown_as_the_run_table()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "runs.ipynb", Code(RecreateStore), Code(ShowRuns));
        var executor = new NotebookExecutor(new CrossEntropyCommandRunner(), new KernelValueFormatter(), ProjectAssemblies.All);

        var run = await executor.RunAsync(NotebookReader.Read(path), keepGoing: false);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        var output = Assert.IsType<ExecuteResultOutput>(Assert.Single(run.Cells[1].Outputs));
        Assert.StartsWith("Runs (1 run (1 completed))", output.PlainText, StringComparison.Ordinal);
        Assert.Contains("\"ce-report ce-runs\"", output.Data.HtmlText, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("runs", "t.db")), "the store is created next to the notebook (the kernel's current directory)");
    }

    [Fact]
    public async Task A_notebook_that_recreates_its_store_in_runs_reruns_in_place_to_identical_bytes()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "08-tracked.ipynb", Code(RecreateStore), Code(ShowRuns));
        // Left over from an earlier session: a store, a stray WAL file and a notebook-looking file inside runs/.
        Directory.CreateDirectory(temp.Combine("runs"));
        await File.WriteAllTextAsync(temp.Combine("runs", "t.db-wal"), "stale");
        await File.WriteAllTextAsync(temp.Combine("runs", "old.ipynb"), "not a notebook of the course");

        var first = await ToolRun.RunAsync(["run", temp.Path, "--in-place"]);
        var afterFirst = await File.ReadAllBytesAsync(path);
        var second = await ToolRun.RunAsync(["run", temp.Path, "--in-place"]);
        var afterSecond = await File.ReadAllBytesAsync(path);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Error);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("Runs (1 run (1 completed))", System.Text.Encoding.UTF8.GetString(afterSecond), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_notebook_no_file_of_its_runs_folder_is_still_open()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "pooled.ipynb", Code(RecreateStore), Code(PooledConnection));
        var executor = new NotebookExecutor(new CrossEntropyCommandRunner(), new KernelValueFormatter(), ProjectAssemblies.All);

        var run = await executor.RunAsync(NotebookReader.Read(path), keepGoing: false);

        Assert.True(run.Succeeded, string.Join("; ", run.Failures));
        var runs = temp.Combine("runs");
        Assert.True(File.Exists(Path.Combine(runs, "raw.db")));
        Assert.Empty(OpenFilesUnder(runs));
        Directory.Delete(runs, recursive: true); // what cleaning the folder does; fails on Windows while a file is open
        Assert.False(Directory.Exists(runs));
    }

    // Linux lists a process's open files as links in /proc/self/fd; elsewhere the delete above is the check.
    private static List<string> OpenFilesUnder(string folder)
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return [];
        }

        var prefix = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var open = new List<string>();
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(prefix, StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we were listing.
            }
        }

        return open;
    }
}

using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Tests.Course;

/// <summary>Runs a notebook with the real command code and formatters, and checks it against its expectations.</summary>
internal static class NotebookCheck
{
    public static async Task<NotebookRun> RunAsync(string path)
    {
        var executor = new NotebookExecutor(new CrossEntropyCommandRunner(), new KernelValueFormatter(), ProjectAssemblies.All);
        return await executor.RunAsync(NotebookReader.Read(path), keepGoing: false);
    }

    /// <summary>The expectations file of <paramref name="notebook"/>; a notebook without one fails its test.</summary>
    public static string RequireExpectations(string notebook, string folder)
    {
        var name = Path.GetFileNameWithoutExtension(notebook);
        var path = Path.Combine(folder, name + ".json");
        Assert.True(File.Exists(path),
            $"{notebook} has no expectations file: create tests/CrossEntropy.Notebooks.Tests/Expectations/{name}.json (see the README there).");
        return path;
    }

    /// <summary>Every problem with a run against its expectations (empty when all is well).</summary>
    public static IReadOnlyList<string> Problems(NotebookRun run, IReadOnlyList<ExpectedNumber> expected)
    {
        var problems = run.Failures.Select(f => f.ToString()).ToList();
        problems.AddRange(NumberExpectations.Missing(expected, NumberExpectations.NumbersIn(run.PlainTexts)));
        var prose = NumberExpectations.ProseNumbers(run.Notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source));
        problems.AddRange(NumberExpectations.Unbacked(expected, prose));
        return problems;
    }
}

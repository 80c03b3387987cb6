using System.Diagnostics;
using CrossEntropy.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace CrossEntropy.Notebooks.Tests.Course;

/// <summary>
/// One test case per notebook in notebooks/ (discovered, so a new chapter is tested without editing this
/// file): it runs with zero errors, shows every number of its expectations file, and every number its
/// prose quotes is among those expectations.
/// </summary>
public sealed class CourseNotebookTests(ITestOutputHelper log)
{
    private const string NoNotebooks = "(no notebooks yet)";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var names = Directory.Exists(RepoPaths.Notebooks)
            ? Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList()
            : [];
        foreach (var name in names)
        {
            data.Add(name!);
        }

        if (names.Count == 0)
        {
            data.Add(NoNotebooks);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_notebook_runs_and_shows_the_numbers_its_prose_quotes(string notebook)
    {
        if (notebook == NoNotebooks)
        {
            Assert.True(!Directory.Exists(RepoPaths.Notebooks) || Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Length == 0);
            return;
        }

        var expectations = NotebookCheck.RequireExpectations(notebook, RepoPaths.Expectations);

        var watch = Stopwatch.StartNew();
        var run = await NotebookCheck.RunAsync(Path.Combine(RepoPaths.Notebooks, notebook));
        log.WriteLine($"{notebook}: {run.Cells.Count} code cell(s) in {watch.Elapsed.TotalSeconds:0.00}s");

        var problems = NotebookCheck.Problems(run, NumberExpectations.Load(expectations));
        Assert.True(problems.Count == 0, $"{notebook}:\n" + string.Join("\n", problems));
    }
}

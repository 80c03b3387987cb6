using System.Globalization;

namespace CrossEntropy.Tracking.Tests;

public class CsvExportTests
{
    [Fact]
    public void Csv_has_a_header_and_one_exact_line_per_value_with_quoted_names()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("lr=0.1, batch 32", new { Seed = 1 });
        run.Log(0, ("train_loss", 0.1 + 0.2), ("accuracy", 0.5));
        run.Log(1, ("train_loss", double.NaN), ("accuracy", 0.75));
        run.Complete();

        var lines = tracker.MetricsCsv(run.Id).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(RunTracker.CsvHeader, lines[0]);
        Assert.Equal(5, lines.Length);
        var fields = lines.Skip(1).Select(l => l.Split("\"lr=0.1, batch 32\",")).ToArray();
        Assert.All(fields, f => Assert.Equal($"{run.Id},", f[0]));
        var rest = fields.Select(f => f[1].Split(',')).ToArray();
        Assert.Equal(["accuracy", "accuracy", "train_loss", "train_loss"], rest.Select(r => r[0]));
        Assert.Equal(["0", "1", "0", "1"], rest.Select(r => r[1]));
        Assert.Equal(0.1 + 0.2, double.Parse(rest[2][2], CultureInfo.InvariantCulture)); // round-trips exactly
        Assert.Equal("NaN", rest[3][2]);
        Assert.All(rest, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", r[3]));
    }

    [Fact]
    public void Export_writes_the_csv_file_creating_its_directory()
    {
        using var store = new TemporaryStore();
        using var tracker = store.Open();
        using var run = tracker.StartRun("r", new { Seed = 1 });
        run.Log(0, "loss", 1.5);
        run.Complete();

        var path = tracker.ExportCsv(run.Id, Path.Combine(store.Directory, "exports", "run.csv"));

        Assert.Equal(tracker.MetricsCsv(run.Id), File.ReadAllText(path));
    }
}

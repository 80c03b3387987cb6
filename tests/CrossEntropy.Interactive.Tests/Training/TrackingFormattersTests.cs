using AngleSharp.Html.Parser;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Interactive.Training;
using CrossEntropy.Tracking;
using CrossEntropy.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace CrossEntropy.Interactive.Tests.Training;

[Collection("Formatter")] // Formatter registrations are process-wide
public sealed class TrackingFormattersTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ce-tracking-fmt-" + Guid.NewGuid().ToString("N"));
    private readonly RunTracker _tracker;
    private readonly long[] _ids;

    public TrackingFormattersTests()
    {
        _tracker = new RunTracker(Path.Combine(_directory, "runs.db"));
        var data = Standardizer.Fit(Datasets.Students(4, 100)).Transform(Datasets.Students(4, 100));
        var (train, validation) = data.Split(0.2, seed: 4);
        var ids = new List<long>();
        foreach (var rate in new[] { 0.03, 0.3, 3.0 })
        {
            var options = new TrainingOptions { LearningRate = rate, Epochs = 40, Seed = 42 };
            using var run = _tracker.StartRun(rate == 3.0 ? "lr=3 <fast>" : $"lr={rate}", new { Model = "logistic", Options = options }, DataFingerprint.Of(train, validation));
            var history = new LogisticRegression(2).Fit(train, options, validation, run.Log);
            run.Complete(history);
            ids.Add(run.Id);
        }

        _ids = [.. ids];
    }

    public void Dispose()
    {
        _tracker.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_run_table_highlights_only_the_config_that_differs_and_lists_the_rest_once()
    {
        var html = TrackingFormatters.ToHtml(_tracker.ListRuns());
        var document = new HtmlParser().ParseDocument(html);

        var highlightedHeadings = document.QuerySelectorAll("th.ce-diff").Select(th => th.TextContent).ToList();
        Assert.Equal(["Options.LearningRate"], highlightedHeadings);
        Assert.Equal(["0.03", "0.3", "3"], document.QuerySelectorAll("td.ce-diff").Select(td => td.TextContent));
        var meta = document.QuerySelector(".ce-meta")!.TextContent;
        Assert.Contains("Options.Seed = 42", meta);
        Assert.Contains("Model = logistic", meta);
        Assert.Contains("lr=3 <fast>", document.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain("<fast>", html); // user text is escaped
        Assert.Equal(3, document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("final_val_loss", document.QuerySelectorAll("th").Select(th => th.TextContent));
    }

    [Fact]
    public void The_run_table_in_plain_text_marks_differing_keys_with_a_star()
    {
        var text = TrackingFormatters.ToPlainText(_tracker.ListRuns());
        Assert.StartsWith("Runs (3 runs (3 completed))", text);
        Assert.Contains("*Options.LearningRate", text);
        Assert.Contains("* differs between runs", text);
    }

    [Fact]
    public void The_comparison_highlights_the_best_run_on_the_metric()
    {
        var comparison = _tracker.Compare(_ids, TrainingMetrics.ValidationLoss);
        var document = new HtmlParser().ParseDocument(TrackingFormatters.ToHtml(comparison));

        var best = document.QuerySelector("tr.ce-best")!;
        Assert.Equal(comparison.BestRunId, long.Parse(best.QuerySelector("td")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("(best)", best.QuerySelector("td")!.TextContent);
        Assert.Equal(["Options.LearningRate"], document.QuerySelectorAll("th.ce-diff").Select(th => th.TextContent));
        var bestRow = comparison.Rows.Single(r => r.Run.Id == comparison.BestRunId);
        Assert.Contains(NumberText.Exact(bestRow.BestValue!.Value), best.QuerySelectorAll("td").Select(td => td.GetAttribute("title")));
    }

    [Fact]
    public void A_run_shows_its_config_data_environment_and_summary()
    {
        var text = TrackingFormatters.ToPlainText(_tracker.GetRun(_ids[0]));
        foreach (var expected in new[] { "Options.LearningRate", "sha256", "80 train + 20 validation", "runtime", "processors", "final_val_loss" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public void Register_makes_the_kernel_Formatter_use_these_formatters()
    {
        TrackingFormatters.Register();
        TrackingFormatters.Register(); // idempotent

        var runs = _tracker.ListRuns();
        Assert.Equal(TrackingFormatters.ToHtml(runs), runs.ToDisplayString("text/html"));
        Assert.Equal(TrackingFormatters.ToPlainText(runs), runs.ToDisplayString("text/plain"));
        Assert.False(TrackingFormatters.TryFormat(42, out _, out _));
        Assert.Throws<ArgumentException>(() => TrackingFormatters.ToHtml("not a run"));
    }

    [Fact]
    public void Tracked_runs_are_drawn_overlaid_from_the_store()
    {
        var chart = TrainingCharts.Compare(_tracker, _ids);

        var traces = chart.Figure.Data.Cast<CrossEntropy.Interactive.Charts.ScatterTrace>().ToList();
        Assert.Equal(["lr=0.03", "lr=0.3", "lr=3 <fast>"], traces.Select(t => System.Net.WebUtility.HtmlDecode(t.Name)));
        Assert.Equal(_tracker.Metrics(_ids[1], TrainingMetrics.ValidationLoss).Select(p => p.Value), traces[1].Y);
        Assert.Contains("no 'nope' values", Assert.Throws<ArgumentException>(() => TrainingCharts.Compare(_tracker, _ids, "nope")).Message);
    }
}

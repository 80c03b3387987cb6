using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Tests.Formatting;

public class CategoricalLossReportFormatTests
{
    [Fact]
    public void Html_has_one_probability_column_per_class_and_highlights_the_true_class()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.Fruits()));

        var headings = document.QuerySelectorAll("thead th").Select(h => h.TextContent).ToArray();
        Assert.Equal(["#", "true class", "p(orange)", "p(apple)", "p(lemon)", "p(true class)", "loss (nats)"], headings);

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(["0", "orange", "0.7000", "0.2000", "0.1000", "0.7000", "0.3567"], rows[0]);
        Assert.Equal(["2", "lemon", "0.1000", "0.5000", "0.4000", "0.4000", "0.9163"], rows[2]);

        var highlighted = document.QuerySelectorAll("tbody td.ce-true").Select(td => td.TextContent).ToArray();
        Assert.Equal(["0.7000", "0.3000", "0.4000"], highlighted);
    }

    [Fact]
    public void Total_row_and_warnings_are_shown()
    {
        var report = SampleReports.Fruits();
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Contains("mean of 3 samples", document.QuerySelector("tr.ce-total")!.TextContent);
        Assert.Equal(NumberText.Short(report.Total), document.QuerySelector("tr.ce-total td")!.TextContent);
        Assert.Contains("rescaled to sum to 1 like Keras", document.QuerySelector(".ce-warn")!.TextContent);
        Assert.Contains("Keras CategoricalCrossentropy", document.QuerySelector(".ce-meta")!.TextContent);
    }

    [Fact]
    public void A_malicious_class_name_is_escaped_everywhere()
    {
        const string Evil = "<img src=x onerror=alert(1)>";
        var report = SampleReports.Fruits("orange", Evil, "lemon") with
        {
            Samples = [.. SampleReports.Fruits().Samples.Select(s => s with { Target = 1 })],
        };
        var html = CrossEntropyFormatters.ToHtml(report);
        var document = HtmlAssert.Parse(html);

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.DoesNotContain("<img", html);
        Assert.Contains($"p({Evil})", document.QuerySelector("thead")!.TextContent);
        Assert.Equal(Evil, HtmlAssert.BodyRows(document)[0][1]);
        Assert.Contains(Evil, CrossEntropyFormatters.ToPlainText(report));
    }

    [Fact]
    public void Ignored_samples_say_so_and_are_not_counted_in_the_total_label()
    {
        var report = SampleReports.Fruits();
        report = report with { Samples = report.Samples.SetItem(1, report.Samples[1] with { Ignored = true, Loss = 0 }) };
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Equal("ignored", HtmlAssert.BodyRows(document)[1][^1]);
        Assert.Single(document.QuerySelectorAll("tr.ce-ignored"));
        Assert.Contains("mean of 2 samples, 1 ignored", document.QuerySelector("tr.ce-total")!.TextContent);
    }

    [Fact]
    public void Plain_text_stars_the_true_class()
    {
        var text = CrossEntropyFormatters.ToPlainText(SampleReports.Fruits());

        Assert.Contains("0.7000*", text);
        Assert.Contains("* = probability of the true class", text);
        Assert.Contains("warning: row 2 summed to 0.9", text);
    }

    [Fact]
    public void Many_classes_collapse_to_the_predicted_class()
    {
        var classes = Enumerable.Range(0, 30).Select(i => $"c{i}").ToArray();
        var probabilities = Enumerable.Range(0, 30).Select(i => i == 7 ? 0.42 : 0.58 / 29).ToArray();
        var report = new CrossEntropy.Reports.CategoricalLossReport("PyTorch CrossEntropyLoss", LogBase.E, Reduction.Sum, [.. classes],
            [new CrossEntropy.Reports.CategoricalSample(0, 7, [.. probabilities], 0.42, -Math.Log(0.42))], -Math.Log(0.42), []);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Equal(["0", "c7", "c7", "0.4200", "0.4200", "0.8675"], HtmlAssert.BodyRows(document)[0]);
        Assert.Contains("sum of 1 sample", document.QuerySelector("tr.ce-total")!.TextContent);
    }
}

using System.Globalization;
using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Tests.Formatting;

public class BinaryLossReportFormatTests
{
    [Fact]
    public void Html_has_a_header_one_row_per_sample_and_a_total_row_with_rounded_numbers()
    {
        var report = SampleReports.Binary();
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        var headings = document.QuerySelectorAll("thead th").Select(h => h.TextContent).ToArray();
        Assert.Equal(["#", "label y", "p(y = 1)", "p(y = 0)", "p(true class)", "loss (nats)"], headings);

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["0", "1", "0.8000", "0.2000", "0.8000", "0.2231"], rows[0]); // hard labels as integers, not 1.0000
        Assert.Equal(["1", "0", "0.4000", "0.6000", "0.6000", "0.5108"], rows[1]);

        var total = document.QuerySelector("tfoot tr.ce-total")!;
        Assert.Contains("mean of 4 samples", total.TextContent);
        var expectedMean = (-Math.Log(0.8) - Math.Log(0.6) - Math.Log(0.7) - Math.Log(0.9)) / 4;
        Assert.Equal(expectedMean.ToString("R", CultureInfo.InvariantCulture), total.QuerySelector("td")!.GetAttribute("title"));
        Assert.Equal("0.2990", total.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void Html_shows_the_exact_value_on_hover_and_highlights_the_true_class()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.Binary()));
        var firstRow = document.QuerySelectorAll("tbody tr")[0].Children;

        Assert.Equal((-Math.Log(0.8)).ToString("R", CultureInfo.InvariantCulture), firstRow[5].GetAttribute("title"));
        Assert.Contains("ce-true", firstRow[2].ClassList);      // label 1: p(y = 1) is the true class
        Assert.DoesNotContain("ce-true", firstRow[3].ClassList);

        var secondRow = document.QuerySelectorAll("tbody tr")[1].Children;
        Assert.Contains("ce-true", secondRow[3].ClassList);     // label 0: p(y = 0) is the true class
    }

    [Fact]
    public void Html_and_text_name_the_semantics_the_log_base_and_the_unit()
    {
        var report = SampleReports.Binary(LogBase.Two);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));
        var meta = document.QuerySelector(".ce-meta")!.TextContent;

        Assert.Contains("PyTorch BCELoss", meta);
        Assert.Contains("log base 2", meta);
        Assert.Contains("bits", meta);
        Assert.Contains("loss (bits)", document.QuerySelector("thead")!.TextContent);

        var text = CrossEntropyFormatters.ToPlainText(report);
        Assert.Contains("PyTorch BCELoss", text);
        Assert.Contains("log base 2", text);
        Assert.Contains("loss (bits)", text);
    }

    [Fact]
    public void Long_inputs_show_20_rows_and_count_the_rest()
    {
        var report = SampleReports.Binary(repeat: 25); // 100 samples
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        var sampleRows = document.QuerySelectorAll("tbody tr:not(.ce-more)");
        Assert.Equal(20, sampleRows.Length);
        Assert.Equal("… 80 more rows", document.QuerySelector("tr.ce-more")!.TextContent);
        Assert.Contains("mean of 100 samples", document.QuerySelector("tfoot")!.TextContent);

        var text = CrossEntropyFormatters.ToPlainText(report);
        Assert.Contains("… 80 more rows", text);
        Assert.DoesNotContain("\n  20 ", text);
    }

    [Fact]
    public void Twenty_samples_are_all_shown_without_a_more_row()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.Binary(repeat: 5)));

        Assert.Equal(20, document.QuerySelectorAll("tbody tr").Length);
        Assert.Null(document.QuerySelector("tr.ce-more"));
    }

    [Fact]
    public void A_logit_column_appears_when_the_loss_came_from_logits()
    {
        var report = SampleReports.Binary();
        report = report with { Samples = [.. report.Samples.Select(s => s with { Logit = Math.Log(s.Probability / (1 - s.Probability)) })] };
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Contains("logit", document.QuerySelectorAll("thead th").Select(h => h.TextContent));
        Assert.Equal("1.3863", HtmlAssert.BodyRows(document)[0][2]); // ln(0.8 / 0.2)
    }

    [Fact]
    public void Plain_text_lists_each_sample_and_the_total()
    {
        var text = CrossEntropyFormatters.ToPlainText(SampleReports.Binary());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Binary cross-entropy", lines[0]);
        Assert.Contains(lines, l => l.Contains("0.8000") && l.Contains("0.2231"));
        Assert.Contains(lines, l => l.Contains("mean of 4 samples: 0.2990 nats"));
    }

    [Fact]
    public void Malicious_semantics_text_is_escaped()
    {
        var report = SampleReports.Binary() with { Semantics = "<script>alert(1)</script>" };
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", document.QuerySelector(".ce-meta")!.TextContent);
    }
}

using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Formatting;

public class OtherReportFormatTests
{
    [Fact]
    public void Probability_vector_is_a_row_of_labelled_bars_with_heights_in_proportion()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.Softmax()));

        var columns = document.QuerySelectorAll(".ce-bar-col");
        Assert.Equal(3, columns.Length);
        Assert.Equal(["blue", "green", "red"], columns.Select(c => c.QuerySelector(".ce-bar-label")!.TextContent));
        Assert.Equal(["0.7054", "0.2595", "0.03512"], columns.Select(c => c.QuerySelector(".ce-bar-value")!.TextContent));
        var heights = columns.Select(c => c.QuerySelector(".ce-bar")!.GetAttribute("style")).ToArray();
        Assert.Equal("height:84.6px", heights[0]);
        Assert.Contains("score = 2", columns[0].GetAttribute("title"));
        Assert.Contains("softmax of 3 scores", document.QuerySelector(".ce-caption")!.TextContent);
    }

    [Fact]
    public void Probability_vector_text_has_a_bar_per_class()
    {
        var text = CrossEntropyFormatters.ToPlainText(SampleReports.Softmax());

        Assert.Contains("blue", text);
        Assert.Contains("0.7054", text);
        Assert.Contains(new string('█', 21), text); // round(0.7054 · 30)
        Assert.Contains("sum of probabilities: 1.000", text);
    }

    [Fact]
    public void Sigmoid_probabilities_are_not_summed_or_called_classes()
    {
        // Each sigmoid output is its own probability: a sum of 2.5 would read as a broken distribution.
        var vector = Torch.Sigmoid([-3.0, 0, 3]);
        var text = CrossEntropyFormatters.ToPlainText(vector);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(vector));

        Assert.False(vector.IsDistribution);
        Assert.DoesNotContain("sum of probabilities", text);
        Assert.DoesNotContain("class", text);
        Assert.Contains("they need not sum to 1", text);
        Assert.DoesNotContain("sum of probabilities", document.Body!.TextContent);
        Assert.Contains("they need not sum to 1", document.Body!.TextContent);
    }

    [Fact]
    public void Probability_vector_with_many_classes_counts_the_hidden_ones()
    {
        var p = Enumerable.Repeat(0.01, 100).ToImmutableArray();
        var vector = new ProbabilityVector("softmax", [.. Enumerable.Range(0, 100).Select(i => $"k{i}")], [], p);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(vector));

        Assert.Equal(20, document.QuerySelectorAll(".ce-bar-col").Length);
        Assert.Contains("… 80 more classes", document.Body!.TextContent);
    }

    [Fact]
    public void Model_comparison_shows_products_log_likelihoods_and_marks_the_best_model()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.ModelsAAndB()));

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(2, rows.Count);
        Assert.Equal("A", rows[0][0]);
        Assert.Equal("0.008400", rows[0][2]);
        Assert.Equal("2.0757", rows[0][4]);
        Assert.Equal("B (best)", rows[1][0]);
        Assert.Equal("0.3024", rows[1][2]);
        Assert.Equal("-0.5194", rows[1][3]);
        Assert.Equal("0.5194", rows[1][4]);
        Assert.Single(document.QuerySelectorAll("tr.ce-best"));
        Assert.Contains("log base 10", document.QuerySelector(".ce-meta")!.TextContent);
        Assert.Contains("hartleys", document.QuerySelector("thead")!.TextContent);
    }

    [Fact]
    public void Model_comparison_text_names_the_best_model()
    {
        var text = CrossEntropyFormatters.ToPlainText(SampleReports.ModelsAAndB());

        Assert.Contains("B (best)", text);
        Assert.Contains("0.3024", text);
        Assert.Contains("2.0757", text);
    }

    [Fact]
    public void Information_report_shows_both_distributions_and_the_three_quantities()
    {
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(SampleReports.Information()));

        var tables = document.QuerySelectorAll("table");
        Assert.Equal(2, tables.Length);
        var distribution = tables[0].QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["0", "0.5000", "0.2500"], distribution[0]);
        var quantities = tables[1].QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["entropy H(p)", "−Σ p·log₂ p", "1.5000"], quantities[0]);
        Assert.Equal(["cross-entropy H(p, q)", "−Σ p·log₂ q", "1.7500"], quantities[1]);
        Assert.Equal(["KL divergence KL(p‖q)", "H(p, q) − H(p)", "0.2500"], quantities[2]);
        Assert.Contains("value (bits)", tables[1].QuerySelector("thead")!.TextContent);
    }

    [Fact]
    public void Information_report_without_q_shows_only_the_entropy()
    {
        var report = new InformationReport(LogBase.E, [0.5, 0.5], [], Math.Log(2), double.NaN, double.NaN);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Single(document.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr"));
        Assert.Equal("0.6931", document.QuerySelectorAll("table")[1].QuerySelector("tbody td:last-child")!.TextContent);
        Assert.DoesNotContain("NaN", CrossEntropyFormatters.ToPlainText(report));
    }

    [Fact]
    public void Classification_error_report_shows_count_rate_loss_and_which_samples()
    {
        var report = new ClassificationErrorReport(0.5, 2, 10, 0.2, [3, 7], 0.3567);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(["misclassified", "2 of 10"], rows[0]);
        Assert.Equal(["error rate", "0.2000"], rows[1]);
        Assert.Equal(["mean binary cross-entropy (nats)", "0.3567"], rows[2]);
        Assert.Equal(["misclassified samples", "#3, #7"], rows[3]);
        Assert.Contains("p ≥ 0.5000", document.QuerySelector(".ce-meta")!.TextContent);
        Assert.Contains("2 of 10", CrossEntropyFormatters.ToPlainText(report));
    }

    [Fact]
    public void Classification_error_report_lists_at_most_20_indices()
    {
        var indices = Enumerable.Range(0, 50).ToImmutableArray();
        var report = new ClassificationErrorReport(0.5, 50, 50, 1, indices, 2.0);

        Assert.Contains("#19 … 30 more samples", CrossEntropyFormatters.ToPlainText(report));
        Assert.DoesNotContain("#20", CrossEntropyFormatters.ToHtml(report));
    }
}

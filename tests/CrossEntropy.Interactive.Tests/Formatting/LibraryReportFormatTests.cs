using CsCheck;
using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Interactive.Tests.Charts;

namespace CrossEntropy.Interactive.Tests.Formatting;

/// <summary>The formatters and charts on reports made by the library's own facades, with the course's worked numbers.</summary>
public class LibraryReportFormatTests
{
    [Fact]
    public void Torch_BCELoss_report_formats_with_the_worked_losses()
    {
        var report = Torch.BCELoss([0.8, 0.4, 0.7, 0.9], [1, 0, 1, 1]);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(["0.2231", "0.5108", "0.3567", "0.1054"], rows.Select(r => r[^1]));
        Assert.Equal("0.2990", document.QuerySelector("tr.ce-total td")!.TextContent);
        Assert.Contains("mean of 4 samples", document.QuerySelector("tr.ce-total")!.TextContent);
        Assert.Contains(report.Semantics, document.QuerySelector(".ce-meta")!.TextContent);
    }

    [Fact]
    public void Torch_CrossEntropyLoss_report_highlights_each_rows_true_class()
    {
        var report = Torch.CrossEntropyLoss(new double[,] { { 2, 1, -1 }, { 0, 3, 1 } }, [0, 2], classes: ["blue", "green", "red"]);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Equal(["#", "true class", "p(blue)", "p(green)", "p(red)", "p(true class)", "loss (nats)"], document.QuerySelectorAll("thead th").Select(h => h.TextContent));
        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(["0", "blue", "0.7054", "0.2595", "0.03512", "0.7054", "0.3490"], rows[0]);
        var highlighted = document.QuerySelectorAll("tbody tr")[1].QuerySelector("td.ce-true")!;
        Assert.Equal(NumberText.Exact(report.Samples[1].Probabilities[2]), highlighted.GetAttribute("title"));
    }

    [Fact]
    public void Softmax_of_2_1_minus1_formats_as_the_worked_bars()
    {
        var vector = Torch.Softmax([2, 1, -1], ["blue", "green", "red"]);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(vector));

        Assert.Equal(["0.7054", "0.2595", "0.03512"], document.QuerySelectorAll(".ce-bar-value").Select(v => v.TextContent));
        Assert.Equal(["0.7054", "0.2595", "0.03512"], ChartJson.Strings(ChartJson.Traces(Chart.ProbabilityBars(vector))[0].GetProperty("text")));
    }

    [Fact]
    public void Likelihood_comparison_of_models_A_and_B_shows_the_articles_products()
    {
        var comparison = Likelihood.Compare(LogBase.Ten, ("A", [0.1, 0.7, 0.6, 0.2]), ("B", [0.8, 0.6, 0.7, 0.9]));
        var rows = HtmlAssert.BodyRows(HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(comparison)));

        Assert.Equal(["0.008400", "0.3024"], rows.Select(r => r[2]));
        Assert.Equal(["2.0757", "0.5194"], rows.Select(r => r[4]));
        Assert.Equal("B (best)", rows[1][0]);
    }

    [Fact]
    public void Information_report_in_bits_formats_the_three_quantities()
    {
        var report = Information.Report([0.5, 0.25, 0.25], [0.25, 0.25, 0.5], LogBase.Two);
        var text = CrossEntropyFormatters.ToPlainText(report);

        Assert.Contains("entropy H(p) = −Σ p·log₂ p = 1.5000 bits", text);
        Assert.Contains("cross-entropy H(p, q) = −Σ p·log₂ q = 1.7500 bits", text);
        Assert.Contains("KL divergence KL(p‖q) = H(p, q) − H(p) = 0.2500 bits", text);
    }

    [Fact]
    public void Classification_error_report_formats_the_count_and_the_loss()
    {
        var report = ClassificationError.Evaluate([0.8, 0.4, 0.3, 0.9], [1, 0, 1, 1]);
        var rows = HtmlAssert.BodyRows(HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report)));

        Assert.Equal(["misclassified", "1 of 4"], rows[0]);
        Assert.Equal(["misclassified samples", "#2"], rows[3]);
        Assert.Equal(NumberText.Short(report.Loss), rows[2][1]);
    }

    [Fact]
    public void Penalty_curve_of_a_BCEWithLogits_report_marks_the_samples()
    {
        var report = Torch.BCEWithLogitsLoss([1.3862943611198906, -0.4054651081081644], [1, 0]);
        var traces = ChartJson.Traces(Chart.PenaltyCurve(report));

        Assert.Equal(4, traces.Length);
        Assert.Equal(0.8, ChartJson.Numbers(traces[2].GetProperty("x"))[0], 12);
        Assert.Equal(-Math.Log(0.6), ChartJson.Numbers(traces[3].GetProperty("y"))[0], 12);
        Assert.Contains("logit", HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report)).QuerySelector("thead")!.TextContent);
    }
}

public class ReportFormatPropertyTests
{
    [Fact]
    public void Any_binary_report_shows_at_most_20_rows_and_counts_the_rest()
    {
        var sample = Gen.Select(Gen.Double[0, 1], Gen.Int[0, 1]);
        sample.Array[1, 60].Sample(rows =>
        {
            var samples = rows.Select((r, i) => new CrossEntropy.Reports.BinarySample(i, r.Item2, r.Item1, r.Item2 == 1 ? r.Item1 : 1 - r.Item1, -Math.Log(r.Item2 == 1 ? r.Item1 : 1 - r.Item1)));
            var report = new CrossEntropy.Reports.BinaryLossReport("PyTorch BCELoss", LogBase.E, Reduction.Sum, [.. samples], 0);
            var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));
            var shown = document.QuerySelectorAll("tbody tr:not(.ce-more)").Length;
            var more = document.QuerySelector("tr.ce-more")?.TextContent;
            return shown == Math.Min(rows.Length, 20)
                && (rows.Length <= 20 ? more is null : more == $"… {rows.Length - 20} more row{(rows.Length == 21 ? "" : "s")}");
        }, iter: 300);
    }

    [Fact]
    public void Ignored_rows_without_a_class_show_a_dash_not_NaN()
    {
        var report = Torch.CrossEntropyLoss(new double[,] { { 2, 1, -1 }, { 0, 3, 1 } }, [0, -100]);
        var html = CrossEntropyFormatters.ToHtml(report);

        Assert.DoesNotContain(">NaN<", html);
        var row = HtmlAssert.BodyRows(HtmlAssert.Parse(html))[1];
        Assert.Equal("-100 (ignored)", row[1]);
        Assert.Equal(["—", "ignored"], row[^2..]);
    }
}

public class KerasReportFormatTests
{
    [Fact]
    public void Keras_BinaryCrossentropy_report_shows_the_clipping_warning_and_the_clipped_probability()
    {
        var report = Keras.BinaryCrossentropy([1, 0], [1.0, 0.4]);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        Assert.Contains("clipped", document.QuerySelector(".ce-warn")!.TextContent);
        Assert.Contains("Keras BinaryCrossentropy", document.QuerySelector(".ce-meta")!.TextContent);
        var clipped = document.QuerySelectorAll("tbody tr")[0].Children[2]; // p(y = 1) of the first sample
        Assert.True(report.Samples[0].Probability < 1);
        Assert.Equal(NumberText.Exact(report.Samples[0].Probability), clipped.GetAttribute("title"));
        Assert.Contains("warning:", CrossEntropyFormatters.ToPlainText(report));
    }

    [Fact]
    public void Keras_SparseCategoricalCrossentropy_report_formats_the_fruit_example()
    {
        var report = Keras.SparseCategoricalCrossentropy([0, 2, 2], new double[,] { { 0.7, 0.2, 0.1 }, { 0.3, 0.4, 0.3 }, { 0.1, 0.5, 0.4 } }, classes: ["orange", "apple", "lemon"]);
        var document = HtmlAssert.Parse(CrossEntropyFormatters.ToHtml(report));

        var rows = HtmlAssert.BodyRows(document);
        Assert.Equal(["0.3567", "1.2040", "0.9163"], rows.Select(r => r[^1]));
        Assert.Equal(["orange", "lemon", "lemon"], rows.Select(r => r[1]));
        Assert.Equal(NumberText.Short(report.Total), document.QuerySelector("tr.ce-total td")!.TextContent);
    }
}

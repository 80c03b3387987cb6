using System.Text.Json;
using AngleSharp.Html.Parser;
using CrossEntropy.Interactive.Charts;
using CsCheck;

namespace CrossEntropy.Interactive.Tests.Charts;

public class PlotlyChartTests
{
    [Fact]
    public void Same_input_gives_the_same_bytes_and_id()
    {
        var first = Chart.PenaltyCurve(LogBase.E, [0.8, 0.4], [1, 0]);
        var second = Chart.PenaltyCurve(LogBase.E, [0.8, 0.4], [1, 0]);

        Assert.Equal(first.DivId, second.DivId);
        Assert.Equal(first.ToHtml(), second.ToHtml());
        Assert.Matches("^ce-chart-[0-9a-f]{12}$", first.DivId);
    }

    [Fact]
    public void Different_figures_or_sizes_get_different_ids()
    {
        var chart = Chart.PenaltyCurve(LogBase.E, [0.8]);

        Assert.NotEqual(chart.DivId, Chart.PenaltyCurve(LogBase.E, [0.7]).DivId);
        Assert.NotEqual(chart.DivId, chart.WithSize(500, 300).DivId);
    }

    [Fact]
    public void Html_fragment_is_a_div_and_a_script_that_loads_plotly_once_from_the_cdn()
    {
        var chart = Chart.CoinEntropy();
        var html = chart.ToHtml();
        var document = new HtmlParser().ParseDocument(html);

        var div = document.QuerySelector("div.ce-chart")!;
        Assert.Equal(chart.DivId, div.Id);
        Assert.Contains("height:420px", div.GetAttribute("style"));
        var script = document.QuerySelector("script")!.TextContent;
        Assert.Contains("window", script);
        Assert.Contains("if(w.Plotly){draw(w.Plotly);return;}", script);
        Assert.Contains("w.__crossEntropyPlotly", script);
        Assert.Contains(PlotlyJs.CdnUrl[..^3], script);
        Assert.Equal("https://cdn.jsdelivr.net/npm/plotly.js-dist-min@3.1.2/plotly.min.js", PlotlyJs.CdnUrl);
        Assert.Contains(chart.Json, script);
        Assert.Single(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script src", html); // plotly.js is never embedded or linked per chart
    }

    [Fact]
    public void A_class_name_that_closes_the_script_is_escaped_in_the_json()
    {
        var chart = Chart.ProbabilityBars(["</script><script>alert(1)</script>", "b"], [0.5, 0.5]);
        var document = new HtmlParser().ParseDocument(chart.ToHtml());

        Assert.Single(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("</script><script>", chart.Json);
        var x = JsonDocument.Parse(chart.Json).RootElement.GetProperty("data")[0].GetProperty("x")[0].GetString();
        Assert.Equal("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", x);
    }

    [Fact]
    public void Raw_text_that_would_close_the_script_is_escaped_but_reads_back_unchanged()
    {
        const string Title = "a</script><!-- b<br>x₁";
        var chart = new PlotlyChart(new Figure([], new Layout(Title, new Axis("x"), new Axis("y"))));
        var document = new HtmlParser().ParseDocument(chart.ToHtml());

        Assert.Single(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("</script", chart.Json);
        Assert.DoesNotContain("<!--", chart.Json);
        Assert.Contains("<br>x₁", chart.Json);
        Assert.Equal(Title, JsonDocument.Parse(chart.Json).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Non_finite_numbers_anywhere_in_a_figure_are_written_as_null()
    {
        var figure = new Figure(
            [new ScatterTrace([double.NaN, 1], [double.PositiveInfinity, double.NegativeInfinity], ScatterMode.Lines)],
            new Layout("t", new Axis("x", double.NaN, 1), new Axis("y")) { Shapes = [new LineShape(0, double.NaN, 1, 1, new LineStyle())] });

        var json = FigureJson.Write(figure);

        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("[null,1]", root.GetProperty("data")[0].GetProperty("x").GetRawText());
        Assert.Equal("[null,null]", root.GetProperty("data")[0].GetProperty("y").GetRawText());
        Assert.Equal("[null,1]", root.GetProperty("layout").GetProperty("xaxis").GetProperty("range").GetRawText());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("layout").GetProperty("shapes")[0].GetProperty("y0").ValueKind);
    }

    [Fact]
    public void Any_doubles_give_parseable_json_without_non_finite_tokens()
    {
        Gen.Double.Array[0, 50].Sample(values =>
        {
            var x = Enumerable.Range(0, values.Length).Select(i => (double)i);
            var chart = new PlotlyChart(new Figure([new ScatterTrace([.. x], [.. values], ScatterMode.Lines)], new Layout("t", new Axis("x"), new Axis("y"))));
            var parsed = JsonDocument.Parse(chart.Json).RootElement.GetProperty("data")[0].GetProperty("y");
            return parsed.GetArrayLength() == values.Length
                && parsed.EnumerateArray().Zip(values).All(p => double.IsFinite(p.Second) ? p.First.GetDouble() == p.Second : p.First.ValueKind == JsonValueKind.Null);
        }, iter: 500);
    }

    [Fact]
    public void Ids_and_sizes_are_checked()
    {
        var chart = Chart.CoinEntropy();

        Assert.Equal("my-chart", chart.WithDivId("my-chart").DivId);
        Assert.Contains("Invalid div id", Assert.Throws<ArgumentException>(() => chart.WithDivId("1\"><script>")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => chart.WithSize(10, 400));
        Assert.Throws<InvalidOperationException>(() => default(PlotlyChart).ToHtml());
        Assert.Equal("Chart (empty)", default(PlotlyChart).ToString());
    }
}

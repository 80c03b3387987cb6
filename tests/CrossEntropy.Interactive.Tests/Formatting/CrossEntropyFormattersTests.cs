using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace CrossEntropy.Interactive.Tests.Formatting;

[Collection("Formatter")] // Formatter registrations are process-wide state
public class CrossEntropyFormattersTests
{
    public static TheoryData<object> EverySupportedValue() =>
    [
        SampleReports.Binary(), SampleReports.Fruits(), SampleReports.Softmax(), SampleReports.ModelsAAndB(),
        SampleReports.Information(), new CrossEntropy.Reports.ClassificationErrorReport(0.5, 1, 4, 0.25, [2], 0.3),
        Chart.CoinEntropy(), CrossEntropy.Interactive.Commands.Help.CommandUsage.All(),
        SampleRuns.List(), SampleRuns.Comparison(), SampleRuns.Run(3, "lr=0.3", 0.3, 0.45),
    ];

    [Theory]
    [MemberData(nameof(EverySupportedValue))]
    public void Registered_formatters_produce_the_same_html_and_text_as_the_plain_functions(object value)
    {
        CrossEntropyFormatters.Register();

        Assert.Equal(CrossEntropyFormatters.ToHtml(value), Formatter.ToDisplayString(value, "text/html"));
        Assert.Equal(CrossEntropyFormatters.ToPlainText(value), Formatter.ToDisplayString(value, "text/plain"));
        Assert.Equal(["text/html", "text/plain"], Formatter.GetPreferredMimeTypesFor(value.GetType()));
    }

    [Fact]
    public void Register_twice_adds_no_second_set_of_formatters()
    {
        CrossEntropyFormatters.Register();
        var before = Formatter.RegisteredFormatters(false).Count();

        CrossEntropyFormatters.Register();

        Assert.Equal(before, Formatter.RegisteredFormatters(false).Count());
        Assert.True(CrossEntropyFormatters.IsRegistered());
        Assert.Contains("ce-report", Formatter.ToDisplayString(SampleReports.Binary(), "text/html"));
    }

    [Fact]
    public void Register_also_registers_the_tracking_formatters_so_the_kernel_shows_run_tables()
    {
        Formatter.ResetToDefault();

        CrossEntropyFormatters.Register();

        var runs = SampleRuns.List();
        Assert.Equal(TrackingFormatters.ToHtml(runs), Formatter.ToDisplayString(runs, "text/html"));
        Assert.Contains("ce-runs", Formatter.ToDisplayString(runs, "text/html"));
        Assert.StartsWith("Runs (2 runs", Formatter.ToDisplayString(runs, "text/plain"));
    }

    [Fact]
    public void TryFormat_renders_tracker_results_with_the_tracking_formatters()
    {
        var comparison = SampleRuns.Comparison();

        Assert.True(CrossEntropyFormatters.TryFormat(comparison, out var html, out var plain));

        Assert.Equal(TrackingFormatters.ToHtml(comparison), html);
        Assert.Equal(TrackingFormatters.ToPlainText(comparison), plain);
        Assert.Contains("2 lr=1 (best)", plain);
    }

    [Fact]
    public void Register_after_a_formatter_reset_registers_again()
    {
        CrossEntropyFormatters.Register();
        Formatter.ResetToDefault();
        Assert.False(CrossEntropyFormatters.IsRegistered());

        CrossEntropyFormatters.Register();

        Assert.True(CrossEntropyFormatters.IsRegistered());
        Assert.Contains("ce-report", Formatter.ToDisplayString(SampleReports.Binary(), "text/html"));
    }

    [Theory]
    [MemberData(nameof(EverySupportedValue))]
    public void TryFormat_gives_both_forms_of_every_supported_type(object value)
    {
        Assert.True(CrossEntropyFormatters.TryFormat(value, out var html, out var plain));
        Assert.NotEmpty(html);
        Assert.NotEmpty(plain);
        Assert.DoesNotContain("<", plain.Replace("<extra>", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_supported_type_has_a_sample_in_the_theory()
    {
        Assert.Equal(
            CrossEntropyFormatters.SupportedTypes.OrderBy(t => t.Name),
            ((IEnumerable<object[]>)EverySupportedValue()).Select(row => row[0].GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void TryFormat_declines_other_values_and_ToHtml_names_the_type()
    {
        Assert.False(CrossEntropyFormatters.TryFormat("just a string", out var html, out var plain));
        Assert.Equal("", html);
        Assert.Equal("", plain);
        Assert.False(CrossEntropyFormatters.TryFormat(null, out _, out _));
        Assert.False(CrossEntropyFormatters.TryFormat(default(PlotlyChart), out _, out _));

        var error = Assert.Throws<ArgumentException>(() => CrossEntropyFormatters.ToHtml(42));
        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void Chart_plain_text_is_a_one_line_summary()
    {
        var chart = Chart.PenaltyCurve(LogBase.E, [0.8, 0.4], [1, 0]);

        var plain = CrossEntropyFormatters.ToPlainText(chart);

        Assert.DoesNotContain('\n', plain);
        Assert.Contains("Penalty", plain);
        Assert.Contains("4 traces", plain);
    }
}

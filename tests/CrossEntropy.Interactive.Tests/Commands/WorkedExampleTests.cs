using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands;
using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Commands.Help;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Commands;

/// <summary>Every subcommand on the seed articles' worked examples (students A/B, fruit containers, blue/green/red scores).</summary>
public class WorkedExampleTests
{
    private static T Single<T>(string line, IVariableResolver? resolver = null)
    {
        var result = CrossEntropyCommand.Execute(line, resolver);
        Assert.True(result.Succeeded, result.Error);
        return Assert.IsType<T>(Assert.Single(result.Values));
    }

    [Fact]
    public void Softmax_of_scores_matches_the_worked_example()
    {
        var vector = Single<ProbabilityVector>("#!cross-entropy softmax --scores \"2 1 -1\" --classes \"blue green red\"");
        Assert.Equal(["blue", "green", "red"], vector.Labels.ToArray());
        Assert.Equal(0.705, vector.Probabilities[0], 3);
        Assert.Equal(0.259, vector.Probabilities[1], 3);
        Assert.Equal(0.035, vector.Probabilities[2], 3);
        Assert.Equal(1.0, vector.Probabilities.Sum(), 12);
    }

    [Fact]
    public void Softmax_accepts_comma_separated_scores_without_quotes()
    {
        var vector = Single<ProbabilityVector>("#!cross-entropy softmax --scores 2,1,-1");
        Assert.Equal(0.705, vector.Probabilities[0], 3);
        Assert.Equal(["0", "1", "2"], vector.Labels.ToArray());
    }

    [Fact]
    public void Sigmoid_maps_zero_to_one_half_and_is_symmetric()
    {
        var vector = Single<ProbabilityVector>("#!cross-entropy sigmoid --scores \"-2 0 2\"");
        Assert.Equal("sigmoid", vector.Activation);
        Assert.Equal(0.5, vector.Probabilities[1], 12);
        Assert.Equal(0.8808, vector.Probabilities[2], 4);
        Assert.Equal(1.0, vector.Probabilities[0] + vector.Probabilities[2], 12);
    }

    [Fact]
    public void Compare_gives_the_products_and_base_10_sums_of_models_A_and_B()
    {
        var comparison = Single<ModelComparison>("#!cross-entropy compare --models \"A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9\" --log-base 10");
        var a = comparison.Models.Single(m => m.Name == "A");
        var b = comparison.Models.Single(m => m.Name == "B");
        Assert.Equal(0.0084, a.Product, 10);
        Assert.Equal(0.3024, b.Product, 10);
        Assert.Equal(2.0757, a.CrossEntropy, 4);
        Assert.Equal(0.5194, b.CrossEntropy, 4);
        Assert.Equal(-2.0757, a.LogLikelihood, 4);
        Assert.Equal(LogBase.Ten, comparison.LogBase);
    }

    [Fact]
    public void Binary_on_model_B_sums_to_the_base_10_cross_entropy()
    {
        var report = Single<BinaryLossReport>("#!cross-entropy binary --labels \"0 0 1 1\" --probabilities \"0.2 0.4 0.7 0.9\" --log-base 10 --reduction sum");
        Assert.Equal(0.5194, report.Total, 4);
        Assert.Equal(Reduction.Sum, report.Reduction);
        Assert.Equal([0.8, 0.6, 0.7, 0.9], report.Samples.Select(s => Math.Round(s.ProbabilityOfTrueClass, 12)));
        Assert.Equal(0.0969, report.Samples[0].Loss, 4);
    }

    [Fact]
    public void Binary_defaults_to_the_mean_in_nats()
    {
        var report = Single<BinaryLossReport>("#!cross-entropy binary --labels 0,0,1,1 --probabilities 0.2,0.4,0.7,0.9");
        Assert.Equal(LogBase.E, report.LogBase);
        Assert.Equal(Reduction.Mean, report.Reduction);
        Assert.Equal(0.5194 * Math.Log(10) / 4, report.Total, 4);
    }

    [Fact]
    public void Binary_from_logits_uses_the_stable_sigmoid_form()
    {
        var report = Single<BinaryLossReport>("#!cross-entropy binary --labels \"1 0\" --logits \"0 0\"");
        Assert.Equal(Math.Log(2), report.Total, 12);
        Assert.Equal(0.0, report.Samples[1].Logit);
        Assert.Contains("WithLogits", report.Semantics);
    }

    [Fact]
    public void Binary_with_chart_shows_the_table_then_the_penalty_curve()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy binary --labels \"0 0 1 1\" --probabilities \"0.2 0.4 0.7 0.9\" --chart");
        Assert.True(result.Succeeded, result.Error);
        Assert.Collection(result.Values, v => Assert.IsType<BinaryLossReport>(v), v => Assert.IsType<PlotlyChart>(v));
    }

    [Fact]
    public void Categorical_from_logits_matches_minus_log_softmax_of_the_true_class()
    {
        var report = Single<CategoricalLossReport>(
            "#!cross-entropy categorical --classes \"blue green red\" --labels \"blue red\" --logits \"2 1 -1; 2 1 -1\" --reduction none");
        Assert.Equal(["blue", "green", "red"], report.Classes.ToArray());
        Assert.Equal([0, 2], report.Samples.Select(s => s.Target));
        Assert.Equal(-Math.Log(0.7054), report.Samples[0].Loss, 3);
        Assert.Equal(-Math.Log(0.0351), report.Samples[1].Loss, 2);
    }

    [Fact]
    public void Categorical_labels_may_be_class_indices()
    {
        var byName = Single<CategoricalLossReport>("#!cross-entropy categorical --classes \"blue green red\" --labels \"blue red\" --logits \"2 1 -1; 0 0 3\"");
        var byIndex = Single<CategoricalLossReport>("#!cross-entropy categorical --labels \"0 2\" --logits \"2 1 -1; 0 0 3\"");
        Assert.Equal(byName.Total, byIndex.Total, 14);
        Assert.Equal(["0", "1", "2"], byIndex.Classes.ToArray());
    }

    [Fact]
    public void Categorical_fruit_example_in_base_10_sums_to_1_0757()
    {
        var report = Single<CategoricalLossReport>(
            "#!cross-entropy categorical --classes \"orange apple lemon\" --labels \"orange lemon lemon\" " +
            "--probabilities \"0.7 0.2 0.1; 0.3 0.4 0.3; 0.1 0.5 0.4\" --log-base 10 --reduction sum");
        Assert.Equal(1.0757, report.Total, 4);
        Assert.Equal([0.7, 0.3, 0.4], report.Samples.Select(s => Math.Round(s.ProbabilityOfTrueClass, 12)));
        Assert.Contains("Keras", report.Semantics);
    }

    [Fact]
    public void Categorical_defaults_to_the_mean_over_samples()
    {
        var report = Single<CategoricalLossReport>(
            "#!cross-entropy categorical --classes \"orange apple lemon\" --labels \"orange lemon lemon\" " +
            "--probabilities \"0.7 0.2 0.1; 0.3 0.4 0.3; 0.1 0.5 0.4\" --log-base 10");
        Assert.Equal(1.0757 / 3, report.Total, 4);
    }

    [Fact]
    public void Categorical_rows_not_summing_to_one_are_rescaled_like_Keras_with_a_warning()
    {
        var result = CrossEntropyCommand.Execute(
            "#!cross-entropy categorical --classes \"orange apple lemon\" --labels \"orange lemon\" --probabilities \"0.7 0.2 0.1; 0.6 0.8 0.6\" --reduction none");
        Assert.True(result.Succeeded, result.Error);
        var report = Assert.IsType<CategoricalLossReport>(result.Values[0]);
        Assert.Equal(-Math.Log(0.3), report.Samples[1].Loss, 6); // 0.6 / (0.6 + 0.8 + 0.6)
        var warning = Assert.Single(result.Warnings);
        // In the command's terms (--probabilities, not the library's yPred), numbered like the report's # column.
        Assert.StartsWith("--probabilities, sample #1 (sum 2) did not sum to 1", warning);
    }

    [Fact]
    public void Entropy_of_a_fair_coin_is_one_bit_and_cross_entropy_adds_the_KL_divergence()
    {
        var report = Single<InformationReport>("#!cross-entropy entropy --p \"0.5 0.5\" --q \"0.9 0.1\" --log-base 2");
        Assert.Equal(1.0, report.Entropy, 12);
        Assert.Equal(-(0.5 * Math.Log2(0.9) + 0.5 * Math.Log2(0.1)), report.CrossEntropy, 12);
        Assert.Equal(report.CrossEntropy - report.Entropy, report.KlDivergence, 12);
    }

    [Fact]
    public void Entropy_rescales_a_distribution_that_does_not_sum_to_one_and_says_so()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy entropy --p \"1 1\" --log-base 2");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1.0, Assert.IsType<InformationReport>(Assert.Single(result.Values)).Entropy, 12);
        Assert.Contains("--p summed to 2", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Curve_returns_the_penalty_chart_with_the_samples_marked()
    {
        var chart = Single<PlotlyChart>("#!cross-entropy curve --labels \"0 0 1 1\" --probabilities \"0.2 0.4 0.7 0.9\"");
        Assert.Contains("0.7", chart.Json);
        Assert.True(chart.Figure.Data.Length >= 2, "both branches of the penalty curve");
    }

    [Fact]
    public void Compare_with_chart_adds_one_bar_per_model()
    {
        var result = CrossEntropyCommand.Execute("#!cross-entropy compare --models \"A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9\" --chart");
        Assert.True(result.Succeeded, result.Error);
        var chart = Assert.IsType<PlotlyChart>(result.Values[1]);
        Assert.Contains("\"A\"", chart.Json);
        Assert.Contains("\"B\"", chart.Json);
    }

    [Theory]
    [InlineData("#!cross-entropy")]
    [InlineData("#!cross-entropy help")]
    public void Help_and_the_bare_directive_list_every_subcommand_with_an_example(string line)
    {
        var usage = Single<CommandUsage>(line);
        Assert.Equal(CommandCatalog.Subcommands.Select(s => s.Name), usage.Subcommands.Select(s => s.Name));
        var text = usage.ToString();
        foreach (var sub in CommandCatalog.Subcommands)
            Assert.Contains(sub.Example, text);
    }

    [Theory]
    [InlineData("#!cross-entropy help binary")]
    [InlineData("#!cross-entropy help --topic binary")]
    [InlineData("#!cross-entropy binary --help")]
    [InlineData("#!cross-entropy binary --labels \"1\" --help")]
    public void Help_for_one_subcommand_lists_its_options(string line)
    {
        var usage = Single<CommandUsage>(line);
        Assert.True(usage.Detailed);
        Assert.Equal("binary", Assert.Single(usage.Subcommands).Name);
        Assert.Contains("--log-base", usage.ToString());
    }

    [Fact]
    public void Every_catalog_example_runs()
    {
        foreach (var sub in CommandCatalog.Subcommands)
        {
            var result = CrossEntropyCommand.Execute(sub.Example);
            Assert.True(result.Succeeded, $"{sub.Example}: {result.Error}");
        }
    }
}

using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.Torch;

using Torch = CrossEntropy.Torch;

public class TorchFacadeTests
{
    [Fact]
    public void Softmax_report_labels_the_worked_example()
    {
        var v = Torch.Softmax([2, 1, -1], ["Blue", "Green", "Red"]);
        Assert.Equal("softmax", v.Activation);
        Assert.Equal(new[] { "Blue", "Green", "Red" }, v.Labels.ToArray());
        Assert.Equal(new[] { 2.0, 1.0, -1.0 }, v.Scores.ToArray());
        Assert.Equal([0.705, 0.259, 0.035], v.Probabilities.Select(p => Math.Round(p, 3)));
    }

    [Fact]
    public void Sigmoid_report_gives_independent_probabilities()
    {
        var v = Torch.Sigmoid([0, 2]);
        Assert.Equal("sigmoid", v.Activation);
        Assert.Equal(new[] { "0", "1" }, v.Labels.ToArray());
        Assert.Equal(0.5, v.Probabilities[0]);
        Assert.Equal(1 / (1 + Math.Exp(-2)), v.Probabilities[1], 15);
    }

    [Fact]
    public void BCELoss_after_sigmoid_of_the_printed_inputs_is_0_4580_not_the_printed_1_0966()
    {
        var c = ReferenceCases.Get("torch_article", "torch.article.bce_sigmoid_10");
        var x = c.Inputs["X"].Data.Select(d => (double)(float)d).ToArray();
        var p = Torch.Sigmoid(x).Probabilities.ToArray();
        var report = Torch.BCELoss(p, c.Inputs["y"].Data);
        Assert.Equal("0.4580", report.Total.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("PyTorch BCELoss", report.Semantics);
        Assert.Equal(10, report.Samples.Length);
    }

    [Fact]
    public void CrossEntropyLoss_of_the_10x5_example_is_1_9732()
    {
        var c = ReferenceCases.Get("torch_article", "torch.article.cross_entropy_10x5");
        var logits = new double[10, 5];
        for (var i = 0; i < 50; i++) logits[i / 5, i % 5] = (float)c.Inputs["input"].Data[i];
        var report = Torch.CrossEntropyLoss(logits, c.Inputs["target"].AsInt());
        Assert.Equal(1.9732, Math.Round(report.Total, 4));
        Assert.Equal("PyTorch CrossEntropyLoss", report.Semantics);
        Assert.All(report.Samples, s => Assert.Equal(1.0, s.Probabilities.Sum(), 12));
        Assert.All(report.Samples, s => Assert.Equal(-Math.Log(s.ProbabilityOfTrueClass), s.Loss, 12));
        Assert.Equal(report.Samples.Average(s => s.Loss), report.Total, 12);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void BCELoss_in_base_10_gives_model_A_and_B_log_sums_of_the_article()
    {
        var a = Torch.BCELoss([0.1, 0.7, 0.6, 0.2], [1, 1, 1, 1], Reduction.Sum, logBase: LogBase.Ten);
        var b = Torch.BCELoss([0.2, 0.4, 0.7, 0.9], [0, 0, 1, 1], Reduction.Sum, logBase: LogBase.Ten);
        Assert.Equal(2.0757, Math.Round(a.Total, 4));
        Assert.Equal(0.5194, Math.Round(b.Total, 4));
        Assert.Equal(LogBase.Ten, a.LogBase);
        Assert.Equal([0.8, 0.6, 0.7, 0.9], b.Samples.Select(s => Math.Round(s.ProbabilityOfTrueClass, 12)));
    }

    [Fact]
    public void NLLLoss_of_log_probabilities_in_base_10_gives_the_fruit_containers_sum()
    {
        double[,] p = { { 0.7, 0.2, 0.1 }, { 0.3, 0.4, 0.3 }, { 0.1, 0.5, 0.4 } };
        var logs = new double[3, 3];
        for (var r = 0; r < 3; r++) for (var c = 0; c < 3; c++) logs[r, c] = Math.Log(p[r, c]);
        var report = Torch.NLLLoss(logs, [0, 2, 2], Reduction.Sum, classes: ["orange", "apple", "lemon"], logBase: LogBase.Ten);
        Assert.Equal(1.0757, Math.Round(report.Total, 4));
        Assert.Equal(new[] { "orange", "apple", "lemon" }, report.Classes.ToArray());
        Assert.Equal([0.7, 0.3, 0.4], report.Samples.Select(s => Math.Round(s.ProbabilityOfTrueClass, 12)));
    }

    [Fact]
    public void Log_base_only_rescales_the_reported_losses()
    {
        double[] p = [0.3, 0.8, 0.55], y = [0, 1, 1];
        var nats = Torch.BCELoss(p, y, Reduction.None);
        var bits = Torch.BCELoss(p, y, Reduction.None, logBase: LogBase.Two);
        Assert.Equal(nats.Total / Math.Log(2), bits.Total, 12);
        for (var i = 0; i < 3; i++) Assert.Equal(nats.Samples[i].Loss / Math.Log(2), bits.Samples[i].Loss, 12);
        Assert.Equal(nats.Samples.Sum(s => s.Loss), nats.Total, 14);
    }

    [Fact]
    public void BCEWithLogitsLoss_fills_the_logit_and_its_sigmoid_and_agrees_with_BCELoss()
    {
        double[] x = [-2, 0.5, 3], y = [0, 1, 1];
        var logits = Torch.BCEWithLogitsLoss(x, y);
        var probs = Torch.BCELoss(x.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), y);
        Assert.Equal("PyTorch BCEWithLogitsLoss", logits.Semantics);
        Assert.Equal(probs.Total, logits.Total, 12);
        Assert.Equal([-2.0, 0.5, 3.0], logits.Samples.Select(s => s.Logit!.Value));
        Assert.Equal(probs.Samples.Select(s => s.Probability), logits.Samples.Select(s => s.Probability), (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void BCEWithLogitsLoss_pos_weight_scales_only_the_positive_term()
    {
        var plain = Torch.BCEWithLogitsLoss([0.3, 0.3], [1, 0], Reduction.None);
        var weighted = Torch.BCEWithLogitsLoss([0.3, 0.3], [1, 0], Reduction.None, posWeight: [3]);
        Assert.Equal(3 * plain.Samples[0].Loss, weighted.Samples[0].Loss, 14);
        Assert.Equal(plain.Samples[1].Loss, weighted.Samples[1].Loss, 14);
    }

    [Fact]
    public void CrossEntropyLoss_marks_ignored_rows_and_divides_by_the_weight_of_the_counted_targets()
    {
        double[,] logits = { { 1, 2, 0 }, { 0.5, -1, 2 }, { 3, 0, 0 } };
        double[] w = [1, 2, 0.5];
        var report = Torch.CrossEntropyLoss(logits, [1, -100, 2], weight: w);
        Assert.True(report.Samples[1].Ignored);
        Assert.Equal(0, report.Samples[1].Loss);
        Assert.True(double.IsNaN(report.Samples[1].ProbabilityOfTrueClass));
        var expected = (report.Samples[0].Loss + report.Samples[2].Loss) / (w[1] + w[2]);
        Assert.Equal(expected, report.Total, 14);
        Assert.Equal(2 * -Math.Log(report.Samples[0].ProbabilityOfTrueClass), report.Samples[0].Loss, 12);
    }

    [Fact]
    public void CrossEntropyLoss_with_every_target_ignored_is_NaN_and_says_why()
    {
        var report = Torch.CrossEntropyLoss(new double[,] { { 1, 2 }, { 3, 4 } }, [-100, -100]);
        Assert.True(double.IsNaN(report.Total));
        Assert.Contains("NaN", Assert.Single(report.Warnings));
        var sum = Torch.CrossEntropyLoss(new double[,] { { 1, 2 }, { 3, 4 } }, [-100, -100], Reduction.Sum);
        Assert.Equal(0, sum.Total);
    }

    [Fact]
    public void CrossEntropyLoss_with_one_hot_probability_targets_equals_the_class_index_form()
    {
        double[,] logits = { { 1, 2, 0 }, { 0.5, -1, 2 } };
        var byIndex = Torch.CrossEntropyLoss(logits, [1, 2]);
        var byProbability = Torch.CrossEntropyLoss(logits, new double[,] { { 0, 1, 0 }, { 0, 0, 1 } });
        Assert.Equal(byIndex.Total, byProbability.Total, 14);
        Assert.Equal([1, 2], byProbability.Samples.Select(s => s.Target));
        Assert.Equal(byIndex.Samples[0].ProbabilityOfTrueClass, byProbability.Samples[0].ProbabilityOfTrueClass, 15);
        Assert.Equal("PyTorch CrossEntropyLoss (class probabilities)", byProbability.Semantics);
    }

    [Fact]
    public void CrossEntropyLoss_with_soft_targets_reports_no_single_class_and_warns_about_unnormalised_rows()
    {
        var report = Torch.CrossEntropyLoss(new double[,] { { 1, 2 }, { 0, 0 } }, new double[,] { { 0.25, 0.75 }, { 0.5, 0.4 } });
        Assert.Equal(-1, report.Samples[0].Target);
        Assert.Contains("targetProbabilities sample #1 sums to 0.9", Assert.Single(report.Warnings));
    }

    [Fact]
    public void CrossEntropyLoss_label_smoothing_raises_the_loss_of_a_confident_correct_prediction()
    {
        double[,] logits = { { 10, 0, 0 } };
        var plain = Torch.CrossEntropyLoss(logits, [0]);
        var smoothed = Torch.CrossEntropyLoss(logits, [0], labelSmoothing: 0.1);
        Assert.True(smoothed.Total > plain.Total + 0.5);
    }
}

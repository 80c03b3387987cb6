namespace CrossEntropy.Tests.KerasLosses;

public class KerasFacadeTests
{
    [Fact]
    public void BinaryCrossentropy_report_has_one_row_per_sample_and_the_mean_as_total()
    {
        var report = CrossEntropy.Keras.BinaryCrossentropy([1, 0, 1], [0.8, 0.3, 0.6]);
        Assert.Equal(3, report.Samples.Length);
        Assert.Equal(Reduction.Mean, report.Reduction);
        Assert.StartsWith("Keras BinaryCrossentropy", report.Semantics);
        Assert.Contains("reduction=sum_over_batch_size", report.Semantics);
        Assert.Equal(-Math.Log(0.7), report.Samples[1].Loss, 14);
        Assert.Equal(0.7, report.Samples[1].ProbabilityOfTrueClass, 15);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.6)) / 3, report.Total, 14);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void BinaryCrossentropy_warns_when_a_probability_is_clipped_and_reports_the_clipped_value()
    {
        var report = CrossEntropy.Keras.BinaryCrossentropy([1, 0], [1.0, 0.5]);
        Assert.Equal((double)(float)(1 - 1e-7), report.Samples[0].Probability);
        Assert.Equal(-Math.Log((float)(1 - 1e-7)), report.Samples[0].Loss, 14);
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("index 0 was clipped", warning);
    }

    [Fact]
    public void BinaryCrossentropy_from_logits_fills_the_logit_and_the_sigmoid()
    {
        var report = CrossEntropy.Keras.BinaryCrossentropy([1, 0], [2.0, -1.0], fromLogits: true, logBase: LogBase.Two);
        Assert.Equal(2.0, report.Samples[0].Logit);
        Assert.Equal(1 / (1 + Math.Exp(-2.0)), report.Samples[0].Probability, 15);
        Assert.Equal(Math.Log(1 + Math.Exp(-2.0)) / Math.Log(2), report.Samples[0].Loss, 14);
        Assert.Equal(LogBase.Two, report.LogBase);
    }

    [Fact]
    public void BinaryCrossentropy_sum_with_sample_weights_adds_weighted_losses()
    {
        var report = CrossEntropy.Keras.BinaryCrossentropy([1, 0], [0.8, 0.3], reduction: KerasReduction.Sum, sampleWeight: [2, 0.5]);
        Assert.Equal(Reduction.Sum, report.Reduction);
        Assert.Equal(-2 * Math.Log(0.8) - 0.5 * Math.Log(0.7), report.Total, 14);
        Assert.Equal(-Math.Log(0.8), report.Samples[0].Loss, 14); // rows are unweighted
    }

    [Fact]
    public void BinaryFocalCrossentropy_with_gamma_0_equals_BinaryCrossentropy()
    {
        double[] y = [1, 0, 1, 0];
        double[] p = [0.9, 0.2, 0.4, 0.7];
        var focal = CrossEntropy.Keras.BinaryFocalCrossentropy(y, p, gamma: 0);
        var plain = CrossEntropy.Keras.BinaryCrossentropy(y, p);
        Assert.Equal(plain.Total, focal.Total, 14);
        Assert.Contains("gamma=0", focal.Semantics);
    }

    [Fact]
    public void BinaryFocalCrossentropy_shrinks_easy_samples_more_than_hard_ones()
    {
        var focal = CrossEntropy.Keras.BinaryFocalCrossentropy([1, 1], [0.9, 0.1]);
        var plain = CrossEntropy.Keras.BinaryCrossentropy([1, 1], [0.9, 0.1]);
        Assert.Equal(plain.Samples[0].Loss * 0.01, focal.Samples[0].Loss, 12); // (1 − 0.9)² = 0.01
        Assert.Equal(plain.Samples[1].Loss * 0.81, focal.Samples[1].Loss, 12); // (1 − 0.1)² = 0.81
    }

    [Fact]
    public void CategoricalCrossentropy_rescales_rows_and_says_so()
    {
        var report = CrossEntropy.Keras.CategoricalCrossentropy(new double[,] { { 0, 1, 0 }, { 1, 0, 0 } },
            new double[,] { { 1, 2, 1 }, { 0.7, 0.2, 0.1 } }, classes: ["cat", "dog", "fox"]);
        Assert.Equal(new[] { "cat", "dog", "fox" }, report.Classes.ToArray());
        Assert.Equal(1, report.Samples[0].Target);
        Assert.Equal(0.5, report.Samples[0].ProbabilityOfTrueClass, 15);
        Assert.Equal(-Math.Log(0.5), report.Samples[0].Loss, 14);
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("yPred sample #0 (sum 4) did not sum to 1", warning);
        Assert.Contains("divided each row by its sum before clipping", warning);
    }

    [Fact]
    public void CategoricalCrossentropy_warnings_name_samples_as_the_report_numbers_them()
    {
        // #0 and #2 hold a 0 that Keras clips to 1e-7; #1 and #2 do not sum to 1 and are rescaled first.
        var report = CrossEntropy.Keras.CategoricalCrossentropy(new double[,] { { 1, 0 }, { 0, 1 }, { 0.5, 0.25 } },
            new double[,] { { 1, 0 }, { 0.5, 0.6 }, { 0, 2 } });
        Assert.Equal([0, 1, 2], report.Samples.Select(s => s.Index));
        Assert.Collection(report.Warnings,
            w => Assert.Equal("yPred samples #1 (sum 1.1), #2 (sum 2) did not sum to 1: Keras divided each row by its sum before clipping.", w),
            w => Assert.Equal("yPred samples #0, #2 had probabilities outside [1e-7, 1 − 1e-7] after rescaling: clipped (the gradient through them is 0).", w),
            w => Assert.Equal("yTrue sample #2 (sum 0.75) does not sum to 1: the loss is still Σ y·(−log p), but it is no longer a cross-entropy between distributions.", w));
    }

    [Fact]
    public void CategoricalCrossentropy_soft_targets_have_no_single_class()
    {
        var report = CrossEntropy.Keras.CategoricalCrossentropy(new double[,] { { 0.5, 0.5 } }, new double[,] { { 0.2, 0.8 } });
        Assert.Equal(-1, report.Samples[0].Target);
        Assert.Equal(0.5, report.Samples[0].ProbabilityOfTrueClass, 15);
        Assert.Equal(-0.5 * Math.Log(0.2) - 0.5 * Math.Log(0.8), report.Total, 14);
    }

    [Fact]
    public void CategoricalCrossentropy_from_logits_reports_the_softmax()
    {
        var report = CrossEntropy.Keras.CategoricalCrossentropy(new double[,] { { 1, 0, 0 } }, new double[,] { { 2, 1, -1 } }, fromLogits: true);
        Assert.Equal(0.705, report.Samples[0].Probabilities[0], 3);
        Assert.Equal(0.259, report.Samples[0].Probabilities[1], 3);
        Assert.Equal(0.035, report.Samples[0].Probabilities[2], 3);
        Assert.Equal(-Math.Log(report.Samples[0].Probabilities[0]), report.Total, 14);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_ignores_a_class_and_averages_over_the_rest()
    {
        var report = CrossEntropy.Keras.SparseCategoricalCrossentropy([0, 9, 1], new double[,] { { 0.5, 0.5 }, { 0.1, 0.9 }, { 0.2, 0.8 } }, ignoreClass: 9);
        Assert.True(report.Samples[1].Ignored);
        Assert.Equal(0.0, report.Samples[1].Loss);
        Assert.Equal((-Math.Log(0.5) - Math.Log(0.8)) / 2, report.Total, 14);
        Assert.Contains("ignore_class=9", report.Semantics);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_with_every_row_ignored_is_zero()
    {
        var report = CrossEntropy.Keras.SparseCategoricalCrossentropy([255, 255], new double[,] { { 1, 2 }, { 3, 4 } }, fromLogits: true, ignoreClass: 255);
        Assert.Equal(0.0, report.Total);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_warns_about_rows_that_do_not_sum_to_one()
    {
        var report = CrossEntropy.Keras.SparseCategoricalCrossentropy([0], new double[,] { { 1, 1 } });
        Assert.Equal(Math.Log(2), report.Total, 14);
        Assert.Contains("clips each probability", Assert.Single(report.Warnings));
    }

    [Fact]
    public void CategoricalFocalCrossentropy_with_gamma_0_alpha_1_equals_CategoricalCrossentropy()
    {
        var y = new double[,] { { 0, 1, 0 }, { 0, 0, 1 } };
        var p = new double[,] { { 0.1, 0.6, 0.3 }, { 0.2, 0.2, 0.6 } };
        var focal = CrossEntropy.Keras.CategoricalFocalCrossentropy(y, p, alpha: 1, gamma: 0);
        Assert.Equal(CrossEntropy.Keras.CategoricalCrossentropy(y, p).Total, focal.Total, 14);
    }

    [Fact]
    public void CategoricalFocalCrossentropy_uses_per_class_alpha()
    {
        var y = new double[,] { { 0, 1 } };
        var p = new double[,] { { 0.4, 0.6 } };
        var report = CrossEntropy.Keras.CategoricalFocalCrossentropy(y, p, gamma: 0, classAlpha: [0.1, 0.3]);
        Assert.Equal(-0.3 * Math.Log(0.6), report.Total, 14);
        Assert.Contains("alpha=[0.1, 0.3]", report.Semantics);
    }

    [Fact]
    public void Mismatched_categorical_shapes_are_rejected_with_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrossEntropy.Keras.CategoricalCrossentropy(new double[2, 3], new double[3, 3]));
        Assert.Contains("yTrue is 2×3 but yPred is 3×3", ex.Message);
    }

    [Fact]
    public void Class_names_must_match_the_columns()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrossEntropy.Keras.CategoricalCrossentropy(new double[,] { { 1, 0 } }, new double[,] { { 0.5, 0.5 } }, classes: ["a"]));
        Assert.Contains("classes has 1 names: expected 2", ex.Message);
    }
}

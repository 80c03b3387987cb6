namespace CrossEntropy.Tests.InformationTheory;

public class ClassificationErrorTests
{
    [Fact]
    public void Evaluate_counts_samples_on_the_wrong_side_of_the_threshold()
    {
        var report = ClassificationError.Evaluate([0.9, 0.4, 0.6, 0.2], [1, 1, 0, 0]);
        Assert.Equal(2, report.Misclassified);
        Assert.Equal(4, report.Count);
        Assert.Equal(0.5, report.ErrorRate);
        Assert.Equal(new[] { 1, 2 }, report.MisclassifiedIndices.ToArray());
    }

    [Fact]
    public void Evaluate_reports_the_mean_binary_cross_entropy_in_nats()
    {
        var report = ClassificationError.Evaluate([0.9, 0.4, 0.6, 0.2], [1, 1, 0, 0]);
        var expected = -(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.4) + Math.Log(0.8)) / 4;
        Assert.Equal(expected, report.Loss, 14);
        Assert.Equal(-Math.Log(0.4), report.Losses[1], 15);
        Assert.Equal(new[] { 1, 1, 0, 0 }, report.Labels.ToArray());
    }

    [Fact]
    public void A_probability_equal_to_the_threshold_is_predicted_positive()
    {
        var report = ClassificationError.Evaluate([0.5, 0.5], [1, 0]);
        Assert.Equal(new[] { 1 }, report.MisclassifiedIndices.ToArray());
    }

    [Fact]
    public void The_threshold_moves_the_count_but_not_the_loss()
    {
        double[] p = [0.55, 0.45, 0.7];
        int[] y = [1, 0, 1];
        var atHalf = ClassificationError.Evaluate(p, y, 0.5);
        var atSixty = ClassificationError.Evaluate(p, y, 0.6);
        Assert.Equal(0, atHalf.Misclassified);
        Assert.Equal(1, atSixty.Misclassified);
        Assert.Equal(atHalf.Loss, atSixty.Loss);
    }

    [Fact]
    public void A_confident_wrong_prediction_has_infinite_loss()
    {
        Assert.Equal(double.PositiveInfinity, ClassificationError.Evaluate([0.0], [1]).Loss);
    }

    private static readonly double[,] Students = { { 1, 1 }, { 2, 3 }, { 3, 1 }, { 4, 4 }, { 1, 3 }, { 3, 3 } };
    private static readonly int[] Admitted = [0, 1, 0, 1, 0, 1];

    [Fact]
    public void ForLine_scores_points_with_the_sigmoid_of_the_line()
    {
        var report = ClassificationError.ForLine(Students, Admitted, 1, 1, -4.5);
        Assert.Equal(1 / (1 + Math.Exp(2.5)), report.Probabilities[0], 15); // z = 1 + 1 − 4.5
        Assert.Equal(0, report.Misclassified);
        var z = new[] { -2.5, 0.5, -0.5, 3.5, -0.5, 1.5 };
        var expected = z.Select((s, i) => Math.Log(1 + Math.Exp(s)) - Admitted[i] * s).Average();
        Assert.Equal(expected, report.Loss, 14);
    }

    [Fact]
    public void A_small_move_of_the_line_changes_the_loss_but_not_the_count()
    {
        var before = ClassificationError.ForLine(Students, Admitted, 1, 1, -4.5);
        var after = ClassificationError.ForLine(Students, Admitted, 0.95, 1, -4.5);
        Assert.Equal(before.Misclassified, after.Misclassified);
        Assert.NotEqual(before.Loss, after.Loss);
        Assert.True(after.Loss < before.Loss);
    }

    [Fact]
    public void ForLine_counts_points_on_the_wrong_side()
    {
        var report = ClassificationError.ForLine(Students, Admitted, 0, 1, -2); // horizontal line x₂ = 2
        Assert.Equal(new[] { 4 }, report.MisclassifiedIndices.ToArray()); // (1, 3) is above the line but not admitted
    }

    [Fact]
    public void ForLine_stays_finite_far_from_the_line()
    {
        var report = ClassificationError.ForLine(new double[,] { { 1e6, 0 } }, [0], 1, 0, 0);
        Assert.Equal(1e6, report.Loss, 6);
    }

    [Fact]
    public void Evaluate_rejects_a_label_that_is_not_0_or_1()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationError.Evaluate([0.5, 0.5], [1, -1]));
        Assert.Contains("labels[1] = -1 is not a class", ex.Message);
    }

    [Fact]
    public void Evaluate_rejects_a_probability_outside_the_unit_interval()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationError.Evaluate([0.5, 1.5], [1, 0]));
        Assert.Contains("probabilities[1] = 1.5 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void Evaluate_rejects_mismatched_lengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassificationError.Evaluate([0.5, 0.5], [1]));
        Assert.Contains("labels has 1 values but probabilities has 2", ex.Message);
    }

    [Fact]
    public void Evaluate_rejects_a_threshold_outside_the_unit_interval()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationError.Evaluate([0.5], [1], 2));
        Assert.Contains("threshold = 2 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void ForLine_rejects_points_with_the_wrong_number_of_columns()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassificationError.ForLine(new double[,] { { 1, 2, 3 } }, [1], 1, 1, 0));
        Assert.Contains("points has 3 columns: expected 2", ex.Message);
    }

    [Fact]
    public void ForLine_rejects_a_label_count_different_from_the_rows()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassificationError.ForLine(Students, [1, 0], 1, 1, 0));
        Assert.Contains("labels has 2 values but points has 6 rows", ex.Message);
    }

    [Fact]
    public void ForLine_rejects_non_finite_coordinates()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationError.ForLine(new double[,] { { 0, 0 }, { double.NaN, 1 } }, [0, 1], 1, 1, 0));
        Assert.Contains("points[1] = (NaN, 1) is not finite", ex.Message);
    }
}

using CrossEntropy.Losses;

namespace CrossEntropy.Tests.KerasLosses;

/// <summary>One test per rule: each bad input throws an ArgumentException naming the argument, the index/value and the expectation.</summary>
public class KerasBadInputTests
{
    private static readonly double[] Labels = [1, 0, 1, 0];
    private static readonly double[] Probabilities = [0.9, 0.2, 0.6, 0.4];

    [Fact]
    public void Empty_predictions_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.Forward<double>([], [], 1));
        Assert.Contains("yPred is empty", ex.Message);
    }

    [Fact]
    public void Labels_and_predictions_of_different_lengths_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.Forward<double>([1, 0, 1], Probabilities, 1));
        Assert.Contains("yTrue has 3 values but yPred has 4", ex.Message);
    }

    [Fact]
    public void A_buffer_that_is_not_a_whole_number_of_rows_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasCategoricalCrossEntropy.Forward<double>(Labels, Probabilities, 3));
        Assert.Contains("yPred has 4 values, which is not a whole number of rows of 3 classes", ex.Message);
    }

    [Fact]
    public void A_non_positive_class_count_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 0));
        Assert.Contains("lastAxis is 0: expected a positive count", ex.Message);
    }

    [Fact]
    public void A_class_index_out_of_range_names_the_row_and_the_valid_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasSparseCategoricalCrossEntropy.Forward<double>([0, 2], Probabilities, 2));
        Assert.Contains("yTrue[1] = 2 is not a class index: expected 0 to 1", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasSparseCategoricalCrossEntropy.Forward<double>([-1, 7], Probabilities, 2, ignoreClass: -1));
        Assert.Contains("yTrue[1] = 7 is not a class index: expected 0 to 1 (or the ignore class -1)", ex.Message);
    }

    [Fact]
    public void Sparse_targets_must_give_one_index_per_row()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasSparseCategoricalCrossEntropy.Forward<double>([0, 1, 1], Probabilities, 2));
        Assert.Contains("yTrue has 3 class indices but yPred has 2 rows of 2 classes", ex.Message);
    }

    [Fact]
    public void A_binary_probability_outside_the_unit_interval_is_rejected_with_a_hint_about_logits()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, [0.5, 1.5, 0.5, 0.5], 1));
        Assert.Contains("yPred[1] = 1.5 is outside [0, 1]", ex.Message);
        Assert.Contains("logits", ex.Message);
    }

    [Fact]
    public void A_negative_categorical_probability_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasCategoricalCrossEntropy.Forward<double>([1, 0], [0.5, -0.1], 2));
        Assert.Contains("yPred[1] = -0.1 is negative", ex.Message);
    }

    [Fact]
    public void A_categorical_row_that_sums_to_zero_cannot_be_rescaled()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasCategoricalCrossEntropy.Forward<double>([1, 0, 0, 1], [0.5, 0.5, 0, 0], 2));
        Assert.Contains("yPred row 1 sums to 0", ex.Message);
    }

    [Fact]
    public void A_label_outside_the_unit_interval_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>([1, 2, 0, 0], Probabilities, 1));
        Assert.Contains("yTrue[1] = 2 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void A_NaN_label_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasCategoricalCrossEntropy.Forward<double>([double.NaN, 1], [0.5, 0.5], 2));
        Assert.Contains("yTrue[0] is NaN", ex.Message);
    }

    [Fact]
    public void A_negative_sample_weight_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 2, sampleWeight: [1, -2]));
        Assert.Contains("sampleWeight[1] = -2 is negative or NaN: expected a weight ≥ 0", ex.Message);
    }

    [Fact]
    public void An_infinite_sample_weight_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 2, sampleWeight: [double.PositiveInfinity, 1]));
        Assert.Contains("sampleWeight[0] = Infinity is infinite: expected a finite weight", ex.Message);
    }

    [Fact]
    public void Sample_weights_that_do_not_divide_the_samples_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 1, sampleWeight: [1, 2, 3]));
        Assert.Contains("sampleWeight has 3 values but there are 4 per-sample losses", ex.Message);
    }

    [Fact]
    public void Label_smoothing_outside_the_unit_interval_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 1, labelSmoothing: 1.5));
        Assert.Contains("labelSmoothing = 1.5 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void A_negative_focal_gamma_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryFocalCrossEntropy.Forward<double>(Labels, Probabilities, 1, gamma: -1));
        Assert.Contains("gamma = -1 is negative or not finite", ex.Message);
    }

    [Fact]
    public void A_binary_focal_alpha_outside_the_unit_interval_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryFocalCrossEntropy.Forward<double>(Labels, Probabilities, 1, alpha: 1.25));
        Assert.Contains("alpha = 1.25 is outside [0, 1]", ex.Message);
    }

    [Fact]
    public void Per_class_alpha_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasCategoricalFocalCrossEntropy.Forward<double>(Labels, Probabilities, 2, classAlpha: [0.5, 0.5, 0.5]));
        Assert.Contains("classAlpha has 3 values: expected 2", ex.Message);
    }

    [Fact]
    public void A_per_sample_destination_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 2, new double[3]));
        Assert.Contains("losses has 3 values: expected 2", ex.Message);
    }

    [Fact]
    public void A_gradient_destination_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.ForwardBackward<double>(Labels, Probabilities, 2, new double[2]));
        Assert.Contains("gradient has 2 values: expected 4", ex.Message);
    }

    [Fact]
    public void An_upstream_gradient_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.ForwardBackward<double>(Labels, Probabilities, 2, new double[4],
            reduction: KerasReduction.None, gradOutput: [1, 1, 1]));
        Assert.Contains("gradOutput has 3 values: expected 2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => KerasBinaryCrossEntropy.ForwardBackward<double>(Labels, Probabilities, 2, new double[4], gradOutput: [1, 1]));
        Assert.Contains("gradOutput has 2 values: expected 1", ex.Message);
    }

    [Fact]
    public void An_undefined_reduction_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KerasBinaryCrossEntropy.Forward<double>(Labels, Probabilities, 1, reduction: (KerasReduction)42));
        Assert.Contains("reduction = 42 is not a KerasReduction", ex.Message);
    }

    [Fact]
    public void NaN_predictions_propagate_instead_of_throwing()
    {
        var gradient = new double[4];
        var loss = KerasBinaryCrossEntropy.ForwardBackward<double>(Labels, [0.5, double.NaN, 0.5, 0.5], 1, gradient);
        Assert.True(double.IsNaN(loss));
        Assert.True(double.IsNaN(gradient[1]));
        Assert.False(double.IsNaN(gradient[0]));
        Assert.True(double.IsNaN(KerasCategoricalCrossEntropy.Forward<double>([1, 0], [double.NaN, 0.5], 2, fromLogits: true)));
    }

    [Fact]
    public void A_NaN_prediction_in_an_ignored_row_does_not_leak()
    {
        var gradient = new double[4];
        var loss = KerasSparseCategoricalCrossEntropy.ForwardBackward<double>([-1, 0], [double.NaN, 1, 0.5, 0.5], 2, gradient, ignoreClass: -1);
        Assert.Equal(Math.Log(2), loss, 14);
        Assert.Equal(0.0, gradient[0]);
    }

    [Fact]
    public void The_facade_rejects_a_null_array_by_name()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CrossEntropy.Keras.BinaryCrossentropy(null!, [0.5]));
        Assert.Equal("yTrue", ex.ParamName);
    }
}

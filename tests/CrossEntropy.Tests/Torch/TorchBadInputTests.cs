using CrossEntropy.Losses;

namespace CrossEntropy.Tests.Torch;

using Act = CrossEntropy.Activations;
using Torch = CrossEntropy.Torch;

/// <summary>One test per bad-input rule: the exception names the argument, the index and value, and what was expected.</summary>
public class TorchBadInputTests
{
    [Fact]
    public void Mismatched_lengths_name_both_arguments_and_their_lengths()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropy.Forward<double>([0.5, 0.5, 0.5], [1.0, 0.0]));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets has 2 values but probabilities has 3", e.Message);
        Assert.Contains("expected the same length", e.Message);
    }

    [Fact]
    public void Mismatched_target_count_for_cross_entropy_names_the_positions()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<float>(new float[6], [0, 1, 2], 3));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets has 3 values but logits has 2 positions", e.Message);
    }

    [Fact]
    public void Empty_input_is_rejected_by_name()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<float>([], ReadOnlySpan<int>.Empty, 3));
        Assert.Equal("logits", e.ParamName);
        Assert.Contains("logits is empty", e.Message);
        var f = Assert.ThrowsAny<ArgumentException>(() => Torch.Softmax([]));
        Assert.Contains("scores is empty", f.Message);
    }

    [Fact]
    public void A_buffer_that_is_not_a_whole_number_of_rows_is_rejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Act.Softmax<double>(new double[7], 3, new double[7]));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x has 7 values, which is not a whole number of rows of 3", e.Message);
        Assert.Contains("expected a multiple of 3", e.Message);
        var k = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<double>(new double[10], [0, 0], 2, spatial: 3));
        Assert.Contains("logits has 10 values, which is not a whole number of samples of 2 classes × 3 positions", k.Message);
    }

    [Fact]
    public void A_class_index_out_of_range_names_its_position_and_value()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<float>(new float[9], [0, 2, 5], 3));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets[2] = 5 is not a class index", e.Message);
        Assert.Contains("expected 0 to 2 (or the ignore index -100)", e.Message);
        var n = Assert.ThrowsAny<ArgumentException>(() => NegativeLogLikelihood.Forward<float>(new float[4], [-3, 0], 2));
        Assert.Contains("targets[0] = -3", n.Message);
    }

    [Fact]
    public void The_ignore_index_is_not_an_out_of_range_class()
    {
        var loss = SoftmaxCrossEntropy.Forward<double>([1, 2, 3, 4], [-100, 1], 2);
        Assert.True(double.IsFinite(loss));
    }

    [Fact]
    public void A_probability_outside_zero_one_names_its_index_and_value()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropy.Forward<double>([0.2, 1.5], [0.0, 1.0]));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("probabilities[1] = 1.5 is outside [0, 1]", e.Message);
        Assert.Contains("pass logits to the *WithLogits", e.Message);
    }

    [Fact]
    public void A_target_outside_zero_one_names_its_index_and_value()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropyWithLogits.Forward<float>([0.2f, 3f], [-0.5f, 1f]));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets[0] = -0.5 is outside [0, 1]", e.Message);
        var p = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<double>([0.0, 1.0], [0.5, 2.0], 2));
        Assert.Contains("targetProbabilities[1] = 2 is outside [0, 1]", p.Message);
        var facade = Assert.ThrowsAny<ArgumentException>(() => Torch.BCELoss([0.5], [2]));
        Assert.Contains("labels[0] = 2", facade.Message);
    }

    [Fact]
    public void A_NaN_target_names_its_index()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropy.Forward<double>([0.2, 0.4, 0.6, 0.8], [0, 1, 0, double.NaN]));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets[3] is NaN", e.Message);
        var kl = Assert.ThrowsAny<ArgumentException>(() => KLDivergence.Forward<double>([-1.0, -2.0], [double.NaN, 0.5], 1));
        Assert.Contains("target[0] is NaN", kl.Message);
    }

    [Fact]
    public void A_negative_weight_names_its_index_and_value()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<double>([1, 2, 3, 4], [0, 1], 2, weight: [1.0, -0.25]));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains("weight[1] = -0.25 is negative or NaN", e.Message);
        Assert.Contains("expected a weight ≥ 0", e.Message);
        var p = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropyWithLogits.Forward<double>([1.0, 2.0], [0.0, 1.0], posWeight: [-2.0]));
        Assert.Contains("posWeight[0] = -2", p.Message);
    }

    [Fact]
    public void Weights_of_the_wrong_size_say_what_size_was_expected()
    {
        var c = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<double>([1, 2, 3, 4], [0, 1], 2, weight: [1.0, 1.0, 1.0]));
        Assert.Contains("weight has 3 values: expected 2 (one per class)", c.Message);
        var b = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropy.Forward<double>([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], weight: [1.0, 2.0, 3.0]));
        Assert.Contains("weight has 3 values, which does not broadcast over probabilities of 4 values", b.Message);
    }

    [Fact]
    public void Output_buffers_of_the_wrong_length_are_named()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.ForwardBackward<double>([1, 2, 3, 4], [0, 1], 2, new double[3]));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("gradient has 3 values: expected 4", e.Message);
        var g = Assert.ThrowsAny<ArgumentException>(() => BinaryCrossEntropy.Backward<double>([0.5, 0.5], [0, 1], new double[2], reduction: Reduction.None, gradOutput: [1.0]));
        Assert.Contains("gradOutput has 1 values: expected 2", g.Message);
    }

    [Fact]
    public void Label_smoothing_outside_zero_one_is_rejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxCrossEntropy.Forward<double>([1, 2], [0], 2, labelSmoothing: 1.5));
        Assert.Equal("labelSmoothing", e.ParamName);
        Assert.Contains("labelSmoothing = 1.5 is outside [0, 1]", e.Message);
    }

    [Fact]
    public void NaN_and_infinite_predictions_propagate_instead_of_throwing()
    {
        var losses = new double[2];
        SoftmaxCrossEntropy.Forward<double>([double.NaN, 0, 1, 2], [0, 1], 2, losses);
        Assert.True(double.IsNaN(losses[0]));
        Assert.True(double.IsFinite(losses[1]));
        var bce = new double[2];
        BinaryCrossEntropy.Forward<double>([double.NaN, 0.5], [1, 1], bce);
        Assert.True(double.IsNaN(bce[0]));
        Assert.Equal(Math.Log(2), bce[1], 15);
        // libtorch evaluates (1 − y)·x − log σ(x): with x = ±∞ that is 0·∞ or ∞ − ∞, NaN, not the limit 0.
        var logits = new double[3];
        BinaryCrossEntropyWithLogits.Forward<double>([double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity], [1, 0, 0], logits);
        Assert.True(double.IsNaN(logits[0]));
        Assert.True(double.IsNaN(logits[1]));
        Assert.Equal(double.PositiveInfinity, logits[2]);
    }
}

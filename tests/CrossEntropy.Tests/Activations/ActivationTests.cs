namespace CrossEntropy.Tests.Activation;

using Act = CrossEntropy.Activations;

public class ActivationTests
{
    [Fact]
    public void Softmax_of_scores_matches_the_worked_example()
    {
        var p = new double[3];
        Act.Softmax<double>([2.0, 1.0, -1.0], 3, p);
        Assert.Equal(0.705, p[0], 3);
        Assert.Equal(0.259, p[1], 3);
        Assert.Equal(0.035, p[2], 3);
        Assert.Equal(1.0, p.Sum(), 15);
    }

    [Fact]
    public void Softmax_stays_exact_where_TensorPrimitives_SoftMax_would_overflow()
    {
        // 89 and 90 overflow exp in float32; subtracting the row max keeps every value finite.
        var p = new float[3];
        Act.Softmax<float>([88f, 89f, 90f], 3, p);
        Assert.All(p, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(0.66524094f, p[2], 6);
    }

    [Fact]
    public void LogSoftmax_keeps_full_precision_for_huge_equal_logits()
    {
        var l = new float[4];
        Act.LogSoftmax<float>([1e4f, 1e4f - 1, -1e4f, 0f], 4, l);
        Assert.Equal(-0.31326166f, l[0], 6);
        Assert.Equal(-1.3132616f, l[1], 6);
        Assert.Equal(-20000.312f, l[2], 2);
    }

    [Fact]
    public void Softmax_works_in_place()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        var expected = new double[6];
        Act.Softmax<double>(x, 3, expected);
        Act.Softmax<double>(x, 3, x);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void LogSoftmax_works_in_place()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        var expected = new double[6];
        Act.LogSoftmax<double>(x, 3, expected);
        Act.LogSoftmax<double>(x, 3, x);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void LogSumExp_of_minus_infinity_row_is_minus_infinity_and_of_plus_infinity_is_plus_infinity()
    {
        var r = new double[2];
        Act.LogSumExp<double>([double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, 0], 2, r);
        Assert.Equal(double.NegativeInfinity, r[0]);
        Assert.Equal(double.PositiveInfinity, r[1]);
    }

    [Fact]
    public void LogSigmoid_is_finite_for_huge_negative_scores_where_log_of_sigmoid_is_not()
    {
        var l = new float[2];
        Act.LogSigmoid<float>([-1e4f, 1e4f], l);
        Assert.Equal(-1e4f, l[0]);
        Assert.Equal(0f, l[1]);
        Assert.Equal(float.NegativeInfinity, MathF.Log(1f / (1f + MathF.Exp(1e4f))));
    }

    [Fact]
    public void NaN_scores_propagate_through_every_activation()
    {
        double[] x = [double.NaN, 1.0];
        var y = new double[2];
        Act.Sigmoid<double>(x, y);
        Assert.True(double.IsNaN(y[0]));
        Act.LogSigmoid<double>(x, y);
        Assert.True(double.IsNaN(y[0]));
        Act.Softmax<double>(x, 2, y);
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));
        Act.LogSoftmax<double>(x, 2, y);
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));
        var r = new double[1];
        Act.LogSumExp<double>(x, 2, r);
        Assert.True(double.IsNaN(r[0]));
    }
}

using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>Bad calls to the fused kernels fail with one line that names the argument and the fix.</summary>
public class FusedArgumentTests
{
    private static readonly float[] Logits = [1, 2, 3, 4, 5, 6];

    private static void FailsNaming<TException>(string parameter, Action call) where TException : ArgumentException
    {
        var e = Assert.Throws<TException>(call);
        Assert.Equal(parameter, e.ParamName);
        var firstLine = e.Message.Split(" (Parameter")[0];
        Assert.DoesNotContain('\n', firstLine);
        Assert.Contains("expected", firstLine);
    }

    [Fact]
    public void Cross_entropy_rejects_each_bad_argument_by_name()
    {
        FailsNaming<ArgumentException>("targets", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1, 2], 3));
        FailsNaming<ArgumentOutOfRangeException>("targets", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 3], 3));
        FailsNaming<ArgumentOutOfRangeException>("classes", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1], 0));
        FailsNaming<ArgumentException>("logits", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0], 4));
        FailsNaming<ArgumentException>("logits", () => FusedSoftmaxCrossEntropy.Forward([], [], 3));
        FailsNaming<ArgumentException>("weight", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1], 3, weight: [1f, 1f]));
        FailsNaming<ArgumentOutOfRangeException>("weight", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1], 3, weight: [1f, -1f, 1f]));
        FailsNaming<ArgumentOutOfRangeException>("labelSmoothing", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1], 3, labelSmoothing: 1.5f));
        FailsNaming<ArgumentException>("losses", () => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 1], 3, losses: new float[3]));
        FailsNaming<ArgumentException>("gradient", () => FusedSoftmaxCrossEntropy.ForwardBackward(Logits, [0, 1], 3, new float[5]));
        FailsNaming<ArgumentException>("gradOutput", () => FusedSoftmaxCrossEntropy.ForwardBackward(Logits, [0, 1], 3, new float[6], gradOutput: [1f, 1f]));
    }

    [Fact]
    public void Cross_entropy_refuses_a_gradient_that_overlaps_the_logits()
    {
        var buffer = (float[])Logits.Clone();
        FailsNaming<ArgumentException>("gradient", () => FusedSoftmaxCrossEntropy.ForwardBackward(buffer, [0, 1], 3, buffer));
    }

    [Fact]
    public void Cross_entropy_keeps_working_after_a_bad_call()
    {
        Assert.ThrowsAny<ArgumentException>(() => FusedSoftmaxCrossEntropy.Forward(Logits, [0, 7], 3));
        var loss = FusedSoftmaxCrossEntropy.Forward(Logits, [2, 2], 3);
        Assert.Equal(-Math.Log(Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3))), loss, 5);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_rejects_each_bad_argument_by_name()
    {
        float[] x = [0.5f, -1f, 2f, 0f];
        float[] y = [1f, 0f, 0.5f, 1f];
        FailsNaming<ArgumentException>("targets", () => FusedBinaryCrossEntropyWithLogits.Forward(x, [1f, 0f]));
        FailsNaming<ArgumentOutOfRangeException>("targets", () => FusedBinaryCrossEntropyWithLogits.Forward(x, [1f, 0f, 2f, 0f]));
        FailsNaming<ArgumentException>("targets", () => FusedBinaryCrossEntropyWithLogits.Forward(x, [1f, float.NaN, 0f, 0f]));
        FailsNaming<ArgumentException>("weight", () => FusedBinaryCrossEntropyWithLogits.Forward(x, y, weight: [1f, 1f, 1f]));
        FailsNaming<ArgumentOutOfRangeException>("posWeight", () => FusedBinaryCrossEntropyWithLogits.Forward(x, y, posWeight: [1f, -2f]));
        FailsNaming<ArgumentException>("gradient", () => FusedBinaryCrossEntropyWithLogits.Backward(x, y, new float[3]));
        FailsNaming<ArgumentException>("gradOutput", () => FusedBinaryCrossEntropyWithLogits.Backward(x, y, new float[4], reduction: Reduction.None, gradOutput: [1f]));
        FailsNaming<ArgumentException>("logits", () => FusedBinaryCrossEntropyWithLogits.Forward([], []));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(1.0000001f)]
    [InlineData(-1e-30f)]
    public void Binary_cross_entropy_with_logits_finds_a_bad_target_deep_in_a_multi_threaded_call(float bad)
    {
        // The targets are checked (one vectorized read) before the multi-threaded pass; the error must name the exact index.
        var x = new float[200_000];
        var y = new float[200_000];
        y[150_001] = bad;
        var gradient = new float[x.Length];
        var losses = new float[x.Length];
        Array.Fill(gradient, 7f);
        Array.Fill(losses, 7f);
        var e = Assert.ThrowsAny<ArgumentException>(() => CrossEntropy.Losses.BinaryCrossEntropyWithLogits.ForwardBackward<float>(x, y, gradient, losses));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets[150001]", e.Message);
        // Nothing is half-written: the caller's buffers are exactly as they were.
        Assert.All(gradient, g => Assert.Equal(7f, g));
        Assert.All(losses, l => Assert.Equal(7f, l));
        y[150_001] = 1f;
        Assert.Equal(MathF.Log(2f), CrossEntropy.Losses.BinaryCrossEntropyWithLogits.Forward<float>(x, y), 5);
    }
}

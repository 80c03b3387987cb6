using CrossEntropy.Fused;
using CsCheck;

namespace CrossEntropy.Tests.Fused;

/// <summary>Invariants of the fused softmax cross-entropy on random problems.</summary>
public class FusedSoftmaxCrossEntropyPropertyTests
{
    [Fact]
    public void Fused_kernel_matches_the_double_reference_on_random_shapes() =>
        RandomCrossEntropyCase.Gen.Sample(AssertMatchesReference, iter: 400);

    public static TheoryData<int> ClassCountsBelow16 => [.. Enumerable.Range(1, 15)];

    /// <summary>
    /// Below 16 classes each class count is its own compiled kernel on AVX-512 machines, so every count is run:
    /// whole 16-row blocks, a short last block, one row, with every option, and nothing written past the outputs.
    /// </summary>
    [Theory]
    [MemberData(nameof(ClassCountsBelow16))]
    public void Every_class_count_below_16_matches_the_reference_at_every_width(int classes)
    {
        var seed = classes;
        foreach (var rows in new[] { 1, 15, 16, 17, 48, 69 })
            foreach (var width in FusedWidths.All)
            {
                seed++;
                AssertMatchesReference(new RandomCrossEntropyCase(rows, classes, seed, seed % 2 == 0, seed % 3 == 0 ? 0.1f : 0f,
                    (Reduction)(seed % 3), seed % 4 < 2, seed % 5 < 2, 10f, width));
            }
    }

    /// <summary>
    /// Loss, per-row losses and gradient of one random case against <see cref="DoubleReference"/>, through
    /// buffers one block longer than needed whose extra floats must come back untouched.
    /// </summary>
    private static void AssertMatchesReference(RandomCrossEntropyCase spec)
    {
        const float Sentinel = -12345f;
        const int Slack = 17;
        var p = spec.Build();
        var n = p.Targets.Length;
        var losses = Enumerable.Repeat(Sentinel, n + Slack).ToArray();
        var gradient = Enumerable.Repeat(Sentinel, p.Logits.Length + Slack).ToArray();
        var value = FusedSoftmaxCrossEntropy.ForwardBackward(p.Logits, p.Targets, spec.Classes, gradient.AsSpan(0, p.Logits.Length),
            losses.AsSpan(0, n), p.Weight, spec.IgnoreIndex, spec.Smoothing, spec.Reduction, p.GradOutput, FusedWidths.Options(spec.Width));

        var expectedLosses = new double[n];
        var expectedGradient = new double[p.Logits.Length];
        var rowScale = new double[n];
        var expected = DoubleReference.SoftmaxCrossEntropy(p.Logits, p.Targets, spec.Classes, p.Weight, spec.IgnoreIndex,
            spec.Smoothing, spec.Reduction, p.GradOutput, expectedLosses, expectedGradient, rowScale);

        FusedAssert.CrossEntropyClose(expected, expectedLosses, expectedGradient, rowScale, value, losses, gradient, spec.Classes, $"{spec}");
        Assert.True(losses.AsSpan(n).ToArray().All(v => v == Sentinel), $"{spec}: a loss was written past the last row");
        Assert.True(gradient.AsSpan(p.Logits.Length).ToArray().All(v => v == Sentinel), $"{spec}: the gradient was written past its end");
    }

    [Theory]
    [InlineData(700, 100)]
    [InlineData(5000, 15)]
    [InlineData(33, 2500)]
    public void Result_is_bit_identical_whatever_the_thread_count(int rows, int classes)
    {
        var p = new RandomCrossEntropyCase(rows, classes, 7, true, 0.1f, Reduction.Mean, false, false, 10f, 512).Build();
        var single = new float[p.Logits.Length];
        var many = new float[p.Logits.Length];
        var a = FusedSoftmaxCrossEntropy.ForwardBackward(p.Logits, p.Targets, classes, single, weight: p.Weight, labelSmoothing: 0.1f,
            options: new FusedOptions(MaxThreads: 1));
        var b = FusedSoftmaxCrossEntropy.ForwardBackward(p.Logits, p.Targets, classes, many, weight: p.Weight, labelSmoothing: 0.1f,
            options: new FusedOptions(MaxThreads: 4));
        Assert.Equal(BitConverter.SingleToInt32Bits(a), BitConverter.SingleToInt32Bits(b));
        Assert.True(single.AsSpan().SequenceEqual(many), "gradients differ between 1 and 4 threads");
    }

    [Fact]
    public void Forward_equals_the_loss_of_forward_backward()
    {
        var p = new RandomCrossEntropyCase(300, 40, 11, false, 0f, Reduction.Sum, false, false, 5f, 256).Build();
        var gradient = new float[p.Logits.Length];
        var both = FusedSoftmaxCrossEntropy.ForwardBackward(p.Logits, p.Targets, 40, gradient, reduction: Reduction.Sum);
        var forward = FusedSoftmaxCrossEntropy.Forward(p.Logits, p.Targets, 40, reduction: Reduction.Sum);
        Assert.Equal(both, forward);
    }

    [Fact]
    public void Every_row_ignored_gives_NaN_mean_zero_sum_and_zero_gradient()
    {
        var logits = new float[] { 1, 2, 3, 4, float.NegativeInfinity, 0 };
        int[] targets = [-100, -100];
        var gradient = new float[6];
        gradient.AsSpan().Fill(9f);
        Assert.True(float.IsNaN(FusedSoftmaxCrossEntropy.ForwardBackward(logits, targets, 3, gradient)));
        Assert.All(gradient, g => Assert.Equal(0f, g));
        Assert.Equal(0f, FusedSoftmaxCrossEntropy.Forward(logits, targets, 3, reduction: Reduction.Sum));
    }

    [Theory]
    [InlineData(64, 10)]
    [InlineData(1024, 10)]
    [InlineData(64, 1000)]
    [InlineData(8, 3)]
    public void Single_threaded_call_allocates_nothing(int rows, int classes)
    {
        var p = new RandomCrossEntropyCase(rows, classes, 3, true, 0.1f, Reduction.Mean, false, false, 3f, 512).Build();
        var gradient = new float[p.Logits.Length];
        var losses = new float[rows];
        Assert.Equal(0, AllocationProbe.Allocated(() =>
        {
            FusedSoftmaxCrossEntropy.ForwardBackward(p.Logits, p.Targets, classes, gradient, losses, p.Weight, labelSmoothing: 0.1f);
            FusedSoftmaxCrossEntropy.Forward(p.Logits, p.Targets, classes, losses, p.Weight, labelSmoothing: 0.1f);
        }));
    }
}

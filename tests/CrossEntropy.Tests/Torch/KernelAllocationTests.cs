using CrossEntropy.Losses;

namespace CrossEntropy.Tests.Torch;

using Act = CrossEntropy.Activations;

/// <summary>The span kernels own no memory: a warm float call allocates nothing on the calling thread.</summary>
public class KernelAllocationTests
{
    private const int N = 8, C = 5;
    private readonly float[] _logits = Enumerable.Range(0, N * C).Select(i => (float)Math.Sin(i) * 3).ToArray();
    private readonly float[] _probabilities = Enumerable.Range(0, N * C).Select(i => 0.05f + 0.9f * (i % 7) / 7f).ToArray();
    private readonly float[] _labels = Enumerable.Range(0, N * C).Select(i => (float)(i % 2)).ToArray();
    private readonly float[] _classWeight = [1f, 0.5f, 2f, 1f, 0.25f];
    private readonly int[] _targets = [0, 1, 2, 3, 4, -100, 2, 1];
    private readonly float[] _buffer = new float[N * C];
    private readonly float[] _gradient = new float[N * C];
    private readonly float[] _perRow = new float[N];

    private static void AssertNoAllocation(Action call) => Assert.Equal(0, AllocationProbe.Allocated(call));

    [Fact]
    public void Activations_allocate_nothing()
    {
        AssertNoAllocation(() => Act.Sigmoid<float>(_logits, _buffer));
        AssertNoAllocation(() => Act.LogSigmoid<float>(_logits, _buffer));
        AssertNoAllocation(() => Act.Softmax<float>(_logits, C, _buffer));
        AssertNoAllocation(() => Act.LogSoftmax<float>(_logits, C, _buffer));
        AssertNoAllocation(() => Act.LogSumExp<float>(_logits, C, _perRow));
        AssertNoAllocation(() => Act.SigmoidBackward<float>(_probabilities, _labels, _gradient));
        AssertNoAllocation(() => Act.LogSigmoidBackward<float>(_logits, _labels, _gradient));
        AssertNoAllocation(() => Act.SoftmaxBackward<float>(_probabilities, _labels, C, _gradient));
        AssertNoAllocation(() => Act.LogSoftmaxBackward<float>(_logits, _labels, C, _gradient));
    }

    [Fact]
    public void Binary_cross_entropy_kernels_allocate_nothing()
    {
        AssertNoAllocation(() => BinaryCrossEntropy.Forward<float>(_probabilities, _labels, _buffer, _classWeight));
        AssertNoAllocation(() => BinaryCrossEntropy.Backward<float>(_probabilities, _labels, _gradient, _classWeight, Reduction.None, _labels));
        AssertNoAllocation(() => BinaryCrossEntropyWithLogits.Forward<float>(_logits, _labels, _buffer, _classWeight, _classWeight, Reduction.Sum));
        AssertNoAllocation(() => BinaryCrossEntropyWithLogits.Backward<float>(_logits, _labels, _gradient, _classWeight, _classWeight));
    }

    [Fact]
    public void Cross_entropy_kernels_allocate_nothing()
    {
        AssertNoAllocation(() => SoftmaxCrossEntropy.Forward<float>(_logits, _targets, C, _perRow, _classWeight, labelSmoothing: 0.1f));
        AssertNoAllocation(() => SoftmaxCrossEntropy.ForwardBackward<float>(_logits, _targets, C, _gradient, _perRow, _classWeight, -100, 0.1f));
        AssertNoAllocation(() => SoftmaxCrossEntropy.Forward<float>(_logits, _probabilities, C, _perRow, _classWeight));
        AssertNoAllocation(() => SoftmaxCrossEntropy.ForwardBackward<float>(_logits, _probabilities, C, _gradient, default, default, 0.2f, Reduction.Sum));
    }

    [Fact]
    public void Nll_and_kl_kernels_allocate_nothing()
    {
        AssertNoAllocation(() => NegativeLogLikelihood.Forward<float>(_logits, _targets, C, _perRow, _classWeight));
        AssertNoAllocation(() => NegativeLogLikelihood.Backward<float>(_logits, _targets, C, _gradient, _classWeight));
        AssertNoAllocation(() => KLDivergence.Forward<float>(_logits, _probabilities, N, _buffer, KLDivReduction.BatchMean));
        AssertNoAllocation(() => KLDivergence.Backward<float>(_logits, _probabilities, N, _gradient, KLDivReduction.Mean));
    }
}

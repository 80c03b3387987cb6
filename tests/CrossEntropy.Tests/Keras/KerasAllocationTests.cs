using CrossEntropy.Losses;

namespace CrossEntropy.Tests.KerasLosses;

/// <summary>The Keras span kernels allocate nothing: the caller owns every buffer.</summary>
public class KerasAllocationTests
{
    private const int Rows = 8, Classes = 4;
    private static readonly float[] SoftLabels = Fill(Rows * Classes, i => (i % Classes == i / Classes % Classes) ? 1f : 0f);
    private static readonly float[] Probabilities = Fill(Rows * Classes, i => 0.05f + 0.9f * ((i * 37 % 17) / 17f));
    private static readonly float[] Logits = Fill(Rows * Classes, i => (i * 13 % 11) - 5f);
    private static readonly int[] Targets = [0, 1, 2, 3, -1, 1, 2, 0];
    private static readonly float[] SampleWeight = Fill(Rows, i => 0.5f + i);
    private static readonly float[] GradOutput = Fill(Rows, i => 1f - i / 4f);
    private static readonly float[] ClassAlpha = [0.1f, 0.2f, 0.3f, 0.4f];

    private static float[] Fill(int n, Func<int, float> f) => Enumerable.Range(0, n).Select(f).ToArray();

    private static long Allocated(Action call) => AllocationProbe.Allocated(call);

    [Fact]
    public void Binary_crossentropy_allocates_nothing()
    {
        var losses = new float[Rows];
        var gradient = new float[Rows * Classes];
        Assert.Equal(0, Allocated(() =>
        {
            KerasBinaryCrossEntropy.Forward<float>(SoftLabels, Probabilities, Classes, losses, labelSmoothing: 0.1, sampleWeight: SampleWeight);
            KerasBinaryCrossEntropy.ForwardBackward<float>(SoftLabels, Logits, Classes, gradient, losses, fromLogits: true,
                reduction: KerasReduction.None, gradOutput: GradOutput);
        }));
    }

    [Fact]
    public void Categorical_crossentropy_allocates_nothing()
    {
        var losses = new float[Rows];
        var gradient = new float[Rows * Classes];
        Assert.Equal(0, Allocated(() =>
        {
            KerasCategoricalCrossEntropy.Forward<float>(SoftLabels, Probabilities, Classes, losses, reduction: KerasReduction.MeanWithSampleWeight, sampleWeight: SampleWeight);
            KerasCategoricalCrossEntropy.ForwardBackward<float>(SoftLabels, Probabilities, Classes, gradient, losses);
            KerasCategoricalCrossEntropy.ForwardBackward<float>(SoftLabels, Logits, Classes, gradient, losses, fromLogits: true, labelSmoothing: 0.2);
        }));
    }

    [Fact]
    public void Sparse_categorical_crossentropy_allocates_nothing()
    {
        var losses = new float[Rows];
        var gradient = new float[Rows * Classes];
        Assert.Equal(0, Allocated(() =>
        {
            KerasSparseCategoricalCrossEntropy.Forward<float>(Targets, Logits, Classes, losses, fromLogits: true, ignoreClass: -1);
            KerasSparseCategoricalCrossEntropy.ForwardBackward<float>(Targets, Probabilities, Classes, gradient, losses, ignoreClass: -1, sampleWeight: SampleWeight);
        }));
    }

    [Fact]
    public void Binary_focal_crossentropy_allocates_nothing()
    {
        var losses = new float[Rows];
        var gradient = new float[Rows * Classes];
        Assert.Equal(0, Allocated(() =>
        {
            KerasBinaryFocalCrossEntropy.Forward<float>(SoftLabels, Probabilities, Classes, losses, applyClassBalancing: true);
            KerasBinaryFocalCrossEntropy.ForwardBackward<float>(SoftLabels, Logits, Classes, gradient, losses, gamma: 1.5, fromLogits: true);
        }));
    }

    [Fact]
    public void Categorical_focal_crossentropy_allocates_nothing()
    {
        var losses = new float[Rows];
        var gradient = new float[Rows * Classes];
        Assert.Equal(0, Allocated(() =>
        {
            KerasCategoricalFocalCrossEntropy.Forward<float>(SoftLabels, Probabilities, Classes, losses, classAlpha: ClassAlpha);
            KerasCategoricalFocalCrossEntropy.ForwardBackward<float>(SoftLabels, Logits, Classes, gradient, losses, fromLogits: true, labelSmoothing: 0.1);
        }));
    }

    [Fact]
    public void Information_measures_allocate_nothing()
    {
        float[] p = [0.2f, 0.3f, 0.5f];
        float[] q = [0.3f, 0.3f, 0.4f];
        Assert.Equal(0, Allocated(() =>
        {
            CrossEntropy.Information.Entropy<float>(p, LogBase.Two);
            CrossEntropy.Information.CrossEntropy<float>(p, q);
            CrossEntropy.Information.KLDivergence<float>(p, q, LogBase.Ten);
        }));
    }
}

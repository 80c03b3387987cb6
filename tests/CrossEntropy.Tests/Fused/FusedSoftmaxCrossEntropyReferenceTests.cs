using CrossEntropy.Fused;
using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.Fused;

/// <summary>The fused kernel against libtorch's float32 results (torch_cross_entropy.json, class indices, (N, C) rows).</summary>
public class FusedSoftmaxCrossEntropyReferenceTests
{
    private const string File = "torch_cross_entropy";

    public static TheoryData<string, int> RowCases => FusedWidths.Cases(File,
        c => c.ArgString("target_kind") == "class_indices" && c.Inputs["input"].Shape.Length == 2);

    [Theory]
    [MemberData(nameof(RowCases))]
    public void Loss_and_gradient_match_libtorch(string id, int width)
    {
        var c = ReferenceCases.Get(File, id);
        var input = c.Inputs["input"];
        var logits = input.AsFloat();
        var targets = c.Inputs["target"].AsInt();
        var classes = input.Shape[1];
        var weight = c.Inputs.TryGetValue("weight", out var w) ? w.AsFloat() : null;
        var reduction = c.ArgString("reduction") switch { "none" => Reduction.None, "sum" => Reduction.Sum, _ => Reduction.Mean };
        var smoothing = (float)(c.ArgDouble("label_smoothing") ?? 0);
        var ignore = (int)(c.ArgDouble("ignore_index") ?? -100);
        var gradOutput = c.GradOutput?.AsFloat();

        var losses = new float[targets.Length];
        var gradient = new float[logits.Length];
        var value = FusedSoftmaxCrossEntropy.ForwardBackward(logits, targets, classes, gradient, losses, weight, ignore, smoothing,
            reduction, gradOutput, FusedWidths.Options(width));

        var expected = c.Outputs["out"];
        if (reduction == Reduction.None)
            RefAssert.Close(expected.Data, losses, c.Rtol, c.Atol, $"{id} losses");
        else
            RefAssert.Close(expected.Data, [value], c.Rtol, c.Atol, $"{id} loss");
        RefAssert.Close(c.Grads["input"].Data, gradient, c.Rtol, c.Atol, $"{id} gradient");

        var forward = FusedSoftmaxCrossEntropy.Forward(logits, targets, classes, default, weight, ignore, smoothing, reduction, FusedWidths.Options(width));
        Assert.Equal(value, forward);
    }
}

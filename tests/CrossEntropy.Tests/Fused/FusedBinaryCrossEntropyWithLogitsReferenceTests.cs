using CrossEntropy.Fused;
using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.Fused;

/// <summary>The fused BCE-with-logits kernel against libtorch's float32 results (torch_bce.json).</summary>
public class FusedBinaryCrossEntropyWithLogitsReferenceTests
{
    private const string File = "torch_bce";

    public static TheoryData<string, int> LogitCases => FusedWidths.Cases(File,
        c => c.Api == "torch.nn.functional.binary_cross_entropy_with_logits");

    [Theory]
    [MemberData(nameof(LogitCases))]
    public void Loss_and_gradient_match_libtorch(string id, int width)
    {
        var c = ReferenceCases.Get(File, id);
        var logits = c.Inputs["input"].AsFloat();
        var targets = c.Inputs["target"].AsFloat();
        var weight = c.Inputs.TryGetValue("weight", out var w) ? w.AsFloat() : null;
        var posWeight = c.Inputs.TryGetValue("pos_weight", out var q) ? q.AsFloat() : null;
        var reduction = c.ArgString("reduction") switch { "none" => Reduction.None, "sum" => Reduction.Sum, _ => Reduction.Mean };
        var gradOutput = c.GradOutput?.AsFloat();
        var options = FusedWidths.Options(width);

        var losses = new float[logits.Length];
        var gradient = new float[logits.Length];
        var value = FusedBinaryCrossEntropyWithLogits.ForwardBackward(logits, targets, gradient, losses, weight, posWeight, reduction, gradOutput, options);

        var expected = c.Outputs["out"];
        if (reduction == Reduction.None)
            RefAssert.Close(expected.Data, losses, c.Rtol, c.Atol, $"{id} losses");
        else
            RefAssert.Close(expected.Data, [value], c.Rtol, c.Atol, $"{id} loss");
        RefAssert.Close(c.Grads["input"].Data, gradient, c.Rtol, c.Atol, $"{id} gradient");

        var backwardOnly = new float[logits.Length];
        FusedBinaryCrossEntropyWithLogits.Backward(logits, targets, backwardOnly, weight, posWeight, reduction, gradOutput, options);
        Assert.Equal(gradient, backwardOnly);
        Assert.Equal(value, FusedBinaryCrossEntropyWithLogits.Forward(logits, targets, default, weight, posWeight, reduction, options));
    }
}

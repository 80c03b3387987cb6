using System.Numerics;
using CrossEntropy.Losses;
using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.Torch;

/// <summary>
/// Replays one libtorch reference case through the library in precision T: the same call
/// (or composition of calls, for the tutorial cases) the case's <c>python</c> field records, forward and backward.
/// </summary>
internal static class TorchCaseRunner
{
    public sealed record Result(Dictionary<string, double[]> Outputs, Dictionary<string, double[]> Grads);

    public static Result Run<T>(RefCase c) where T : IFloatingPointIeee754<T>
    {
        var outputs = new Dictionary<string, double[]>();
        var grads = new Dictionary<string, double[]>();
        switch (c.Api)
        {
            case "torch.sigmoid":
            {
                var x = In<T>(c, "input");
                var y = new T[x.Length];
                Activations.Sigmoid<T>(x, y);
                var g = new T[x.Length];
                Activations.SigmoidBackward<T>(y, GradOutput<T>(c, x.Length), g);
                outputs["out"] = Wide(y);
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.logsigmoid":
            {
                var x = In<T>(c, "input");
                var y = new T[x.Length];
                Activations.LogSigmoid<T>(x, y);
                var g = new T[x.Length];
                Activations.LogSigmoidBackward<T>(x, GradOutput<T>(c, x.Length), g);
                outputs["out"] = Wide(y);
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.softmax":
            case "torch.nn.functional.log_softmax":
            {
                var x = In<T>(c, "input");
                var classes = c.Inputs["input"].Shape[^1];
                var y = new T[x.Length];
                var g = new T[x.Length];
                if (c.Api.EndsWith("log_softmax", StringComparison.Ordinal))
                {
                    Activations.LogSoftmax<T>(x, classes, y);
                    Activations.LogSoftmaxBackward<T>(y, GradOutput<T>(c, x.Length), classes, g);
                }
                else
                {
                    Activations.Softmax<T>(x, classes, y);
                    Activations.SoftmaxBackward<T>(y, GradOutput<T>(c, x.Length), classes, g);
                }
                outputs["out"] = Wide(y);
                grads["input"] = Wide(g);
                break;
            }
            case "torch.logsumexp":
            {
                var x = In<T>(c, "input");
                var classes = c.Inputs["input"].Shape[^1];
                var y = new T[x.Length / classes];
                Activations.LogSumExp<T>(x, classes, y);
                var g = new T[x.Length];
                Activations.LogSumExpBackward<T>(x, y, GradOutput<T>(c, y.Length), classes, g);
                outputs["out"] = Wide(y);
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.binary_cross_entropy" when c.Inputs.ContainsKey("X"):
            {
                // binary_cross_entropy(sigmoid(X), y): the tutorial's first PyTorch example.
                var x = In<T>(c, "X");
                var y = In<T>(c, "y");
                var p = new T[x.Length];
                Activations.Sigmoid<T>(x, p);
                var reduction = ReductionOf(c);
                var loss = BinaryCrossEntropy.Forward<T>(p, y, reduction: reduction);
                var dp = new T[x.Length];
                BinaryCrossEntropy.Backward<T>(p, y, dp, reduction: reduction);
                var dx = new T[x.Length];
                Activations.SigmoidBackward<T>(p, dp, dx);
                outputs["out"] = [double.CreateTruncating(loss)];
                outputs["sigmoid_X"] = Wide(p);
                grads["X"] = Wide(dx);
                break;
            }
            case "torch.nn.functional.binary_cross_entropy":
            {
                var p = In<T>(c, "input");
                var y = In<T>(c, "target");
                var w = Optional<T>(c, "weight");
                var reduction = ReductionOf(c);
                var losses = new T[p.Length];
                var total = BinaryCrossEntropy.Forward<T>(p, y, losses, w, reduction);
                var g = new T[p.Length];
                BinaryCrossEntropy.Backward<T>(p, y, g, w, reduction, GradOutput<T>(c, p.Length));
                outputs["out"] = reduction == Reduction.None ? Wide(losses) : [double.CreateTruncating(total)];
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.binary_cross_entropy_with_logits":
            {
                var x = In<T>(c, "input");
                var y = In<T>(c, "target");
                var w = Optional<T>(c, "weight");
                var pw = Optional<T>(c, "pos_weight");
                var reduction = ReductionOf(c);
                var losses = new T[x.Length];
                var total = BinaryCrossEntropyWithLogits.Forward<T>(x, y, losses, w, pw, reduction);
                var g = new T[x.Length];
                BinaryCrossEntropyWithLogits.Backward<T>(x, y, g, w, pw, reduction, GradOutput<T>(c, x.Length));
                outputs["out"] = reduction == Reduction.None ? Wide(losses) : [double.CreateTruncating(total)];
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.cross_entropy":
            {
                var x = In<T>(c, "input");
                var shape = c.Inputs["input"].Shape;
                var classes = shape[1];
                var spatial = shape.Skip(2).Aggregate(1, (a, b) => a * b);
                var positions = x.Length / classes;
                var w = Optional<T>(c, "weight");
                var reduction = ReductionOf(c);
                var smoothing = T.CreateTruncating(c.ArgDouble("label_smoothing") ?? 0.0);
                var losses = new T[positions];
                var g = new T[x.Length];
                T total;
                if (c.ArgString("target_kind") == "class_probabilities")
                {
                    var q = In<T>(c, "target");
                    total = SoftmaxCrossEntropy.ForwardBackward<T>(x, q, classes, g, losses, w, smoothing, reduction, spatial, GradOutput<T>(c, positions));
                    var again = SoftmaxCrossEntropy.Forward<T>(x, q, classes, default, w, smoothing, reduction, spatial);
                    Assert.Equal(double.CreateTruncating(total), double.CreateTruncating(again));
                }
                else
                {
                    var t = c.Inputs["target"].AsInt();
                    var ignore = (int)(c.ArgDouble("ignore_index") ?? -100);
                    total = SoftmaxCrossEntropy.ForwardBackward<T>(x, t, classes, g, losses, w, ignore, smoothing, reduction, spatial, GradOutput<T>(c, positions));
                    var again = SoftmaxCrossEntropy.Forward<T>(x, t, classes, default, w, ignore, smoothing, reduction, spatial);
                    Assert.Equal(double.CreateTruncating(total), double.CreateTruncating(again));
                }
                outputs["out"] = reduction == Reduction.None ? Wide(losses) : [double.CreateTruncating(total)];
                grads["input"] = Wide(g);
                break;
            }
            case "torch.nn.functional.nll_loss":
            {
                // Tutorial cases pass probabilities p/P through torch.log first; the gradient is then w.r.t. p.
                var name = c.Inputs.ContainsKey("input") ? "input" : c.Inputs.ContainsKey("p") ? "p" : "P";
                var raw = In<T>(c, name);
                var composed = name != "input";
                var x = composed ? raw.Select(T.Log).ToArray() : raw;
                var shape = c.Inputs[name].Shape;
                var classes = shape[1];
                var spatial = shape.Skip(2).Aggregate(1, (a, b) => a * b);
                var positions = x.Length / classes;
                var t = c.Inputs["target"].AsInt();
                var w = Optional<T>(c, "weight");
                var reduction = ReductionOf(c);
                var losses = new T[positions];
                var total = NegativeLogLikelihood.Forward<T>(x, t, classes, losses, w, -100, reduction, spatial);
                var g = new T[x.Length];
                NegativeLogLikelihood.Backward<T>(x, t, classes, g, w, -100, reduction, spatial, GradOutput<T>(c, positions));
                if (composed)
                    for (var i = 0; i < g.Length; i++) g[i] /= raw[i];
                outputs["out"] = reduction == Reduction.None ? Wide(losses) : [double.CreateTruncating(total)];
                grads[name] = Wide(g);
                break;
            }
            case "torch.nn.functional.kl_div":
            {
                var x = In<T>(c, "input");
                var t = In<T>(c, "target");
                var batch = c.Inputs["input"].Shape[0];
                var logTarget = c.ArgBool("log_target") ?? false;
                var reduction = c.ArgString("reduction") switch
                {
                    "none" => KLDivReduction.None,
                    "sum" => KLDivReduction.Sum,
                    "mean" => KLDivReduction.Mean,
                    "batchmean" => KLDivReduction.BatchMean,
                    var r => throw new InvalidOperationException($"unknown reduction {r}"),
                };
                var losses = new T[x.Length];
                var total = KLDivergence.Forward<T>(x, t, batch, losses, reduction, logTarget);
                var g = new T[x.Length];
                KLDivergence.Backward<T>(x, t, batch, g, reduction, logTarget, GradOutput<T>(c, x.Length));
                outputs["out"] = reduction == KLDivReduction.None ? Wide(losses) : [double.CreateTruncating(total)];
                grads["input"] = Wide(g);
                break;
            }
            default:
                throw new InvalidOperationException($"{c.Id}: no runner for api {c.Api}");
        }
        return new Result(outputs, grads);
    }

    /// <summary>
    /// The case's inputs are float32 values printed in shortest form; both precisions start from that exact float32
    /// value (the float64 reference run upcast the float32 inputs).
    /// </summary>
    private static T[] In<T>(RefCase c, string name) where T : IFloatingPointIeee754<T> =>
        c.Inputs[name].Data.Select(d => T.CreateTruncating((float)d)).ToArray();

    private static T[] Optional<T>(RefCase c, string arg) where T : IFloatingPointIeee754<T> =>
        c.ArgString(arg) is { } name ? In<T>(c, name) : [];

    private static T[] GradOutput<T>(RefCase c, int length) where T : IFloatingPointIeee754<T>
    {
        if (c.GradOutput is null) return [];
        Assert.Equal(length, c.GradOutput.Data.Length);
        return c.GradOutput.Data.Select(d => T.CreateTruncating((float)d)).ToArray();
    }

    private static Reduction ReductionOf(RefCase c) => c.ArgString("reduction") switch
    {
        "none" => Reduction.None,
        "sum" => Reduction.Sum,
        "mean" or null => Reduction.Mean,
        var r => throw new InvalidOperationException($"unknown reduction {r}"),
    };

    private static double[] Wide<T>(T[] values) where T : IFloatingPointIeee754<T> =>
        values.Select(double.CreateTruncating).ToArray();
}

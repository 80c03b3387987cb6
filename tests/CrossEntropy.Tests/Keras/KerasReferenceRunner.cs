using System.Numerics;
using System.Text.Json.Nodes;
using CrossEntropy.Losses;
using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.KerasLosses;

/// <summary>
/// Runs one keras_losses.json case through the span kernels in precision T: the loss object's value (or the
/// function form's per-sample values), the per-sample losses, and the gradient w.r.t. y_pred.
/// </summary>
public static class KerasReferenceRunner
{
    public sealed record Result(double[] Loss, double[] PerSample, double[] Gradient);

    public static Result Run<T>(RefCase c) where T : IFloatingPointIeee754<T>
    {
        var yPredTensor = c.Inputs["y_pred"];
        var yPred = Convert<T>(yPredTensor.Data);
        var last = yPredTensor.Shape.Length == 0 ? 1 : yPredTensor.Shape[^1];
        var rows = yPred.Length / last;
        var functionForm = char.IsLower(c.Api["keras.losses.".Length]);
        var reduction = functionForm ? KerasReduction.None : ParseReduction(c.Args["reduction"]);
        var sampleWeight = c.Inputs.TryGetValue("sample_weight", out var sw) ? Convert<T>(sw.Data) : [];
        var gradOutput = c.GradOutput is { } go ? Convert<T>(go.Data) : [];
        var fromLogits = c.ArgBool("from_logits") ?? false;
        var labelSmoothing = c.ArgDouble("label_smoothing") ?? 0;
        var losses = new T[rows];
        var gradient = new T[yPred.Length];
        var kind = c.Api["keras.losses.".Length..].ToLowerInvariant().Replace("_", "");

        T value, valueAgain;
        switch (kind)
        {
            case "binarycrossentropy":
            {
                var yTrue = Convert<T>(c.Inputs["y_true"].Data);
                value = KerasBinaryCrossEntropy.Forward<T>(yTrue, yPred, last, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
                valueAgain = KerasBinaryCrossEntropy.ForwardBackward<T>(yTrue, yPred, last, gradient, default, fromLogits, labelSmoothing, reduction, sampleWeight, gradOutput);
                break;
            }
            case "categoricalcrossentropy":
            {
                var yTrue = Convert<T>(c.Inputs["y_true"].Data);
                value = KerasCategoricalCrossEntropy.Forward<T>(yTrue, yPred, last, losses, fromLogits, labelSmoothing, reduction, sampleWeight);
                valueAgain = KerasCategoricalCrossEntropy.ForwardBackward<T>(yTrue, yPred, last, gradient, default, fromLogits, labelSmoothing, reduction, sampleWeight, gradOutput);
                break;
            }
            case "sparsecategoricalcrossentropy":
            {
                var yTrue = c.Inputs["y_true"].AsInt();
                var ignoreClass = c.Args["ignore_class"] is JsonValue v ? v.GetValue<int>() : (int?)null;
                value = KerasSparseCategoricalCrossEntropy.Forward<T>(yTrue, yPred, last, losses, fromLogits, ignoreClass, reduction, sampleWeight);
                valueAgain = KerasSparseCategoricalCrossEntropy.ForwardBackward<T>(yTrue, yPred, last, gradient, default, fromLogits, ignoreClass, reduction, sampleWeight, gradOutput);
                break;
            }
            case "binaryfocalcrossentropy":
            {
                var yTrue = Convert<T>(c.Inputs["y_true"].Data);
                var balancing = c.ArgBool("apply_class_balancing") ?? false;
                var alpha = c.ArgDouble("alpha") ?? 0.25;
                var gamma = c.ArgDouble("gamma") ?? 2.0;
                value = KerasBinaryFocalCrossEntropy.Forward<T>(yTrue, yPred, last, losses, balancing, alpha, gamma, fromLogits, labelSmoothing, reduction, sampleWeight);
                valueAgain = KerasBinaryFocalCrossEntropy.ForwardBackward<T>(yTrue, yPred, last, gradient, default, balancing, alpha, gamma, fromLogits, labelSmoothing, reduction, sampleWeight, gradOutput);
                break;
            }
            case "categoricalfocalcrossentropy":
            {
                var yTrue = Convert<T>(c.Inputs["y_true"].Data);
                var gamma = c.ArgDouble("gamma") ?? 2.0;
                var alphaNode = c.Args["alpha"];
                var classAlpha = alphaNode is JsonArray list ? list.Select(a => T.CreateChecked(a!.GetValue<double>())).ToArray() : [];
                var alpha = alphaNode is JsonValue scalar ? scalar.GetValue<double>() : 0.25;
                value = KerasCategoricalFocalCrossEntropy.Forward<T>(yTrue, yPred, last, losses, alpha, gamma, fromLogits, labelSmoothing, reduction, sampleWeight, classAlpha);
                valueAgain = KerasCategoricalFocalCrossEntropy.ForwardBackward<T>(yTrue, yPred, last, gradient, default, alpha, gamma, fromLogits, labelSmoothing, reduction, sampleWeight, classAlpha, gradOutput);
                break;
            }
            default:
                throw new NotSupportedException($"no runner for {c.Api}");
        }
        Assert.Equal(double.CreateChecked(value), double.CreateChecked(valueAgain));

        var perSample = losses.Select(double.CreateChecked).ToArray();
        double[] loss = reduction == KerasReduction.None
            ? perSample.Select((l, i) => l * (sampleWeight.Length == 0 ? 1 : double.CreateChecked(sampleWeight[i / (rows / sampleWeight.Length)]))).ToArray()
            : [double.CreateChecked(value)];
        return new Result(loss, perSample, gradient.Select(double.CreateChecked).ToArray());
    }

    private static KerasReduction ParseReduction(JsonNode? node) => node?.GetValue<string>() switch
    {
        null or "none" => KerasReduction.None,
        "sum_over_batch_size" or "mean" => KerasReduction.SumOverBatchSize,
        "sum" => KerasReduction.Sum,
        "mean_with_sample_weight" => KerasReduction.MeanWithSampleWeight,
        var other => throw new NotSupportedException($"reduction {other}"),
    };

    /// <summary>The reference inputs are float32 values: round through float so double sees exactly what Keras saw.</summary>
    public static T[] Convert<T>(double[] data) where T : IFloatingPointIeee754<T> =>
        data.Select(d => T.CreateChecked((float)d)).ToArray();
}

using System.Numerics.Tensors;

namespace CrossEntropy.Benchmarks.Baselines;

/// <summary>
/// BCE from logits with TensorPrimitives, one whole-array operation at a time: softplus terms into a buffer
/// (stable: log(1 + e^−|x|) + max(−x, 0)), then the loss sum; the gradient from a sigmoid pass.
/// </summary>
public static class TwoPassBinaryCrossEntropy
{
    public static float Forward(float[] logits, float[] targets, float[] buffer, float[] scratch)
    {
        // softplus(−x) = log(1 + e^(−|x|)) + max(−x, 0); loss = (1 − y)·x + softplus(−x)
        TensorPrimitives.Abs(logits, buffer);
        TensorPrimitives.Negate(buffer, buffer);
        TensorPrimitives.Exp(buffer, buffer);
        TensorPrimitives.LogP1(buffer, buffer);
        TensorPrimitives.Negate(logits, scratch);
        TensorPrimitives.Max(scratch, 0f, scratch);
        TensorPrimitives.Add(buffer, scratch, buffer);
        TensorPrimitives.Subtract(1f, targets, scratch);
        TensorPrimitives.MultiplyAdd(scratch, logits, buffer, buffer);
        return TensorPrimitives.Sum(buffer) / logits.Length;
    }

    public static float ForwardBackward(float[] logits, float[] targets, float[] buffer, float[] scratch, float[] gradient)
    {
        var loss = Forward(logits, targets, buffer, scratch);
        TensorPrimitives.Sigmoid(logits, gradient);
        TensorPrimitives.Subtract(gradient, targets, gradient);
        TensorPrimitives.Multiply(gradient, 1f / logits.Length, gradient);
        return loss;
    }
}

using System.Numerics.Tensors;

namespace CrossEntropy.Benchmarks.Baselines;

/// <summary>
/// What no loss kernel can beat: reading the logits once (a vectorized sum) and reading them once while
/// writing a same-sized gradient buffer (a copy).
/// </summary>
public static class MemoryFloor
{
    public static float Read(float[] logits) => TensorPrimitives.Sum(logits);

    public static void ReadWrite(float[] logits, float[] gradient) => logits.AsSpan().CopyTo(gradient);
}

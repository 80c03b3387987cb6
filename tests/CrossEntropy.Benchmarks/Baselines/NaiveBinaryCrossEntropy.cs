namespace CrossEntropy.Benchmarks.Baselines;

/// <summary>BCE from logits as a tutorial writes it: sigmoid, then the two logs; gradient (p − y)/N.</summary>
public static class NaiveBinaryCrossEntropy
{
    public static float Forward(float[] logits, float[] targets)
    {
        float total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var p = 1f / (1f + MathF.Exp(-logits[i]));
            total += -(targets[i] * MathF.Log(p) + (1 - targets[i]) * MathF.Log(1 - p));
        }
        return total / logits.Length;
    }

    public static float ForwardBackward(float[] logits, float[] targets, float[] gradient)
    {
        float total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var p = 1f / (1f + MathF.Exp(-logits[i]));
            total += -(targets[i] * MathF.Log(p) + (1 - targets[i]) * MathF.Log(1 - p));
            gradient[i] = (p - targets[i]) / logits.Length;
        }
        return total / logits.Length;
    }
}

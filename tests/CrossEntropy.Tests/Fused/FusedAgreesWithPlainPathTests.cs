using CrossEntropy.Losses;
using CsCheck;

namespace CrossEntropy.Tests.Fused;

/// <summary>
/// Through the public API: float calls take the fused kernels, double calls the plain generic path.
/// On random shapes (−∞ logits, ignored targets, weights, smoothing, every reduction) they agree to 1e-6
/// relative, measured against the size of the terms each value is computed from.
/// </summary>
public class FusedAgreesWithPlainPathTests
{
    private static double[] Wide(float[]? values) => values is null ? [] : Array.ConvertAll(values, v => (double)v);

    [Fact]
    public void Softmax_cross_entropy_float_fused_and_double_plain_agree() =>
        RandomCrossEntropyCase.Gen.Sample(spec =>
        {
            var p = spec.Build();
            var n = p.Targets.Length;
            var losses = new float[n];
            var gradient = new float[p.Logits.Length];
            var fused = SoftmaxCrossEntropy.ForwardBackward<float>(p.Logits, p.Targets, spec.Classes, gradient, losses, p.Weight,
                spec.IgnoreIndex, spec.Smoothing, spec.Reduction, gradOutput: p.GradOutput);

            var plainLosses = new double[n];
            var plainGradient = new double[p.Logits.Length];
            var plain = SoftmaxCrossEntropy.ForwardBackward<double>(Wide(p.Logits), p.Targets, spec.Classes, plainGradient, plainLosses,
                Wide(p.Weight), spec.IgnoreIndex, spec.Smoothing, spec.Reduction, gradOutput: Wide(p.GradOutput));

            // The plain path's own row scale is not exposed; the double reference supplies it.
            var rowScale = new double[n];
            DoubleReference.SoftmaxCrossEntropy(p.Logits, p.Targets, spec.Classes, p.Weight, spec.IgnoreIndex, spec.Smoothing,
                spec.Reduction, p.GradOutput, new double[n], new double[p.Logits.Length], rowScale);

            FusedAssert.CrossEntropyClose(plain, plainLosses, plainGradient, rowScale, fused, losses, gradient, spec.Classes, $"{spec}");
        }, iter: 300);

    [Fact]
    public void Binary_cross_entropy_with_logits_float_fused_and_double_plain_agree() =>
        Gen.Select(Gen.Int[1, 500], Gen.Int, Gen.Bool, Gen.Bool, Gen.OneOf(Reduction.Mean, Reduction.Sum, Reduction.None), Gen.OneOf(1f, 20f))
            .Sample((length, seed, weighted, positive, reduction, magnitude) =>
            {
                var random = new Random(seed);
                var x = new float[length];
                var y = new float[length];
                for (var i = 0; i < length; i++)
                {
                    x[i] = random.Next(50) == 0 ? (float)(random.NextDouble() * 200 - 100) : (float)((random.NextDouble() * 2 - 1) * magnitude);
                    y[i] = random.Next(3) switch { 0 => 0f, 1 => 1f, _ => (float)random.NextDouble() };
                }
                var period = Enumerable.Range(1, Math.Min(length, 12)).Last(d => length % d == 0);
                var w = weighted ? Enumerable.Range(0, period).Select(_ => (float)(0.2 + random.NextDouble())).ToArray() : null;
                var q = positive ? Enumerable.Range(0, period).Select(_ => (float)(0.2 + 3 * random.NextDouble())).ToArray() : null;

                var losses = new float[length];
                var gradient = new float[length];
                var fused = BinaryCrossEntropyWithLogits.ForwardBackward<float>(x, y, gradient, losses, w, q, reduction);
                var plainLosses = new double[length];
                var plainGradient = new double[length];
                var plain = BinaryCrossEntropyWithLogits.Forward<double>(Wide(x), Wide(y), plainLosses, Wide(w), Wide(q), reduction);
                BinaryCrossEntropyWithLogits.Backward<double>(Wide(x), Wide(y), plainGradient, Wide(w), Wide(q), reduction);

                var scale = reduction == Reduction.Mean ? 1.0 / length : 1.0;
                double termTotal = 0;
                for (var i = 0; i < length; i++)
                {
                    double xi = x[i], yi = y[i], wi = w is null ? 1 : w[i % period], qi = q is null ? 1 : q[i % period];
                    var terms = wi * (Math.Abs((1 - yi) * xi) + (1 + (qi - 1) * yi) * (Math.Max(-xi, 0) + 1));
                    termTotal += terms;
                    FusedAssert.Close(plainLosses[i], losses[i], 1e-6, terms, $"seed {seed} losses[{i}]");
                    FusedAssert.Close(plainGradient[i], gradient[i], 1e-6, scale * wi * (1 + qi), $"seed {seed} gradient[{i}]");
                }
                FusedAssert.Close(plain, fused, 1e-6, Math.Max(1, scale * termTotal), $"seed {seed} loss");
            }, iter: 300);
}

using CsCheck;
using CrossEntropy.Losses;

namespace CrossEntropy.Tests.KerasLosses;

/// <summary>
/// The analytic gradient of every Keras loss equals central finite differences in double, over random shapes,
/// options, reductions, sample weights and upstream gradients. Probabilities stay in [0.01, 0.99] (rows that are
/// rescaled before clipping: entries ≥ 0.05) so no perturbation crosses a clip bound, where the derivative jumps.
/// </summary>
public class KerasGradientProperties
{
    private const int Iterations = 1000;

    public sealed record Scenario(int Rows, int Columns, double[] Labels, double[] Predictions, bool FromLogits, double LabelSmoothing,
        KerasReduction Reduction, double[] SampleWeight, double[] GradOutput, bool Balancing, double Alpha, double Gamma, int[] Targets)
    {
        public override string ToString() =>
            $"{Rows}×{Columns} logits={FromLogits} ls={LabelSmoothing:R} {Reduction} w=[{string.Join(", ", SampleWeight)}] " +
            $"go=[{string.Join(", ", GradOutput)}] bal={Balancing} α={Alpha:R} γ={Gamma:R} y=[{string.Join(", ", Labels)}] " +
            $"t=[{string.Join(", ", Targets)}] x=[{string.Join(", ", Predictions)}]";
    }

    private static Gen<Scenario> Scenarios(int minColumns, bool categoricalLabels, bool unnormalisedProbabilities) =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[minColumns, 5], Gen.Bool).SelectMany((n, c, fromLogits) =>
            Gen.Select(
                Gen.Double[0, 1].Array[n * c],
                fromLogits ? Gen.Double[-5, 5].Array[n * c]
                    : unnormalisedProbabilities ? Gen.Double[0.05, 1].Array[n * c] : Gen.Double[0.01, 0.99].Array[n * c],
                Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.3]),
                Gen.Int[0, 3],
                Gen.OneOf(Gen.Const(Array.Empty<double>()), Gen.Double[0, 2].Array[n]),
                Gen.Double[-2, 2].Array[n],
                Gen.Select(Gen.Bool, Gen.Double[0, 1], Gen.Double[0, 3]),
                Gen.Int[0, c - 1].Array[n])
            .Select((labels, x, ls, r, w, go, focal, targets) =>
            {
                var reduction = (KerasReduction)r;
                if (categoricalLabels) NormaliseRows(labels, c);
                return new Scenario(n, c, labels, x, fromLogits, ls, reduction, w,
                    reduction == KerasReduction.None ? go : [go[0]], focal.Item1, focal.Item2, focal.Item3, targets);
            }));

    /// <summary>Target distributions: each row sums to 1 (TensorFlow's logits gradient assumes so).</summary>
    private static void NormaliseRows(double[] labels, int columns)
    {
        for (var r = 0; r < labels.Length / columns; r++)
        {
            var row = labels.AsSpan(r * columns, columns);
            var sum = 0.0;
            foreach (var v in row) sum += v;
            if (sum < 1e-3) { row.Clear(); row[0] = 1; continue; }
            for (var i = 0; i < row.Length; i++) row[i] /= sum;
        }
    }

    /// <summary>Σ output·gradOutput, the scalar whose gradient the kernels write.</summary>
    private static double Objective(Scenario s, double reduced, double[] losses)
    {
        if (s.Reduction != KerasReduction.None) return reduced * s.GradOutput[0];
        var total = 0.0;
        for (var i = 0; i < losses.Length; i++)
            total += s.GradOutput[i] * losses[i] * (s.SampleWeight.Length == 0 ? 1 : s.SampleWeight[i]);
        return total;
    }

    private static void AssertMatchesFiniteDifferences(Scenario s, double[] analytic, Func<double[], double[], double> forward)
    {
        const double h = 1e-6;
        var losses = new double[s.Rows];
        for (var i = 0; i < s.Predictions.Length; i++)
        {
            var plus = (double[])s.Predictions.Clone();
            var minus = (double[])s.Predictions.Clone();
            plus[i] += h;
            minus[i] -= h;
            var up = Objective(s, forward(plus, losses), losses);
            var down = Objective(s, forward(minus, losses), losses);
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-5 * (1 + Math.Abs(numeric)),
                $"∂/∂yPred[{i}]: analytic {analytic[i]:R}, finite difference {numeric:R}; {s}");
        }
    }

    [Fact]
    public void BinaryCrossentropy_gradient_matches_finite_differences()
    {
        Scenarios(1, false, false).Sample(s =>
        {
            var gradient = new double[s.Predictions.Length];
            KerasBinaryCrossEntropy.ForwardBackward<double>(s.Labels, s.Predictions, s.Columns, gradient, default,
                s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight, s.GradOutput);
            AssertMatchesFiniteDifferences(s, gradient, (x, losses) => KerasBinaryCrossEntropy.Forward<double>(
                s.Labels, x, s.Columns, losses, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight));
        }, iter: Iterations);
    }

    [Fact]
    public void CategoricalCrossentropy_gradient_matches_finite_differences()
    {
        Scenarios(2, true, true).Sample(s =>
        {
            var gradient = new double[s.Predictions.Length];
            KerasCategoricalCrossEntropy.ForwardBackward<double>(s.Labels, s.Predictions, s.Columns, gradient, default,
                s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight, s.GradOutput);
            AssertMatchesFiniteDifferences(s, gradient, (x, losses) => KerasCategoricalCrossEntropy.Forward<double>(
                s.Labels, x, s.Columns, losses, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight));
        }, iter: Iterations);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_gradient_matches_finite_differences()
    {
        // Half the scenarios ignore the class of the first row, so masking and the masked mean are exercised too.
        Scenarios(2, false, false).Select(Gen.Bool).Sample((s, ignore) =>
        {
            int? ignoreClass = ignore ? s.Targets[0] : null;
            var gradient = new double[s.Predictions.Length];
            KerasSparseCategoricalCrossEntropy.ForwardBackward<double>(s.Targets, s.Predictions, s.Columns, gradient, default,
                s.FromLogits, ignoreClass, s.Reduction, s.SampleWeight, s.GradOutput);
            AssertMatchesFiniteDifferences(s, gradient, (x, losses) => KerasSparseCategoricalCrossEntropy.Forward<double>(
                s.Targets, x, s.Columns, losses, s.FromLogits, ignoreClass, s.Reduction, s.SampleWeight));
        }, iter: Iterations);
    }

    [Fact]
    public void BinaryFocalCrossentropy_gradient_matches_finite_differences()
    {
        Scenarios(1, false, false).Sample(s =>
        {
            var gradient = new double[s.Predictions.Length];
            KerasBinaryFocalCrossEntropy.ForwardBackward<double>(s.Labels, s.Predictions, s.Columns, gradient, default,
                s.Balancing, s.Alpha, s.Gamma, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight, s.GradOutput);
            AssertMatchesFiniteDifferences(s, gradient, (x, losses) => KerasBinaryFocalCrossEntropy.Forward<double>(
                s.Labels, x, s.Columns, losses, s.Balancing, s.Alpha, s.Gamma, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight));
        }, iter: Iterations);
    }

    [Fact]
    public void CategoricalFocalCrossentropy_gradient_matches_finite_differences()
    {
        Scenarios(2, true, true).Select(Gen.Double[0, 1].Array[5], Gen.Bool).Sample((s, alphas, perClass) =>
        {
            var classAlpha = perClass ? alphas[..s.Columns] : [];
            var gradient = new double[s.Predictions.Length];
            KerasCategoricalFocalCrossEntropy.ForwardBackward<double>(s.Labels, s.Predictions, s.Columns, gradient, default,
                s.Alpha, s.Gamma, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight, classAlpha, s.GradOutput);
            AssertMatchesFiniteDifferences(s, gradient, (x, losses) => KerasCategoricalFocalCrossEntropy.Forward<double>(
                s.Labels, x, s.Columns, losses, s.Alpha, s.Gamma, s.FromLogits, s.LabelSmoothing, s.Reduction, s.SampleWeight, classAlpha));
        }, iter: Iterations);
    }
}

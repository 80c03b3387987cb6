using CsCheck;
using CrossEntropy.Losses;

namespace CrossEntropy.Tests.Torch;

using Act = CrossEntropy.Activations;

/// <summary>Invariants of the PyTorch-semantics kernels, each checked on 1,000 generated cases.</summary>
public class TorchPropertyTests
{
    private const int Iterations = 1000;

    private static readonly Gen<Reduction> AnyReduction = Gen.Int[0, 2].Select(i => (Reduction)i);

    /// <summary>N rows, C classes, logits in [-scale, scale].</summary>
    private static Gen<(int Rows, int Classes, double[] Logits)> Rows(double scale) =>
        from n in Gen.Int[1, 5]
        from c in Gen.Int[1, 7]
        from x in Gen.Double[-scale, scale].Array[n * c]
        select (n, c, x);

    /// <summary>A class-index cross-entropy setup with K-dim spatial positions, weights, smoothing and ignored targets (never all).</summary>
    private static readonly Gen<CeCase> CrossEntropyCases =
        from n in Gen.Int[1, 4]
        from c in Gen.Int[2, 6]
        from spatial in Gen.Int[1, 3]
        from x in Gen.Double[-6, 6].Array[n * c * spatial]
        from first in Gen.Int[0, c - 1]
        from rest in Gen.Int[-1, c - 1].Array[n * spatial - 1]
        from useWeight in Gen.Bool
        from w in Gen.Double[0.1, 2].Array[c]
        from smoothing in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.6])
        from reduction in AnyReduction
        from gradOutput in Gen.Double[-1, 1].Array[n * spatial]
        select new CeCase(c, spatial, x, [first, .. rest], useWeight ? w : [], smoothing, reduction, gradOutput);

    public sealed record CeCase(int Classes, int Spatial, double[] Logits, int[] Targets, double[] Weight, double Smoothing, Reduction Reduction, double[] GradOutput)
    {
        public override string ToString() =>
            $"C={Classes} spatial={Spatial} x=[{string.Join(", ", Logits)}] t=[{string.Join(", ", Targets)}] w=[{string.Join(", ", Weight)}] ε={Smoothing} {Reduction}";
    }

    [Fact]
    public void Softmax_rows_sum_to_one()
    {
        Rows(60).Sample(r =>
        {
            var p = new double[r.Logits.Length];
            Act.Softmax<double>(r.Logits, r.Classes, p);
            var f = new float[r.Logits.Length];
            Act.Softmax<float>(r.Logits.Select(v => (float)v).ToArray(), r.Classes, f);
            for (var row = 0; row < r.Rows; row++)
            {
                Assert.Equal(1.0, p.AsSpan(row * r.Classes, r.Classes).ToArray().Sum(), 1e-12 * r.Classes);
                Assert.Equal(1.0, f.AsSpan(row * r.Classes, r.Classes).ToArray().Sum(), 1e-5 * r.Classes);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_entropy_from_logits_is_unchanged_by_adding_a_constant_to_a_row()
    {
        (from ce in CrossEntropyCases
         from shift in Gen.Double[-100, 100]
         select (ce, shift)).Sample(v =>
        {
            var (ce, shift) = v;
            var shifted = (double[])ce.Logits.Clone();
            // Adding the constant to every class of sample 0 (all of its spatial positions) shifts those rows.
            for (var i = 0; i < ce.Classes * ce.Spatial; i++) shifted[i] += shift;
            var a = SoftmaxCrossEntropy.Forward<double>(ce.Logits, ce.Targets, ce.Classes, default, ce.Weight, -1, ce.Smoothing, ce.Reduction, ce.Spatial);
            var b = SoftmaxCrossEntropy.Forward<double>(shifted, ce.Targets, ce.Classes, default, ce.Weight, -1, ce.Smoothing, ce.Reduction, ce.Spatial);
            Assert.Equal(a, b, 1e-10 * Math.Max(1, Math.Abs(a)));
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_entropy_is_never_negative_in_either_precision()
    {
        CrossEntropyCases.Sample(ce =>
        {
            var losses = new double[ce.Targets.Length];
            var total = SoftmaxCrossEntropy.Forward<double>(ce.Logits, ce.Targets, ce.Classes, losses, ce.Weight, -1, ce.Smoothing, ce.Reduction, ce.Spatial);
            Assert.True(total >= 0, $"total {total}");
            Assert.All(losses, l => Assert.True(l >= 0, $"loss {l}"));
            var f = SoftmaxCrossEntropy.Forward<float>(ce.Logits.Select(x => (float)x).ToArray(), ce.Targets, ce.Classes, default,
                ce.Weight.Select(x => (float)x).ToArray(), -1, (float)ce.Smoothing, ce.Reduction, ce.Spatial);
            Assert.True(f >= 0, $"float total {f}");
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_entropy_of_distributions_is_entropy_plus_kl_divergence()
    {
        (from r in Rows(8)
         from raw in Gen.Double[0, 1].Array[r.Logits.Length]
         select (r, raw)).Sample(v =>
        {
            var (r, raw) = v;
            var q = Normalise(raw, r.Classes);
            var logp = new double[q.Length];
            Act.LogSoftmax<double>(r.Logits, r.Classes, logp);
            var crossEntropy = SoftmaxCrossEntropy.Forward<double>(r.Logits, q, r.Classes, reduction: Reduction.Sum);
            var kl = KLDivergence.Forward<double>(logp, q, r.Rows, reduction: KLDivReduction.Sum);
            var entropy = -q.Sum(t => t == 0 ? 0 : t * Math.Log(t));
            Assert.Equal(crossEntropy, entropy + kl, 1e-10 * Math.Max(1, crossEntropy));
            Assert.True(kl >= -1e-12, $"KL {kl}");
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_entropy_gradient_matches_finite_differences_with_weights_smoothing_and_ignored_targets()
    {
        CrossEntropyCases.Sample(ce =>
        {
            var gradOutput = ce.Reduction == Reduction.None ? ce.GradOutput : [];
            var gradient = new double[ce.Logits.Length];
            SoftmaxCrossEntropy.ForwardBackward<double>(ce.Logits, ce.Targets, ce.Classes, gradient, default, ce.Weight, -1, ce.Smoothing, ce.Reduction, ce.Spatial, gradOutput);
            var numeric = FiniteDifferences.Gradient(ce.Logits, x =>
            {
                var losses = new double[ce.Targets.Length];
                var total = SoftmaxCrossEntropy.Forward<double>(x, ce.Targets, ce.Classes, losses, ce.Weight, -1, ce.Smoothing, ce.Reduction, ce.Spatial);
                return ce.Reduction == Reduction.None ? FiniteDifferences.Dot(ce.GradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d CE / d logits");
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_entropy_with_probability_targets_gradient_matches_finite_differences()
    {
        (from r in Rows(6)
         from q in Gen.Double[0, 1].Array[r.Logits.Length]
         from useWeight in Gen.Bool
         from w in Gen.Double[0.1, 2].Array[r.Classes]
         from smoothing in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.6])
         from reduction in AnyReduction
         from gradOutput in Gen.Double[-1, 1].Array[r.Rows]
         select (r, q, weight: useWeight ? w : [], smoothing, reduction, gradOutput)).Sample(v =>
        {
            var (r, q, weight, smoothing, reduction, gradOutput) = v;
            var go = reduction == Reduction.None ? gradOutput : [];
            var gradient = new double[r.Logits.Length];
            SoftmaxCrossEntropy.ForwardBackward<double>(r.Logits, q, r.Classes, gradient, default, weight, smoothing, reduction, 1, go);
            var numeric = FiniteDifferences.Gradient(r.Logits, x =>
            {
                var losses = new double[r.Rows];
                var total = SoftmaxCrossEntropy.Forward<double>(x, q, r.Classes, losses, weight, smoothing, reduction);
                return reduction == Reduction.None ? FiniteDifferences.Dot(gradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d CE(probabilities) / d logits");
        }, iter: Iterations);
    }

    [Fact]
    public void Binary_cross_entropy_gradient_matches_finite_differences()
    {
        (from n in Gen.Int[1, 4]
         from c in Gen.Int[1, 5]
         from p in Gen.Double[0.02, 0.98].Array[n * c]
         from y in Gen.Double[0, 1].Array[n * c]
         from useWeight in Gen.Bool
         from w in Gen.Double[0, 2].Array[c]
         from reduction in AnyReduction
         from gradOutput in Gen.Double[-1, 1].Array[n * c]
         select (p, y, weight: useWeight ? w : [], reduction, gradOutput)).Sample(v =>
        {
            var (p, y, weight, reduction, gradOutput) = v;
            var gradient = new double[p.Length];
            BinaryCrossEntropy.Backward<double>(p, y, gradient, weight, reduction, reduction == Reduction.None ? gradOutput : []);
            var numeric = FiniteDifferences.Gradient(p, x =>
            {
                var losses = new double[x.Length];
                var total = BinaryCrossEntropy.Forward<double>(x, y, losses, weight, reduction);
                return reduction == Reduction.None ? FiniteDifferences.Dot(gradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d BCE / d p");
        }, iter: Iterations);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_gradient_matches_finite_differences()
    {
        (from n in Gen.Int[1, 4]
         from c in Gen.Int[1, 5]
         from x in Gen.Double[-12, 12].Array[n * c]
         from y in Gen.Double[0, 1].Array[n * c]
         from useWeight in Gen.Bool
         from w in Gen.Double[0, 2].Array[c]
         from usePos in Gen.Bool
         from q in Gen.Double[0, 5].Array[c]
         from reduction in AnyReduction
         from gradOutput in Gen.Double[-1, 1].Array[n * c]
         select (x, y, weight: useWeight ? w : [], posWeight: usePos ? q : [], reduction, gradOutput)).Sample(v =>
        {
            var (x, y, weight, posWeight, reduction, gradOutput) = v;
            var gradient = new double[x.Length];
            BinaryCrossEntropyWithLogits.Backward<double>(x, y, gradient, weight, posWeight, reduction, reduction == Reduction.None ? gradOutput : []);
            var numeric = FiniteDifferences.Gradient(x, z =>
            {
                var losses = new double[z.Length];
                var total = BinaryCrossEntropyWithLogits.Forward<double>(z, y, losses, weight, posWeight, reduction);
                return reduction == Reduction.None ? FiniteDifferences.Dot(gradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d BCEWithLogits / d x");
        }, iter: Iterations);
    }

    [Fact]
    public void Negative_log_likelihood_gradient_matches_finite_differences()
    {
        (from n in Gen.Int[1, 4]
         from c in Gen.Int[1, 5]
         from spatial in Gen.Int[1, 3]
         from x in Gen.Double[-5, 0].Array[n * c * spatial]
         from first in Gen.Int[0, c - 1]
         from rest in Gen.Int[-1, c - 1].Array[n * spatial - 1]
         from useWeight in Gen.Bool
         from w in Gen.Double[0.1, 2].Array[c]
         from reduction in AnyReduction
         from gradOutput in Gen.Double[-1, 1].Array[n * spatial]
         select (c, spatial, x, targets: (int[])[first, .. rest], weight: useWeight ? w : [], reduction, gradOutput)).Sample(v =>
        {
            var (c, spatial, x, targets, weight, reduction, gradOutput) = v;
            var gradient = new double[x.Length];
            NegativeLogLikelihood.Backward<double>(x, targets, c, gradient, weight, -1, reduction, spatial, reduction == Reduction.None ? gradOutput : []);
            var numeric = FiniteDifferences.Gradient(x, z =>
            {
                var losses = new double[targets.Length];
                var total = NegativeLogLikelihood.Forward<double>(z, targets, c, losses, weight, -1, reduction, spatial);
                return reduction == Reduction.None ? FiniteDifferences.Dot(gradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d NLL / d input");
        }, iter: Iterations);
    }

    [Fact]
    public void Kl_divergence_gradient_matches_finite_differences()
    {
        (from n in Gen.Int[1, 4]
         from c in Gen.Int[1, 5]
         from x in Gen.Double[-5, 0].Array[n * c]
         from logTarget in Gen.Bool
         from t in Gen.Double[0, 1].Array[n * c]
         from reduction in Gen.Int[0, 3].Select(i => (KLDivReduction)i)
         from gradOutput in Gen.Double[-1, 1].Array[n * c]
         select (n, x, logTarget, target: logTarget ? t.Select(v => Math.Log(v + 1e-3) - Math.Log(1 + 1e-3)).ToArray() : t, reduction, gradOutput)).Sample(v =>
        {
            var (n, x, logTarget, target, reduction, gradOutput) = v;
            var gradient = new double[x.Length];
            KLDivergence.Backward<double>(x, target, n, gradient, reduction, logTarget, reduction == KLDivReduction.None ? gradOutput : []);
            var numeric = FiniteDifferences.Gradient(x, z =>
            {
                var losses = new double[z.Length];
                var total = KLDivergence.Forward<double>(z, target, n, losses, reduction, logTarget);
                return reduction == KLDivReduction.None ? FiniteDifferences.Dot(gradOutput, losses) : total;
            });
            FiniteDifferences.AssertClose(gradient, numeric, "d KL / d input");
        }, iter: Iterations);
    }

    [Fact]
    public void Logits_scaled_to_ten_thousand_give_finite_float_results_equal_to_a_double_reference()
    {
        (from r in Rows(1)
         from t in Gen.Int[0, r.Classes - 1].Array[r.Rows]
         from y in Gen.Double[0, 1].Array[r.Logits.Length]
         select (r, t, y)).Sample(v =>
        {
            var (r, t, y) = v;
            var xf = r.Logits.Select(u => (float)(u * 1e4)).ToArray();
            var xd = xf.Select(f => (double)f).ToArray();

            var gf = new float[xf.Length];
            var gd = new double[xd.Length];
            var lf = SoftmaxCrossEntropy.ForwardBackward<float>(xf, t, r.Classes, gf);
            var ld = SoftmaxCrossEntropy.ForwardBackward<double>(xd, t, r.Classes, gd);
            AssertFiniteAndClose(ld, lf, "CE");
            for (var i = 0; i < gf.Length; i++) AssertFiniteAndClose(gd[i], gf[i], $"dCE[{i}]");

            var logf = new float[xf.Length];
            var logd = new double[xd.Length];
            Act.LogSoftmax<float>(xf, r.Classes, logf);
            Act.LogSoftmax<double>(xd, r.Classes, logd);
            for (var i = 0; i < logf.Length; i++) AssertFiniteAndClose(logd[i], logf[i], $"log_softmax[{i}]");

            var yf = y.Select(u => (float)u).ToArray();
            var yd = yf.Select(f => (double)f).ToArray();
            var bf = BinaryCrossEntropyWithLogits.Forward<float>(xf, yf);
            var bd = BinaryCrossEntropyWithLogits.Forward<double>(xd, yd);
            AssertFiniteAndClose(bd, bf, "BCEWithLogits");
            BinaryCrossEntropyWithLogits.Backward<float>(xf, yf, gf);
            BinaryCrossEntropyWithLogits.Backward<double>(xd, yd, gd);
            for (var i = 0; i < gf.Length; i++) AssertFiniteAndClose(gd[i], gf[i], $"dBCEWithLogits[{i}]");
        }, iter: Iterations);
    }

    private static void AssertFiniteAndClose(double expected, float actual, string what)
    {
        Assert.True(float.IsFinite(actual), $"{what} is {actual}");
        Assert.True(Math.Abs(actual - expected) <= 1e-4 + 1e-5 * Math.Abs(expected), $"{what}: float {actual:R} vs double {expected:R}");
    }

    private static double[] Normalise(double[] raw, int classes)
    {
        var q = (double[])raw.Clone();
        for (var r = 0; r < q.Length / classes; r++)
        {
            var row = q.AsSpan(r * classes, classes);
            var sum = 0.0;
            foreach (var v in row) sum += v;
            for (var c = 0; c < classes; c++) row[c] = sum > 0 ? row[c] / sum : 1.0 / classes;
        }
        return q;
    }
}

using CrossEntropy.Fused;
using CsCheck;

namespace CrossEntropy.Tests.Fused;

/// <summary>Invariants of the fused BCE with logits on random problems.</summary>
public class FusedBinaryCrossEntropyWithLogitsPropertyTests
{
    private static (float[] Logits, float[] Targets, float[]? Weight, float[]? PosWeight, float[]? GradOutput) Build(
        int length, int seed, int weightPeriod, int posPeriod, Reduction reduction, bool withGradOutput, float magnitude)
    {
        var random = new Random(seed);
        var logits = new float[length];
        var targets = new float[length];
        for (var i = 0; i < length; i++)
        {
            logits[i] = (float)((random.NextDouble() * 2 - 1) * magnitude);
            targets[i] = random.Next(3) switch { 0 => 0f, 1 => 1f, _ => (float)random.NextDouble() };
        }
        float[]? Periodic(int period) => period == 0 ? null : Enumerable.Range(0, period).Select(_ => (float)(0.1 + 2.9 * random.NextDouble())).ToArray();
        var gradOutput = withGradOutput
            ? Enumerable.Range(0, reduction == Reduction.None ? length : 1).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray()
            : null;
        return (logits, targets, Periodic(weightPeriod), Periodic(posPeriod), gradOutput);
    }

    private static int PeriodOf(int length, int choice) => choice switch
    {
        0 => 0,                      // no weight
        1 => 1,                      // a scalar
        2 => length,                 // one per element
        _ => Divisor(length, choice),
    };

    private static int Divisor(int length, int hint)
    {
        for (var d = Math.Min(hint * 7, length); d >= 1; d--) if (length % d == 0) return d;
        return 1;
    }

    [Fact]
    public void Fused_kernel_matches_the_double_reference_on_random_shapes() =>
        Gen.Select(Gen.Int[1, 600], Gen.Int, Gen.Int[0, 40], Gen.Int[0, 40], Gen.OneOf(Reduction.Mean, Reduction.Sum, Reduction.None),
                Gen.Bool, Gen.OneOf(1f, 10f, 100f), Gen.OneOf(FusedWidths.All))
            .Sample((length, seed, weightChoice, posChoice, reduction, withGradOutput, magnitude, width) =>
            {
                var (x, y, w, q, up) = Build(length, seed, PeriodOf(length, weightChoice), PeriodOf(length, posChoice), reduction, withGradOutput, magnitude);
                var losses = new float[length];
                var gradient = new float[length];
                var value = FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, gradient, losses, w, q, reduction, up, FusedWidths.Options(width));

                var expectedLosses = new double[length];
                var expectedGradient = new double[length];
                var expected = DoubleReference.BinaryCrossEntropyWithLogits(x, y, w, q, reduction, up, expectedLosses, expectedGradient);
                var what = $"length {length} seed {seed} weight {w?.Length} pos {q?.Length} {reduction} up {withGradOutput} ×{magnitude} w{width}";
                var scale = (reduction == Reduction.Mean ? 1.0 / length : 1.0);
                var lossTerms = new double[length];
                for (var i = 0; i < length; i++)
                {
                    // (1 − y)·x and L·softplus(−x) cancel for large |x|: a float loss is good to an ulp of the terms.
                    double xi = x[i], yi = y[i];
                    var logWeight = 1 + ((q is null ? 1 : q[i % q.Length]) - 1) * yi;
                    lossTerms[i] = (w is null ? 1 : w[i % w.Length]) * (Math.Abs((1 - yi) * xi) + logWeight * (Math.Max(-xi, 0) + 1));
                }
                FusedAssert.Close(expected, value, 1e-6, Math.Max(1, scale * lossTerms.Sum()), what + " loss");
                for (var i = 0; i < length; i++)
                {
                    FusedAssert.Close(expectedLosses[i], losses[i], 1e-6, lossTerms[i], $"{what} losses[{i}]");
                    // A gradient entry is L·σ(x) − q·y: good to an ulp of its larger term.
                    var upstream = up is null ? 1 : Math.Abs(up[reduction == Reduction.None ? i : 0]);
                    var terms = scale * upstream * (w is null ? 1 : w[i % w.Length]) * (1 + (q is null ? 1 : q[i % q.Length]));
                    FusedAssert.Close(expectedGradient[i], gradient[i], 1e-6, terms, $"{what} gradient[{i}]");
                }
            }, iter: 400);

    [Fact]
    public void Sum_over_four_million_elements_keeps_double_accuracy()
    {
        // A float running sum over millions of terms drifts by ~1e-4 relative; per-block double sums do not.
        var (x, y, _, _, _) = Build(1 << 22, 5, 0, 0, Reduction.Sum, false, 4f);
        var expectedLosses = new double[x.Length];
        var expectedGradient = new double[x.Length];
        var expected = DoubleReference.BinaryCrossEntropyWithLogits(x, y, null, null, Reduction.Sum, null, expectedLosses, expectedGradient);
        var actual = FusedBinaryCrossEntropyWithLogits.Forward(x, y, reduction: Reduction.Sum);
        FusedAssert.Close(expected, actual, 1e-6, 1, "sum");
    }

    [Fact]
    public void Result_is_bit_identical_whatever_the_thread_count()
    {
        var (x, y, w, q, _) = Build(300_009, 9, 3, 100_003, Reduction.Mean, false, 6f);
        var single = new float[x.Length];
        var many = new float[x.Length];
        var a = FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, single, default, w, q, options: new FusedOptions(MaxThreads: 1));
        var b = FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, many, default, w, q, options: new FusedOptions(MaxThreads: 4));
        Assert.Equal(BitConverter.SingleToInt32Bits(a), BitConverter.SingleToInt32Bits(b));
        Assert.True(single.AsSpan().SequenceEqual(many), "gradients differ between 1 and 4 threads");
    }

    public static TheoryData<int, bool> WidthsAndPosWeight()
    {
        var data = new TheoryData<int, bool>();
        foreach (var width in FusedWidths.All)
        {
            data.Add(width, false);
            data.Add(width, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndPosWeight))]
    public void Non_finite_logits_give_what_the_plain_double_path_gives(int width, bool withPosWeight)
    {
        // Without pos_weight the call takes the plain kernel instance, with it the general one: both must keep
        // PyTorch's NaN at x = −∞ and its ∞ at x = +∞ (NaN when y = 1), in full vectors and in the tail.
        float[] logits = [float.NegativeInfinity, float.PositiveInfinity, float.NaN, -3f, 3f];
        float[] targets = [0f, 0.25f, 1f];
        foreach (var x in logits)
        foreach (var y in targets)
        {
            var xs = Enumerable.Repeat(x, 37).ToArray();
            var ys = Enumerable.Repeat(y, 37).ToArray();
            float[] q = withPosWeight ? [2.5f] : [];
            var gradient = new float[xs.Length];
            var fused = FusedBinaryCrossEntropyWithLogits.ForwardBackward(xs, ys, gradient, default, default, q, Reduction.Sum,
                options: new FusedOptions((SimdWidth)width));

            var plainGradient = new double[xs.Length];
            var plain = CrossEntropy.Losses.BinaryCrossEntropyWithLogits.ForwardBackward<double>(
                Array.ConvertAll(xs, v => (double)v), Array.ConvertAll(ys, v => (double)v), plainGradient, default, default,
                Array.ConvertAll(q, v => (double)v), Reduction.Sum);

            var what = $"x = {x}, y = {y}, pos_weight = {withPosWeight}, width {width}";
            if (double.IsFinite(plain)) FusedAssert.Close(plain, fused, 1e-6, 1, what);
            else Assert.True(plain.Equals((double)fused), $"{what}: loss {fused}, expected {plain}");
            for (var i = 0; i < xs.Length; i++)
            {
                if (double.IsFinite(plainGradient[i])) FusedAssert.Close(plainGradient[i], gradient[i], 1e-6, 1, $"{what} gradient[{i}]");
                else Assert.True(plainGradient[i].Equals((double)gradient[i]), $"{what}: gradient[{i}] {gradient[i]}, expected {plainGradient[i]}");
            }
        }
    }

    [Fact]
    public void Plain_and_general_kernel_instances_agree_bit_for_bit()
    {
        // A losses buffer (or a weight of ones) sends the call through the general instance; the numbers must not move.
        var (x, y, _, _, _) = Build(1000, 3, 0, 0, Reduction.Mean, false, 12f);
        var plainGradient = new float[x.Length];
        var generalGradient = new float[x.Length];
        var ones = Enumerable.Repeat(1f, x.Length).ToArray();
        var plain = FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, plainGradient);
        var general = FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, generalGradient, new float[x.Length], ones);
        Assert.Equal(BitConverter.SingleToInt32Bits(plain), BitConverter.SingleToInt32Bits(general));
        Assert.True(plainGradient.AsSpan().SequenceEqual(generalGradient), "gradients differ between the plain and general instances");
        Assert.Equal(BitConverter.SingleToInt32Bits(plain), BitConverter.SingleToInt32Bits(FusedBinaryCrossEntropyWithLogits.Forward(x, y)));
        var backwardOnly = new float[x.Length];
        FusedBinaryCrossEntropyWithLogits.Backward(x, y, backwardOnly);
        Assert.True(plainGradient.AsSpan().SequenceEqual(backwardOnly), "the backward-only instance differs");
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(37)]
    public void Single_threaded_call_allocates_nothing(int length)
    {
        var (x, y, w, q, _) = Build(length, 1, length, 1, Reduction.Mean, false, 3f);
        var gradient = new float[length];
        void EveryInstance()
        {
            FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, gradient, default, w, q); // general
            FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, gradient);                // plain, loss and gradient
            FusedBinaryCrossEntropyWithLogits.Forward(x, y);                                  // plain, loss only
            FusedBinaryCrossEntropyWithLogits.Backward(x, y, gradient);                       // plain, gradient only
        }

        Assert.Equal(0, AllocationProbe.Allocated(EveryInstance));
    }

    [Fact]
    public void Pinned_to_one_thread_a_large_call_allocates_nothing()
    {
        // Above the parallel threshold both the target check and the kernel would use Parallel.For; MaxThreads = 1 keeps
        // the whole call on the calling thread, so it allocates nothing there either.
        var (x, y, _, _, _) = Build(200_000, 4, 0, 0, Reduction.Mean, false, 3f);
        var gradient = new float[x.Length];
        var one = new FusedOptions(MaxThreads: 1);
        Assert.Equal(0, AllocationProbe.Allocated(() => FusedBinaryCrossEntropyWithLogits.ForwardBackward(x, y, gradient, options: one)));
    }
}

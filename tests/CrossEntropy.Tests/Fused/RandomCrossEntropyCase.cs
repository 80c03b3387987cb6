using CsCheck;

namespace CrossEntropy.Tests.Fused;

/// <summary>
/// The parameters of a random softmax cross-entropy problem: shapes on both sides of the 16-class path switch
/// and of every vector width, logits from ±1 to ±1000, rows with −∞ logits, ignored rows, weights, smoothing,
/// every reduction, with and without an upstream gradient. The data derive from <see cref="Seed"/>, so a
/// failing case prints in one line and replays exactly.
/// </summary>
public sealed record RandomCrossEntropyCase(
    int Rows, int Classes, int Seed, bool Weighted, float Smoothing, Reduction Reduction, bool IgnoreClassOne,
    bool WithGradOutput, float Magnitude, int Width)
{
    private static readonly int[] ClassCounts = [1, 2, 3, 5, 7, 10, 15, 16, 17, 24, 31, 33, 64, 100, 257];

    public static readonly Gen<RandomCrossEntropyCase> Gen = CsCheck.Gen.Select(
        CsCheck.Gen.Int[1, 70], CsCheck.Gen.OneOf(ClassCounts), CsCheck.Gen.Int, CsCheck.Gen.Bool,
        CsCheck.Gen.OneOf(0f, 0.1f, 0.35f), CsCheck.Gen.OneOf(Reduction.Mean, Reduction.Sum, Reduction.None),
        CsCheck.Gen.Bool, CsCheck.Gen.Bool, CsCheck.Gen.OneOf(1f, 10f, 1000f),
        (rows, classes, seed, weighted, smoothing, reduction, ignoreOne, gradOutput, magnitude) =>
            new RandomCrossEntropyCase(rows, classes, seed, weighted, smoothing, reduction, ignoreOne, gradOutput, magnitude, 0))
        .SelectMany(spec => CsCheck.Gen.OneOf(FusedWidths.All).Select(w => spec with { Width = w }));

    public int IgnoreIndex => IgnoreClassOne && Classes > 1 ? 1 : -100;

    public CrossEntropyProblem Build()
    {
        var random = new Random(Seed);
        var logits = new float[Rows * Classes];
        for (var i = 0; i < logits.Length; i++) logits[i] = (float)((random.NextDouble() * 2 - 1) * Magnitude);
        var targets = new int[Rows];
        for (var r = 0; r < Rows; r++)
        {
            targets[r] = random.Next(Classes);
            if (random.Next(6) == 0) targets[r] = IgnoreIndex;
            if (Classes > 1 && random.Next(5) == 0)
            {
                // Masked classes: some logits −∞ (sometimes the target's), never the whole row.
                var masked = random.Next(1, Classes);
                for (var k = 0; k < masked; k++) logits[r * Classes + random.Next(Classes)] = float.NegativeInfinity;
                logits[r * Classes + random.Next(Classes)] = (float)(random.NextDouble() * Magnitude);
            }
        }
        float[]? weight = null;
        if (Weighted)
        {
            weight = new float[Classes];
            for (var c = 0; c < Classes; c++) weight[c] = (float)(0.1 + 1.9 * random.NextDouble());
        }
        float[]? gradOutput = null;
        if (WithGradOutput)
        {
            gradOutput = new float[Reduction == Reduction.None ? Rows : 1];
            for (var i = 0; i < gradOutput.Length; i++) gradOutput[i] = (float)(random.NextDouble() * 4 - 2);
        }
        return new CrossEntropyProblem(logits, targets, weight, gradOutput);
    }
}

/// <summary>The data of a <see cref="RandomCrossEntropyCase"/>.</summary>
public sealed record CrossEntropyProblem(float[] Logits, int[] Targets, float[]? Weight, float[]? GradOutput);

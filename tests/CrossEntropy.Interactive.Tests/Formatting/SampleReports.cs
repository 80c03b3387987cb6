using System.Collections.Immutable;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Tests.Formatting;

/// <summary>Reports built by hand from the course's worked numbers, so the formatters can be tested without the library facades.</summary>
internal static class SampleReports
{
    /// <summary>Labels 1 0 1 1 with p(y=1) = 0.8 0.4 0.7 0.9, natural log, mean (PyTorch BCELoss).</summary>
    public static BinaryLossReport Binary(LogBase logBase = LogBase.E, int repeat = 1)
    {
        double[] labels = [1, 0, 1, 1];
        double[] probabilities = [0.8, 0.4, 0.7, 0.9];
        var samples = Enumerable.Range(0, labels.Length * repeat).Select(i =>
        {
            var y = labels[i % labels.Length];
            var p = probabilities[i % labels.Length];
            var pTrue = y == 1 ? p : 1 - p;
            return new BinarySample(i, y, p, pTrue, -Math.Log(pTrue) * logBase.FromNats());
        }).ToImmutableArray();
        return new BinaryLossReport("PyTorch BCELoss", logBase, Reduction.Mean, samples, samples.Average(s => s.Loss));
    }

    /// <summary>The fruit example: classes orange apple lemon, targets orange lemon lemon.</summary>
    public static CategoricalLossReport Fruits(params string[] classes)
    {
        ImmutableArray<string> names = classes.Length > 0 ? [.. classes] : ["orange", "apple", "lemon"];
        double[][] rows = [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.5, 0.4]];
        int[] targets = [0, 2, 2];
        var samples = rows.Select((row, i) =>
            new CategoricalSample(i, targets[i], [.. row], row[targets[i]], -Math.Log(row[targets[i]]))).ToImmutableArray();
        return new CategoricalLossReport("Keras CategoricalCrossentropy", LogBase.E, Reduction.Mean, names, samples,
            samples.Average(s => s.Loss), ["row 2 summed to 0.9; rescaled to sum to 1 like Keras"]);
    }

    /// <summary>Softmax of the scores 2, 1, −1 over three colours.</summary>
    public static ProbabilityVector Softmax()
    {
        double[] scores = [2, 1, -1];
        var exp = scores.Select(Math.Exp).ToArray();
        var sum = exp.Sum();
        return new ProbabilityVector("softmax", ["blue", "green", "red"], [.. scores], [.. exp.Select(e => e / sum)]);
    }

    /// <summary>Models A and B of the article, in base 10.</summary>
    public static ModelComparison ModelsAAndB()
    {
        ModelScore Score(string name, double[] p)
        {
            var product = p.Aggregate(1.0, (a, b) => a * b);
            var logLikelihood = p.Sum(Math.Log10);
            return new ModelScore(name, [.. p], product, logLikelihood, -logLikelihood, -logLikelihood / p.Length);
        }

        return new ModelComparison(LogBase.Ten, [Score("A", [0.1, 0.7, 0.6, 0.2]), Score("B", [0.8, 0.6, 0.7, 0.9])]);
    }

    /// <summary>p = (1/2, 1/4, 1/4), q = (1/4, 1/4, 1/2) in bits: H(p) = 1.5, H(p, q) = 1.75, KL = 0.25.</summary>
    public static InformationReport Information() =>
        new(LogBase.Two, [0.5, 0.25, 0.25], [0.25, 0.25, 0.5], 1.5, 1.75, 0.25);
}

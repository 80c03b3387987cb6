using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.SeedArticle;

/// <summary>Every case of seed_article.json: the tutorial's hand-worked numbers, recomputed through the library.</summary>
public class SeedArticleCaseTests
{
    public static TheoryData<string> Cases => ReferenceCases.Ids("seed_article");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seed_article_case_matches_the_exact_value(string id)
    {
        var c = ReferenceCases.Get("seed_article", id);
        var actual = Compute(c);
        Assert.Equal(c.Outputs.Keys.Order(), actual.Keys.Order());
        foreach (var (name, expected) in c.Outputs)
            RefAssert.Close(expected.Data, actual[name], c.Rtol, c.Atol, $"{id}.{name}");
    }

    private static Dictionary<string, double[]> Compute(RefCase c)
    {
        if (c.Id == "article.softmax_scores")
        {
            var scores = c.Inputs["scores"].Data;
            var softmax = new double[scores.Length];
            Activations.Softmax<double>(scores, scores.Length, softmax);
            return new() { ["softmax"] = softmax };
        }
        if (c.Id.EndsWith(".product", StringComparison.Ordinal))
            return new() { ["product"] = [Likelihood.Product(c.Inputs.Values.Single().Data)] };
        if (c.Id.EndsWith(".cross_entropy", StringComparison.Ordinal))
        {
            var p = c.Inputs.Values.Single().Data;
            var result = new Dictionary<string, double[]>
            {
                ["log10_terms"] = p.Select(x => Likelihood.NegativeLogSum([x], LogBase.Ten)).ToArray(),
                ["log10_sum"] = [Likelihood.NegativeLogSum(p, LogBase.Ten)],
                ["ln_terms"] = p.Select(x => Likelihood.NegativeLogSum([x])).ToArray(),
                ["ln_sum"] = [Likelihood.NegativeLogSum(p)],
                ["ln_mean"] = [Likelihood.Compare(LogBase.E, ("model", p)).Models[0].MeanCrossEntropy],
                ["log2_sum"] = [Likelihood.NegativeLogSum(p, LogBase.Two)],
            };
            if (c.Outputs.ContainsKey("log10_sum_of_printed_terms"))
            {
                // The article summed its printed, truncated terms: reproduce that to show where 2.073 / 0.505 come from.
                var printed = c.Raw["article_printed"]!["log10_terms"]!.AsArray().Select(t => double.Parse((string)t!, System.Globalization.CultureInfo.InvariantCulture));
                result["log10_sum_of_printed_terms"] = [printed.Sum()];
            }
            return result;
        }
        if (c.Id == "article.pytorch_bce_example.float64")
        {
            var x = c.Inputs["X"].Data;
            var y = c.Inputs["y"].AsInt();
            var sigmoid = new double[x.Length];
            Activations.Sigmoid<double>(x, sigmoid);
            var ofOutcomes = Likelihood.OfOutcomes(y, sigmoid);
            return new() { ["sigmoid_X"] = sigmoid, ["bce_mean"] = [Likelihood.NegativeLogSum(ofOutcomes) / x.Length] };
        }
        throw new InvalidOperationException($"no computation for seed case {c.Id}");
    }
}

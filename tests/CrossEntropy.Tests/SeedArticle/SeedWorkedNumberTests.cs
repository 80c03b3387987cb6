namespace CrossEntropy.Tests.SeedArticle;

/// <summary>The worked numbers the course quotes, at the precision the course prints them.</summary>
public class SeedWorkedNumberTests
{
    [Fact]
    public void Softmax_of_scores_2_1_minus1_gives_0_705_0_259_0_035()
    {
        double[] scores = [2, 1, -1];
        var p = new double[3];
        Activations.Softmax<double>(scores, 3, p);
        Assert.Equal(0.705, p[0], 3);
        Assert.Equal(0.259, p[1], 3);
        Assert.Equal(0.035, p[2], 3);
    }

    [Fact]
    public void Products_of_models_A_and_B_are_0_0084_and_0_3024()
    {
        Assert.Equal(0.0084, Likelihood.Product([0.1, 0.7, 0.6, 0.2]), 15);
        Assert.Equal(0.3024, Likelihood.Product([0.8, 0.6, 0.7, 0.9]), 15);
    }

    [Fact]
    public void Base_10_negative_log_sums_of_models_A_and_B_are_2_0757_and_0_5194()
    {
        var comparison = Likelihood.Compare(LogBase.Ten, ("A", [0.1, 0.7, 0.6, 0.2]), ("B", [0.8, 0.6, 0.7, 0.9]));
        Assert.Equal(2.0757, comparison.Models[0].CrossEntropy, 4);
        Assert.Equal(0.5194, comparison.Models[1].CrossEntropy, 4);
        Assert.Equal(0.0084, comparison.Models[0].Product, 15);
    }

    [Fact]
    public void Model_B_outcomes_from_labels_and_probabilities_of_admission()
    {
        // The same 0.8, 0.6, 0.7, 0.9 built from "what happened" and p(admitted): two admitted, two not.
        var p = Likelihood.OfOutcomes([1, 0, 1, 0], [0.8, 0.4, 0.7, 0.1]);
        Assert.Equal(0.3024, Likelihood.Product(p), 15);
    }

    [Fact]
    public void Fruit_containers_base_10_negative_log_sum_is_1_0757()
    {
        Assert.Equal(1.0757, Likelihood.NegativeLogSum([0.7, 0.3, 0.4], LogBase.Ten), 4);
        // The containers as rows over (orange, apple, lemon): A holds an orange, B and C a lemon.
        double[][] truth = [[1, 0, 0], [0, 0, 1], [0, 0, 1]];
        double[][] predicted = [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.5, 0.4]];
        var summed = truth.Zip(predicted, (p, q) => CrossEntropy.Information.CrossEntropy(p, q, LogBase.Ten)).Sum();
        Assert.Equal(1.0757, summed, 4);
    }
}

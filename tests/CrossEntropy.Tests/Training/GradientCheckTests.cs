using CrossEntropy.Training;
using CsCheck;

namespace CrossEntropy.Tests.Training;

public class GradientCheckTests
{
    // One step with learning rate η moves θ by −η·∇L; comparing that move with central finite differences
    // of the loss checks the fused loss gradient and the linear layer's backward pass together.
    [Fact]
    public void One_descent_step_moves_the_parameters_by_minus_eta_times_the_numerical_gradient()
    {
        Gen.Int[1, 3].SelectMany(f => Gen.Double[-2, 2].Array[f + 1], (f, theta) => (f, theta))
            .Sample(t =>
            {
                var (f, theta) = t;
                var data = Datasets.Students(seed: 3, count: 30);
                var features = Enumerable.Range(0, data.Count).SelectMany(n => Enumerable.Range(0, f).Select(j => data.Row(n)[j % 2] / 5 - 1)).ToArray();
                var set = new Dataset(features, data.Labels, [.. Enumerable.Range(0, f).Select(j => $"x{j}")], data.ClassNames);
                const double eta = 1e-3;

                var model = new LogisticRegression(theta[..f], theta[f]);
                model.Fit(set, new TrainingOptions { LearningRate = eta, Epochs = 1 });

                for (var i = 0; i <= f; i++)
                {
                    var numeric = (LossAt(set, theta, i, +1e-6) - LossAt(set, theta, i, -1e-6)) / 2e-6;
                    var moved = i < f ? model.Weights[i] - theta[i] : model.Bias - theta[f];
                    // An absolute tolerance, not Assert.Equal's decimal places: rounding both sides to 9 places fails
                    // when a 1e-13 difference straddles a rounding boundary (a random input in CI found one).
                    Assert.Equal(-eta * numeric, moved, tolerance: 1e-9);
                }
            }, iter: 50);
    }

    private static double LossAt(Dataset data, double[] theta, int index, double delta)
    {
        var shifted = (double[])theta.Clone();
        shifted[index] += delta;
        return new LogisticRegression(shifted[..^1], shifted[^1]).Loss(data);
    }
}

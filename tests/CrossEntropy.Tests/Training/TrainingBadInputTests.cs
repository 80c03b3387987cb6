using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

public class TrainingBadInputTests
{
    private static readonly Dataset Students = Datasets.Students(seed: 1, count: 20);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_learning_rate_that_is_not_positive_and_finite_is_refused(double learningRate)
    {
        var model = new LogisticRegression(2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(Students, new TrainingOptions { LearningRate = learningRate }));
        Assert.Contains("LearningRate is", e.Message);
        Assert.Contains("expected a positive finite step size", e.Message);
        Assert.Equal([0.0, 0.0], model.Weights); // nothing was trained
    }

    [Fact]
    public void Other_options_out_of_range_are_refused()
    {
        var model = new SoftmaxRegression(2, 3);
        var fruits = Datasets.Fruits(1, 10);
        Assert.Contains("Epochs is 0", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(fruits, new TrainingOptions { Epochs = 0 })).Message);
        Assert.Contains("BatchSize is 0", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(fruits, new TrainingOptions { BatchSize = 0 })).Message);
        Assert.Contains("EvaluateEvery is 0", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(fruits, new TrainingOptions { EvaluateEvery = 0 })).Message);
    }

    [Fact]
    public void Sizes_too_large_for_an_array_are_argument_errors_not_overflows()
    {
        // Each of these used to escape as OverflowException or OutOfMemoryException from the array allocation.
        Assert.Contains("expected at most", Assert.Throws<ArgumentOutOfRangeException>("count", () => Datasets.Students(1, int.MaxValue)).Message);
        Assert.Contains("expected at most", Assert.Throws<ArgumentOutOfRangeException>("count", () => Datasets.Fruits(1, int.MaxValue)).Message);
        Assert.Contains("features × classes is", Assert.Throws<ArgumentOutOfRangeException>("features", () => new SoftmaxRegression(int.MaxValue / 2, 3)).Message);
        Assert.Contains("expected at most", Assert.Throws<ArgumentOutOfRangeException>("features", () => new LogisticRegression(int.MaxValue)).Message);
    }

    [Fact]
    public void NaN_features_in_plain_arrays_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new LogisticRegression(2).Fit([1, 2, double.NaN, 4], [0, 1]));
        Assert.Contains("row 1, column 0 (x1) is NaN", e.Message);
    }

    [Fact]
    public void Labels_out_of_range_are_refused_for_both_models()
    {
        Assert.Contains("labels[1] = 2 is not a class: expected 0 to 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(1).Fit([1.0, 2.0], [0, 2])).Message);
        Assert.Contains("labels[0] = -1 is not a class: expected 0 to 2",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(1, 3).Fit([1.0, 2.0], [-1, 2])).Message);
    }

    [Fact]
    public void Empty_data_is_refused()
    {
        Assert.Contains("labels is empty", Assert.Throws<ArgumentException>(() => new LogisticRegression(2).Fit([], [])).Message);
    }

    [Fact]
    public void Data_of_the_wrong_shape_names_the_model_to_use()
    {
        var fruits = Datasets.Fruits(1, 10);
        var e = Assert.Throws<ArgumentException>(() => new LogisticRegression(2).Fit(fruits));
        Assert.Contains("train has 3 classes but the logistic regression predicts 2: use SoftmaxRegression with 3 classes", e.Message);
        Assert.Contains("train has 2 features but the softmax regression takes 4",
            Assert.Throws<ArgumentException>(() => new SoftmaxRegression(4, 3).Fit(fruits)).Message);
        Assert.Contains("validation has 3 classes",
            Assert.Throws<ArgumentException>(() => new LogisticRegression(2).Fit(Students, validation: fruits)).Message);
    }

    [Fact]
    public void Model_shapes_and_rows_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(2, 1));
        Assert.Contains("expected 2, one per feature", Assert.Throws<ArgumentException>(() => new LogisticRegression(2).Predict(1, 2, 3)).Message);
        Assert.Contains("not a whole number of rows", Assert.Throws<ArgumentException>(() => new SoftmaxRegression(2, 3).Logits([1, 2, 3], new double[3])).Message);
        Assert.Contains("bias is NaN", Assert.Throws<ArgumentException>(() => new LogisticRegression([1.0], double.NaN)).Message);
    }
}

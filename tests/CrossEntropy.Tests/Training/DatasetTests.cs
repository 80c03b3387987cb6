using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

public class DatasetTests
{
    [Fact]
    public void The_students_are_the_same_for_a_seed_and_different_for_another()
    {
        var a = Datasets.Students(seed: 42, count: 200);
        var b = Datasets.Students(seed: 42, count: 200);
        var c = Datasets.Students(seed: 43, count: 200);

        Assert.Equal(a.Features.ToArray(), b.Features.ToArray());
        Assert.Equal(a.LabelArray(), b.LabelArray());
        Assert.NotEqual(a.Features.ToArray(), c.Features.ToArray());
        Assert.Equal(["hours", "grade"], a.FeatureNames);
        Assert.Equal(["fail", "pass"], a.ClassNames);
        Assert.All(a.Features.ToArray(), v => Assert.InRange(v, 0, 10));
        Assert.InRange(a.LabelArray().Average(), 0.3, 0.7); // both outcomes well represented
    }

    [Fact]
    public void A_smaller_data_set_is_a_prefix_of_a_larger_one_with_the_same_seed()
    {
        var small = Datasets.Fruits(seed: 5, count: 40);
        var large = Datasets.Fruits(seed: 5, count: 100);

        Assert.Equal(small.Features.ToArray(), large.Features[..80].ToArray());
        Assert.Equal(small.LabelArray(), large.LabelArray()[..40]);
    }

    [Fact]
    public void The_fruits_have_three_kinds_that_differ_in_size_and_colour()
    {
        var fruits = Datasets.Fruits(seed: 42, count: 600);
        Assert.Equal(["orange", "apple", "lemon"], fruits.ClassNames);
        var labels = fruits.LabelArray();
        var yellowness = fruits.Column(1);
        var diameter = fruits.Column(0);
        double Mean(double[] v, int kind) => Enumerable.Range(0, v.Length).Where(i => labels[i] == kind).Average(i => v[i]);

        Assert.All(Enumerable.Range(0, 3), k => Assert.InRange(labels.Count(l => l == k), 150, 250));
        Assert.True(Mean(yellowness, 2) > Mean(yellowness, 0) && Mean(yellowness, 0) > Mean(yellowness, 1));
        Assert.True(Mean(diameter, 2) < Mean(diameter, 1));
    }

    [Fact]
    public void Split_partitions_the_rows_reproducibly()
    {
        var data = Datasets.Students(seed: 1, count: 50);
        var (train, validation) = data.Split(0.2, seed: 9);
        var (train2, _) = data.Split(0.2, seed: 9);

        Assert.Equal((40, 10), (train.Count, validation.Count));
        Assert.Equal(train.Features.ToArray(), train2.Features.ToArray());
        var all = Enumerable.Range(0, 50).Select(i => (data.Row(i)[0], data.Row(i)[1])).Order().ToArray();
        var parts = Enumerable.Range(0, 40).Select(i => (train.Row(i)[0], train.Row(i)[1]))
            .Concat(Enumerable.Range(0, 10).Select(i => (validation.Row(i)[0], validation.Row(i)[1]))).Order().ToArray();
        Assert.Equal(all, parts);
    }

    [Fact]
    public void A_NaN_feature_is_refused_naming_its_row_and_column()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3, double.NaN], [0, 1], ["hours", "grade"], ["fail", "pass"]));
        Assert.StartsWith("features row 1, column 1 (grade) is NaN: expected a finite number", e.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_refused_listing_the_classes()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset([1, 2, 3, 4], [0, 2], ["hours", "grade"], ["fail", "pass"]));
        Assert.Contains("labels[1] = 2 is not a class: expected 0 to 1 (fail, pass)", e.Message);
    }

    [Fact]
    public void Empty_or_ragged_data_is_refused()
    {
        Assert.Contains("labels is empty", Assert.Throws<ArgumentException>(() => new Dataset([], [], ["x"], ["a", "b"])).Message);
        Assert.Contains("features has 3 values but 2 rows × 2 features need 4",
            Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], [0, 1], ["a", "b"], ["n", "y"])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Students(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Students(1, 10).Split(0.01, 1));
    }
}

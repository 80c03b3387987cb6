namespace CrossEntropy.Tests.SeedArticle;

/// <summary>The tutorial's TensorFlow examples, reproduced with Keras 3 semantics.</summary>
public class SeedKerasExampleTests
{
    [Fact]
    public void Keras_binary_crossentropy_of_the_article_example_is_0_5398464()
    {
        var report = Keras.BinaryCrossentropy([0, 1, 0, 0, 0, 0], [0.5, 0.7, 0.2, 0.3, 0.5, 0.6]);
        Assert.Equal(0.5398464, report.Total, 7);
        // The article printed 0.53984624: tf.keras 2.x added ε inside the logs; Keras 3 does not.
        Assert.NotEqual(0.53984624, Math.Round(report.Total, 8));
    }

    [Fact]
    public void Keras_binary_crossentropy_in_float32_prints_0_5398464()
    {
        float[] y = [0, 1, 0, 0, 0, 0];
        float[] p = [0.5f, 0.7f, 0.2f, 0.3f, 0.5f, 0.6f];
        var loss = Losses.KerasBinaryCrossEntropy.Forward<float>(y, p, lastAxis: 6);
        Assert.Equal("0.5398464", loss.ToString("G7", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Keras_categorical_crossentropy_of_the_article_example_is_0_1625189()
    {
        var report = Keras.CategoricalCrossentropy([0, 1, 0], [0.05, 0.85, 0.10]);
        Assert.Equal(0.1625189, report.Total, 7);
        Assert.Equal(1, report.Samples[0].Target);
    }

    [Fact]
    public void Fruit_containers_through_Keras_average_to_0_8256_nats()
    {
        var report = Keras.CategoricalCrossentropy(
            new double[,] { { 1, 0, 0 }, { 0, 0, 1 }, { 0, 0, 1 } },
            new double[,] { { 0.7, 0.2, 0.1 }, { 0.3, 0.4, 0.3 }, { 0.1, 0.5, 0.4 } },
            classes: ["orange", "apple", "lemon"]);
        Assert.Equal(0.8256, report.Total, 4);
        var base10 = Keras.CategoricalCrossentropy(
            new double[,] { { 1, 0, 0 }, { 0, 0, 1 }, { 0, 0, 1 } },
            new double[,] { { 0.7, 0.2, 0.1 }, { 0.3, 0.4, 0.3 }, { 0.1, 0.5, 0.4 } },
            reduction: KerasReduction.Sum, logBase: LogBase.Ten);
        Assert.Equal(1.0757, base10.Total, 4);
    }
}

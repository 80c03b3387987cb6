using CrossEntropy.Training;

namespace CrossEntropy.Tracking.Tests;

public class DataFingerprintTests
{
    [Fact]
    public void Equal_data_gives_equal_fingerprints_and_one_changed_bit_changes_the_hash()
    {
        var data = Datasets.Students(seed: 11, count: 40);
        var same = Datasets.Students(seed: 11, count: 40);
        var features = data.Features.ToArray();
        features[17] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(features[17]) ^ 1);
        var nudged = new Dataset(features, data.Labels, data.FeatureNames, data.ClassNames);

        Assert.Equal(DataFingerprint.Of(data), DataFingerprint.Of(same));
        Assert.NotEqual(DataFingerprint.Of(data).Sha256, DataFingerprint.Of(nudged).Sha256);
        Assert.Matches("^[0-9a-f]{64}$", DataFingerprint.Of(data).Sha256);
    }

    [Fact]
    public void The_split_matters_not_just_the_rows()
    {
        var data = Datasets.Students(seed: 11, count: 40);
        var (trainA, validationA) = data.Split(0.25, seed: 1);
        var (trainB, validationB) = data.Split(0.25, seed: 2);

        var a = DataFingerprint.Of(trainA, validationA);
        var b = DataFingerprint.Of(trainB, validationB);

        Assert.NotEqual(a.Sha256, b.Sha256);
        Assert.Equal((30, 10, 2, 2), (a.TrainRows, a.ValidationRows, a.FeatureCount, a.ClassCount));
        Assert.NotEqual(DataFingerprint.Of(trainA).Sha256, a.Sha256);
    }

    [Fact]
    public void Train_and_validation_of_different_shapes_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => DataFingerprint.Of(Datasets.Students(1, 10), Datasets.Fruits(1, 10)));
        Assert.Contains("pass the two parts of one data set", e.Message);
    }
}

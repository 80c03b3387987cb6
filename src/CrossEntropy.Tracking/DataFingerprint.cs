using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CrossEntropy.Training;

namespace CrossEntropy.Tracking;

/// <summary>
/// Identifies the data a run was trained on: a SHA-256 over the training (and validation) arrays and
/// their shapes, plus the row counts, so two runs can be shown to have used the same data or not.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of names, shapes, feature bits and labels.</param>
/// <param name="TrainRows">Rows in the training set.</param>
/// <param name="ValidationRows">Rows in the validation set (0 when there is none).</param>
/// <param name="FeatureCount">Features per row.</param>
/// <param name="ClassCount">Number of classes.</param>
public sealed record DataFingerprint(string Sha256, int TrainRows, int ValidationRows, int FeatureCount, int ClassCount)
{
    /// <summary>
    /// Fingerprints <paramref name="train"/> and, if given, <paramref name="validation"/>. The hash covers
    /// the exact bits of every feature (so 0.1 and 0.1000000001 differ), the labels, the shapes and the
    /// feature and class names.
    /// </summary>
    /// <exception cref="ArgumentException">When the validation set has other features or classes than the training set.</exception>
    public static DataFingerprint Of(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (validation is not null && (validation.FeatureCount != train.FeatureCount || validation.ClassCount != train.ClassCount))
            throw new ArgumentException(
                $"validation has {validation.FeatureCount} features and {validation.ClassCount} classes but train has {train.FeatureCount} and {train.ClassCount}: pass the two parts of one data set.",
                nameof(validation));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "train", train);
        if (validation is not null)
            Append(hash, "validation", validation);
        var hex = Convert.ToHexStringLower(hash.GetHashAndReset());
        return new DataFingerprint(hex, train.Count, validation?.Count ?? 0, train.FeatureCount, train.ClassCount);
    }

    /// <summary>A one-line summary, e.g. "sha256 3f2a9c1e… (160 train + 40 validation rows × 2 features, 2 classes)".</summary>
    public override string ToString() =>
        $"sha256 {Sha256[..Math.Min(12, Sha256.Length)]}… ({TrainRows} train + {ValidationRows} validation rows × {FeatureCount} features, {ClassCount} classes)";

    private static void Append(IncrementalHash hash, string part, Dataset data)
    {
        // Shapes and names go first, length-prefixed, so different layouts can never hash alike.
        AppendText(hash, part);
        AppendInt(hash, data.Count);
        AppendInt(hash, data.FeatureCount);
        AppendInt(hash, data.ClassCount);
        foreach (var name in data.FeatureNames) AppendText(hash, name);
        foreach (var name in data.ClassNames) AppendText(hash, name);
        // .NET stores doubles and ints little-endian on every supported platform; BitConverter checks it.
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Data fingerprints assume a little-endian machine.");
        hash.AppendData(MemoryMarshal.AsBytes(data.Features));
        hash.AppendData(MemoryMarshal.AsBytes(data.Labels));
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendInt(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt(IncrementalHash hash, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}

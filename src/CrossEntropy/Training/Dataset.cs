using System.Globalization;

namespace CrossEntropy.Training;

/// <summary>
/// A labelled classification data set: <see cref="Count"/> rows of <see cref="FeatureCount"/> features,
/// stored row-major in one contiguous array, and one class index per row.
/// </summary>
/// <remarks>
/// The constructor checks everything a training run would otherwise trip over later (NaN or infinite
/// features, labels outside the classes, ragged rows, empty data), so an error names the row to fix.
/// The arrays are copied: a data set never changes after it is built, which keeps fingerprints honest.
/// </remarks>
public sealed class Dataset
{
    private readonly double[] _features;
    private readonly int[] _labels;

    /// <summary>Builds a data set from row-major features (N×F) and one label in [0, classes) per row.</summary>
    /// <param name="features">N×F feature values, row after row.</param>
    /// <param name="labels">N class indices.</param>
    /// <param name="featureNames">F names (axis titles, table headers).</param>
    /// <param name="classNames">C names; the class count is their number (2 for a binary set).</param>
    /// <exception cref="ArgumentException">Empty data, ragged rows, NaN/infinite features, or fewer than two classes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label outside [0, C).</exception>
    public Dataset(ReadOnlySpan<double> features, ReadOnlySpan<int> labels, IReadOnlyList<string> featureNames, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        if (labels.IsEmpty)
            throw new ArgumentException("labels is empty: a data set needs at least one row.", nameof(labels));
        if (featureNames.Count == 0)
            throw new ArgumentException("featureNames is empty: name at least one feature.", nameof(featureNames));
        if (classNames.Count < 2)
            throw new ArgumentException($"classNames has {classNames.Count} name(s): expected at least two classes.", nameof(classNames));
        var f = featureNames.Count;
        if (features.Length != labels.Length * f)
            throw new ArgumentException(
                $"features has {features.Length} values but {labels.Length} rows × {f} features need {labels.Length * f}: pass one row of {f} values per label.", nameof(features));

        for (var i = 0; i < features.Length; i++)
        {
            if (!double.IsFinite(features[i]))
                throw new ArgumentException(
                    $"features row {i / f}, column {i % f} ({featureNames[i % f]}) is {features[i].ToString(CultureInfo.InvariantCulture)}: expected a finite number (drop or impute the row).", nameof(features));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentOutOfRangeException(nameof(labels),
                    $"labels[{i}] = {labels[i]} is not a class: expected 0 to {classNames.Count - 1} ({string.Join(", ", classNames)}).");
        }

        _features = features.ToArray();
        _labels = labels.ToArray();
        FeatureNames = [.. featureNames];
        ClassNames = [.. classNames];
    }

    /// <summary>The number of rows (samples).</summary>
    public int Count => _labels.Length;

    /// <summary>The number of features per row.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>The number of classes (2 for pass/fail).</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The class names; a label is an index into this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>All features, row-major (N×F).</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>All labels (N class indices).</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        if ((uint)row >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(row), $"row is {row}: expected 0 to {Count - 1}.");
        return _features.AsSpan(row * FeatureCount, FeatureCount);
    }

    /// <summary>One feature column as a new array (handy for chart axes).</summary>
    public double[] Column(int feature)
    {
        if ((uint)feature >= (uint)FeatureCount)
            throw new ArgumentOutOfRangeException(nameof(feature), $"feature is {feature}: expected 0 to {FeatureCount - 1}.");
        var column = new double[Count];
        for (var i = 0; i < column.Length; i++)
            column[i] = _features[i * FeatureCount + feature];
        return column;
    }

    /// <summary>A copy of the labels (handy for charts and tables).</summary>
    public int[] LabelArray() => [.. _labels];

    /// <summary>
    /// Splits the rows at random into a training part and a validation part holding
    /// round(<paramref name="validationFraction"/> × N) rows; the same seed gives the same split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the fraction would leave either part empty.</exception>
    public (Dataset Train, Dataset Validation) Split(double validationFraction, ulong seed)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction),
                $"validationFraction is {validationFraction.ToString(CultureInfo.InvariantCulture)}: expected a fraction strictly between 0 and 1.");
        var validationCount = (int)Math.Round(validationFraction * Count, MidpointRounding.AwayFromZero);
        if (validationCount == 0 || validationCount == Count)
            throw new ArgumentOutOfRangeException(nameof(validationFraction),
                $"validationFraction {validationFraction.ToString(CultureInfo.InvariantCulture)} of {Count} rows leaves one part empty: use more rows or a fraction nearer 0.5.");

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        new SeededRandom(seed).Shuffle(order.AsSpan());
        return (Subset(order.AsSpan(validationCount)), Subset(order.AsSpan(0, validationCount)));
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order, as a new data set.</summary>
    public Dataset Subset(ReadOnlySpan<int> rows)
    {
        var f = FeatureCount;
        var features = new double[rows.Length * f];
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * f, f));
            labels[i] = _labels[rows[i]];
        }

        return new Dataset(features, labels, FeatureNames, ClassNames);
    }

    /// <summary>A one-line description, e.g. "200 rows × 2 features (hours, grade), 2 classes (fail, pass)".</summary>
    public override string ToString() =>
        $"{Count} rows × {FeatureCount} features ({string.Join(", ", FeatureNames)}), {ClassCount} classes ({string.Join(", ", ClassNames)})";
}

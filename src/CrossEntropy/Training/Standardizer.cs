using System.Globalization;

namespace CrossEntropy.Training;

/// <summary>
/// Rescales every feature to mean 0 and standard deviation 1, using statistics of the training set only.
/// </summary>
/// <remarks>
/// Gradient descent on raw features such as "hours (0–10)" and "grade (0–10)" crawls: the bias and the
/// weights pull against each other because every feature is far from 0. Standardized features make the
/// loss surface round, so the same learning rate converges in far fewer steps. The statistics come from
/// the training set and are applied unchanged to validation data, so no validation information leaks in.
/// A feature with zero spread is only centred.
/// </remarks>
public sealed class Standardizer
{
    private readonly double[] _means;
    private readonly double[] _deviations;

    private Standardizer(double[] means, double[] deviations)
    {
        _means = means;
        _deviations = deviations;
    }

    /// <summary>Each feature's mean in the data it was fitted on.</summary>
    public IReadOnlyList<double> Means => [.. _means];

    /// <summary>Each feature's (population) standard deviation, or 1 where it was zero.</summary>
    public IReadOnlyList<double> Deviations => [.. _deviations];

    /// <summary>Measures the mean and standard deviation of each feature of <paramref name="train"/>.</summary>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var f = train.FeatureCount;
        var means = new double[f];
        var deviations = new double[f];
        for (var j = 0; j < f; j++)
        {
            var column = train.Column(j);
            var mean = column.Average();
            var variance = column.Sum(v => (v - mean) * (v - mean)) / column.Length;
            means[j] = mean;
            deviations[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>A copy of <paramref name="data"/> with every feature standardized (names and labels unchanged).</summary>
    /// <exception cref="ArgumentException">When the data have another number of features.</exception>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var f = _means.Length;
        if (data.FeatureCount != f)
            throw new ArgumentException($"data has {data.FeatureCount} features but the standardizer was fitted on {f}: use the data set it was fitted on.", nameof(data));
        var features = data.Features.ToArray();
        for (var i = 0; i < features.Length; i++)
            features[i] = (features[i] - _means[i % f]) / _deviations[i % f];
        return new Dataset(features, data.Labels, data.FeatureNames, data.ClassNames);
    }

    /// <summary>
    /// The logistic regression on original units that scores every row exactly like <paramref name="model"/>
    /// scores the standardized row: w'_j = w_j / s_j and b' = b − Σ_j w_j·m_j / s_j (for charts in real units).
    /// </summary>
    /// <exception cref="ArgumentException">When the model has another number of features.</exception>
    public LogisticRegression ToOriginalUnits(LogisticRegression model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != _means.Length)
            throw new ArgumentException($"model has {model.FeatureCount} features but the standardizer has {_means.Length}.", nameof(model));
        var weights = model.Weights;
        var original = new double[weights.Count];
        var bias = model.Bias;
        for (var j = 0; j < original.Length; j++)
        {
            original[j] = weights[j] / _deviations[j];
            bias -= weights[j] * _means[j] / _deviations[j];
        }

        return new LogisticRegression(original, bias);
    }

    /// <summary>The statistics, e.g. "x ↦ (x − [5.01, 6.02]) / [2.87, 1.77]".</summary>
    public override string ToString() =>
        $"x ↦ (x − [{string.Join(", ", _means.Select(m => m.ToString("0.###", CultureInfo.InvariantCulture)))}]) / " +
        $"[{string.Join(", ", _deviations.Select(d => d.ToString("0.###", CultureInfo.InvariantCulture)))}]";
}

using System.Globalization;

namespace CrossEntropy.Training;

/// <summary>
/// Multi-class (multinomial) logistic regression trained on softmax cross-entropy.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> For a row x of F features and C classes, the logits are z_c = w_c·x + b_c and the
/// predicted probabilities p = softmax(z), p_c = e^(z_c) / Σ_k e^(z_k); the predicted class is the argmax
/// (the lowest index on ties).</para>
/// <para><b>Loss.</b> The mean cross-entropy over the N rows of a batch, computed from the logits by
/// <c>SoftmaxCrossEntropy.ForwardBackward</c> (log-sum-exp with the maximum subtracted):
/// L = (1/N)·Σ_n −log p_{y_n}(x_n), in nats.</para>
/// <para><b>Gradient descent.</b> ∂L/∂z_c = (p_c − [c = y])/N per row, so ∂L/∂w_c = Σ_n (p_{n,c} − [c = y_n])·x_n / N
/// and ∂L/∂b_c = Σ_n (p_{n,c} − [c = y_n]) / N; each step subtracts η times these.</para>
/// <para><b>Shapes.</b> Features are N×F row-major; labels are N class indices in [0, C); weights are C×F
/// (one row of F weights per class), biases C.</para>
/// <para><b>Edge cases.</b> Weights start at zero (every first loss is ln C). The parameters are only defined up to a
/// constant added to every class (softmax ignores it); from zero, gradient descent keeps their sum at zero.</para>
/// </remarks>
public sealed class SoftmaxRegression
{
    private readonly double[] _weights;
    private readonly double[] _biases;

    /// <summary>A model with <paramref name="features"/> inputs, <paramref name="classes"/> classes, all parameters at zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When features &lt; 1, classes &lt; 2, or features × classes is too large for an array.</exception>
    public SoftmaxRegression(int features, int classes)
    {
        if (features < 1)
            throw new ArgumentOutOfRangeException(nameof(features), $"features is {features}: expected at least one input.");
        if (classes < 2)
            throw new ArgumentOutOfRangeException(nameof(classes), $"classes is {classes}: expected at least two classes.");
        // The weights are one features × classes array: a larger product would overflow its length.
        if ((long)features * classes > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(features), $"features × classes is {(long)features * classes}: expected at most {Array.MaxLength} weights.");
        FeatureCount = features;
        _weights = new double[features * classes];
        _biases = new double[classes];
    }

    /// <summary>The number of features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => _biases.Length;

    /// <summary>The weights, C×F row-major: the F weights of class c start at c·F (a copy).</summary>
    public IReadOnlyList<double> Weights => [.. _weights];

    /// <summary>The biases, one per class (a copy).</summary>
    public IReadOnlyList<double> Biases => [.. _biases];

    /// <summary>
    /// Trains by gradient descent on mean softmax cross-entropy, continuing from the current parameters,
    /// and reports every step to <paramref name="onStep"/> (before that step's update).
    /// </summary>
    /// <param name="train">The training set (<see cref="ClassCount"/> classes, <see cref="FeatureCount"/> features).</param>
    /// <param name="options">Learning rate, epochs, batch size, seed; null for the defaults.</param>
    /// <param name="validation">An optional held-out set evaluated as training goes.</param>
    /// <param name="onStep">Called once per step, e.g. to log the loss or update a live chart.</param>
    /// <returns>Every step and the final losses and accuracies.</returns>
    /// <exception cref="ArgumentException">Data of the wrong shape, or an option out of range (e.g. a learning rate ≤ 0).</exception>
    public TrainingHistory Fit(Dataset train, TrainingOptions? options = null, Dataset? validation = null, Action<TrainingStep>? onStep = null)
    {
        options ??= new TrainingOptions();
        options.Validate();
        GradientDescent.CheckData(train, validation, FeatureCount, ClassCount, "softmax regression");
        return GradientDescent.Fit(_weights, _biases, new SoftmaxObjective(ClassCount), train, validation, options, onStep);
    }

    /// <summary>Trains on plain arrays: N×F row-major features and N labels in [0, C).</summary>
    /// <exception cref="ArgumentException">Empty data, NaN or infinite features, labels out of range, a row-count mismatch, or an option out of range.</exception>
    public TrainingHistory Fit(double[] features, int[] labels, TrainingOptions? options = null, Action<TrainingStep>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var classNames = Enumerable.Range(0, ClassCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Fit(ModelArguments.ToDataset(features, labels, FeatureCount, classNames), options, null, onStep);
    }

    /// <summary>Writes the C logits of every row of <paramref name="features"/> (N×F) into <paramref name="destination"/> (N×C).</summary>
    /// <exception cref="ArgumentException">When the features are not whole rows or the destination length is not N×C.</exception>
    public void Logits(ReadOnlySpan<double> features, Span<double> destination)
    {
        var rows = ModelArguments.WholeRows(features, FeatureCount);
        if (destination.Length != rows * ClassCount)
            throw new ArgumentException($"destination has {destination.Length} values: expected {rows * ClassCount} ({rows} rows × {ClassCount} classes).", nameof(destination));
        LinearLayer.Forward(features, FeatureCount, _weights, _biases, destination);
    }

    /// <summary>The predicted probabilities of each class for one row (they sum to 1).</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public double[] Probabilities(params double[] features) => Probabilities((ReadOnlySpan<double>)features);

    /// <inheritdoc cref="Probabilities(double[])"/>
    public double[] Probabilities(ReadOnlySpan<double> features)
    {
        ModelArguments.RowLength(features, FeatureCount);
        var probabilities = new double[ClassCount];
        LinearLayer.Forward(features, FeatureCount, _weights, _biases, probabilities);
        Activations.Softmax<double>(probabilities, ClassCount, probabilities);
        return probabilities;
    }

    /// <summary>The predicted class of one row (the largest logit).</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public int Predict(params double[] features) => Predict((ReadOnlySpan<double>)features);

    /// <inheritdoc cref="Predict(double[])"/>
    public int Predict(ReadOnlySpan<double> features)
    {
        ModelArguments.RowLength(features, FeatureCount);
        var logits = ClassCount <= 64 ? stackalloc double[ClassCount] : new double[ClassCount];
        LinearLayer.Forward(features, FeatureCount, _weights, _biases, logits);
        return SoftmaxObjective.ArgMax(logits);
    }

    /// <summary>Mean softmax cross-entropy (nats) of the model on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">When the data have other features or classes.</exception>
    public double Loss(Dataset data) => Evaluate(data).Loss;

    /// <summary>The share of rows of <paramref name="data"/> classified correctly.</summary>
    /// <exception cref="ArgumentException">When the data have other features or classes.</exception>
    public double Accuracy(Dataset data) => Evaluate(data).Accuracy;

    /// <summary>A one-line description.</summary>
    public override string ToString() => $"softmax regression: {FeatureCount} features → {ClassCount} classes";

    private (double Loss, double Accuracy) Evaluate(Dataset data)
    {
        GradientDescent.CheckData(data, null, FeatureCount, ClassCount, "softmax regression");
        return GradientDescent.Evaluate(_weights, _biases, new SoftmaxObjective(ClassCount), data, new double[data.Count * ClassCount]);
    }
}

using System.Globalization;

namespace CrossEntropy.Training;

/// <summary>
/// Binary logistic regression trained on binary cross-entropy from logits.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> For a row x of F features, the logit is z = w·x + b and the predicted probability of
/// class 1 is p = σ(z) = 1 / (1 + e^(−z)); the predicted class is 1 when z &gt; 0 (p &gt; 0.5).</para>
/// <para><b>Loss.</b> The mean binary cross-entropy over the N rows of a batch, computed from the logits by
/// <c>BinaryCrossEntropyWithLogits</c> (softplus form, finite for any logit):
/// L = (1/N)·Σ −[y·log σ(z) + (1 − y)·log(1 − σ(z))], in nats.</para>
/// <para><b>Gradient descent.</b> ∂L/∂z = (σ(z) − y)/N per row (the kernel's backward), so
/// ∂L/∂w = Σ_n (σ(z_n) − y_n)·x_n / N and ∂L/∂b = Σ_n (σ(z_n) − y_n) / N; each step subtracts η times these.</para>
/// <para><b>Shapes.</b> Features are N×F row-major; labels are N values in {0, 1}.</para>
/// <para><b>Edge cases.</b> Weights start at zero (every first loss is ln 2 ≈ 0.6931). A learning rate that is too
/// large makes the loss oscillate or grow; it is reported as it is, not stopped. On perfectly separable data
/// the weights grow without bound as the loss approaches 0.</para>
/// </remarks>
public sealed class LogisticRegression
{
    private readonly double[] _weights;
    private readonly double[] _bias = new double[1];

    /// <summary>A model with <paramref name="features"/> inputs and all weights and the bias at zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="features"/> is less than 1 or too large for an array.</exception>
    public LogisticRegression(int features)
    {
        if (features < 1)
            throw new ArgumentOutOfRangeException(nameof(features), $"features is {features}: expected at least one input.");
        if (features > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(features), $"features is {features}: expected at most {Array.MaxLength} weights.");
        _weights = new double[features];
    }

    /// <summary>A model with the given weights and bias (e.g. to evaluate a hand-made boundary).</summary>
    /// <exception cref="ArgumentException">When the weights are empty or a value is not finite.</exception>
    public LogisticRegression(IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ModelArguments.FiniteParameters(weights, bias, nameof(weights));
        _weights = [.. weights];
        _bias[0] = bias;
    }

    /// <summary>The number of features per row.</summary>
    public int FeatureCount => _weights.Length;

    /// <summary>The weights w, one per feature (a copy).</summary>
    public IReadOnlyList<double> Weights => [.. _weights];

    /// <summary>The bias b.</summary>
    public double Bias => _bias[0];

    /// <summary>
    /// Trains by gradient descent on mean binary cross-entropy, continuing from the current weights, and
    /// reports every step to <paramref name="onStep"/> (before that step's update).
    /// </summary>
    /// <param name="train">The training set (two classes, <see cref="FeatureCount"/> features).</param>
    /// <param name="options">Learning rate, epochs, batch size, seed; null for the defaults.</param>
    /// <param name="validation">An optional held-out set evaluated as training goes.</param>
    /// <param name="onStep">Called once per step, e.g. to log the loss or update a live chart.</param>
    /// <returns>Every step and the final losses and accuracies.</returns>
    /// <exception cref="ArgumentException">Data of the wrong shape, or an option out of range (e.g. a learning rate ≤ 0).</exception>
    public TrainingHistory Fit(Dataset train, TrainingOptions? options = null, Dataset? validation = null, Action<TrainingStep>? onStep = null)
    {
        options ??= new TrainingOptions();
        options.Validate();
        GradientDescent.CheckData(train, validation, FeatureCount, 2, "logistic regression");
        var objective = new BinaryObjective(Math.Max(train.Count, validation?.Count ?? 0));
        return GradientDescent.Fit(_weights, _bias, objective, train, validation, options, onStep);
    }

    /// <summary>Trains on plain arrays: N×F row-major features and N labels in {0, 1}.</summary>
    /// <exception cref="ArgumentException">Empty data, NaN or infinite features, labels other than 0 and 1, a row-count mismatch, or an option out of range.</exception>
    public TrainingHistory Fit(double[] features, int[] labels, TrainingOptions? options = null, Action<TrainingStep>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        return Fit(ModelArguments.ToDataset(features, labels, FeatureCount, ["0", "1"]), options, null, onStep);
    }

    /// <summary>The logit z = w·x + b of one row.</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public double Logit(params double[] features) => Logit((ReadOnlySpan<double>)features);

    /// <inheritdoc cref="Logit(double[])"/>
    public double Logit(ReadOnlySpan<double> features)
    {
        Span<double> logit = stackalloc double[1];
        ModelArguments.RowLength(features, FeatureCount);
        LinearLayer.Forward(features, FeatureCount, _weights, _bias, logit);
        return logit[0];
    }

    /// <summary>The predicted probability of class 1, σ(w·x + b), of one row.</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public double Probability(params double[] features) => Probability((ReadOnlySpan<double>)features);

    /// <inheritdoc cref="Probability(double[])"/>
    public double Probability(ReadOnlySpan<double> features)
    {
        Span<double> p = [Logit(features)];
        Activations.Sigmoid<double>(p, p);
        return p[0];
    }

    /// <summary>The predicted class of one row: 1 when the logit is ≥ 0 (probability ≥ 0.5, as <see cref="ClassificationError"/> decides), else 0.</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public int Predict(params double[] features) => Predict((ReadOnlySpan<double>)features);

    /// <inheritdoc cref="Predict(double[])"/>
    public int Predict(ReadOnlySpan<double> features) => Logit(features) >= 0 ? 1 : 0;

    /// <summary>Writes the logit of every row of <paramref name="features"/> (N×F) into <paramref name="destination"/> (N).</summary>
    /// <exception cref="ArgumentException">When the features are not whole rows or the destination length is not N.</exception>
    public void Logits(ReadOnlySpan<double> features, Span<double> destination)
    {
        var rows = ModelArguments.WholeRows(features, FeatureCount);
        if (destination.Length != rows)
            throw new ArgumentException($"destination has {destination.Length} values: expected {rows} (one logit per row).", nameof(destination));
        LinearLayer.Forward(features, FeatureCount, _weights, _bias, destination);
    }

    /// <summary>Mean binary cross-entropy (nats) of the model on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">When the data have other features or more than two classes.</exception>
    public double Loss(Dataset data) => Evaluate(data).Loss;

    /// <summary>The share of rows of <paramref name="data"/> classified correctly.</summary>
    /// <exception cref="ArgumentException">When the data have other features or more than two classes.</exception>
    public double Accuracy(Dataset data) => Evaluate(data).Accuracy;

    /// <summary>An independent copy (training the copy leaves this model unchanged).</summary>
    public LogisticRegression Clone() => new(_weights, _bias[0]);

    /// <summary>The fitted formula, e.g. "p = σ(1.2034·x1 + 0.8761·x2 − 11.2113)".</summary>
    public override string ToString()
    {
        var terms = _weights.Select((w, i) => $"{w.ToString("0.####", CultureInfo.InvariantCulture)}·x{i + 1}");
        var sign = Bias < 0 ? "−" : "+";
        return $"p = σ({string.Join(" + ", terms)} {sign} {Math.Abs(Bias).ToString("0.####", CultureInfo.InvariantCulture)})";
    }

    private (double Loss, double Accuracy) Evaluate(Dataset data)
    {
        GradientDescent.CheckData(data, null, FeatureCount, 2, "logistic regression");
        return GradientDescent.Evaluate(_weights, _bias, new BinaryObjective(data.Count), data, new double[data.Count]);
    }
}

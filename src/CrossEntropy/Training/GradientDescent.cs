namespace CrossEntropy.Training;

/// <summary>
/// The training loop shared by both models: full-batch or mini-batch gradient descent on a linear
/// layer, with every step reported before its update is applied.
/// </summary>
/// <remarks>
/// All buffers are allocated once per fit, then reused by every step. Mini-batches follow an order
/// reshuffled each epoch by a <see cref="SeededRandom"/>, and every operation is deterministic, so the
/// same data, options and starting weights give bit-identical weights and losses.
/// </remarks>
internal static class GradientDescent
{
    public static TrainingHistory Fit(
        double[] weights, double[] bias, TrainingObjective objective,
        Dataset train, Dataset? validation, TrainingOptions options, Action<TrainingStep>? onStep)
    {
        var f = train.FeatureCount;
        var k = objective.Outputs;
        var n = train.Count;
        var batchSize = Math.Min(options.BatchSize ?? n, n);
        var fullBatch = batchSize == n;
        var stepsPerEpoch = (n + batchSize - 1) / batchSize;
        var lastStep = options.Epochs * stepsPerEpoch - 1;

        var batchFeatures = fullBatch ? [] : new double[batchSize * f];
        var batchLabels = fullBatch ? [] : new int[batchSize];
        var logits = new double[batchSize * k];
        var logitGradient = new double[batchSize * k];
        var weightGradient = new double[weights.Length];
        var biasGradient = new double[bias.Length];
        var evaluationLogits = new double[Math.Max(n, validation?.Count ?? 0) * k];
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var random = new SeededRandom(options.Seed);

        var steps = new List<TrainingStep>(lastStep + 1);
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            if (!fullBatch) random.Shuffle(order.AsSpan());
            for (var start = 0; start < n; start += batchSize)
            {
                var rows = Math.Min(batchSize, n - start);
                ReadOnlySpan<double> x;
                ReadOnlySpan<int> y;
                if (fullBatch)
                {
                    x = train.Features;
                    y = train.Labels;
                }
                else
                {
                    for (var r = 0; r < rows; r++)
                    {
                        train.Row(order[start + r]).CopyTo(batchFeatures.AsSpan(r * f, f));
                        batchLabels[r] = train.Labels[order[start + r]];
                    }

                    x = batchFeatures.AsSpan(0, rows * f);
                    y = batchLabels.AsSpan(0, rows);
                }

                var batchLogits = logits.AsSpan(0, rows * k);
                var batchGradient = logitGradient.AsSpan(0, rows * k);
                LinearLayer.Forward(x, f, weights, bias, batchLogits);
                var loss = objective.ForwardBackward(batchLogits, y, batchGradient);
                var accuracy = (double)objective.CountCorrect(batchLogits, y) / rows;

                double? validationLoss = null, validationAccuracy = null;
                if (validation is not null && (step % options.EvaluateEvery == 0 || step == lastStep))
                    (validationLoss, validationAccuracy) = Evaluate(weights, bias, objective, validation, evaluationLogits);

                var record = new TrainingStep(step, epoch, loss, accuracy, validationLoss, validationAccuracy);
                steps.Add(record);
                onStep?.Invoke(record);

                LinearLayer.Backward(x, f, batchGradient, weightGradient, biasGradient);
                LinearLayer.Descend(weights, weightGradient, options.LearningRate);
                LinearLayer.Descend(bias, biasGradient, options.LearningRate);
                step++;
            }
        }

        var (trainLoss, trainAccuracy) = Evaluate(weights, bias, objective, train, evaluationLogits);
        double? finalValidationLoss = null, finalValidationAccuracy = null;
        if (validation is not null)
            (finalValidationLoss, finalValidationAccuracy) = Evaluate(weights, bias, objective, validation, evaluationLogits);
        return new TrainingHistory(options, steps, trainLoss, trainAccuracy, finalValidationLoss, finalValidationAccuracy);
    }

    public static (double Loss, double Accuracy) Evaluate(double[] weights, double[] bias, TrainingObjective objective, Dataset data, double[] logitBuffer)
    {
        var logits = logitBuffer.AsSpan(0, data.Count * objective.Outputs);
        LinearLayer.Forward(data.Features, data.FeatureCount, weights, bias, logits);
        return (objective.Forward(logits, data.Labels), (double)objective.CountCorrect(logits, data.Labels) / data.Count);
    }

    /// <summary>Checks that the data fit a model with <paramref name="features"/> inputs and <paramref name="classes"/> classes.</summary>
    public static void CheckData(Dataset train, Dataset? validation, int features, int classes, string model)
    {
        ArgumentNullException.ThrowIfNull(train);
        foreach (var (data, name) in new[] { (train, nameof(train)), (validation, nameof(validation)) })
        {
            if (data is null) continue;
            if (data.FeatureCount != features)
                throw new ArgumentException($"{name} has {data.FeatureCount} features but the {model} takes {features}: create the model with {data.FeatureCount} features or pass matching data.", name);
            if (data.ClassCount != classes)
                throw new ArgumentException($"{name} has {data.ClassCount} classes but the {model} predicts {classes}: use {(data.ClassCount == 2 ? "LogisticRegression" : $"SoftmaxRegression with {data.ClassCount} classes")}.", name);
        }
    }
}

using CrossEntropy.Losses;

namespace CrossEntropy.Training;

/// <summary>Binary cross-entropy from one logit per row (class 1 = positive), through <see cref="BinaryCrossEntropyWithLogits"/>.</summary>
internal sealed class BinaryObjective(int capacity) : TrainingObjective
{
    // The kernel takes targets as probabilities; labels are turned into 0/1 here, in a buffer owned per fit.
    private readonly double[] _targets = new double[capacity];

    public override int Outputs => 1;

    public override double ForwardBackward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, Span<double> gradient)
    {
        var targets = Targets(labels);
        var loss = BinaryCrossEntropyWithLogits.Forward(logits, targets);
        BinaryCrossEntropyWithLogits.Backward(logits, targets, gradient);
        return loss;
    }

    public override double Forward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels) =>
        BinaryCrossEntropyWithLogits.Forward(logits, Targets(labels));

    public override int CountCorrect(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels)
    {
        // Logit ≥ 0 is probability ≥ 0.5: a tie counts as positive, as in ClassificationError and LogisticRegression.Predict.
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
            correct += (logits[i] >= 0 ? 1 : 0) == labels[i] ? 1 : 0;
        return correct;
    }

    private ReadOnlySpan<double> Targets(ReadOnlySpan<int> labels)
    {
        var targets = _targets.AsSpan(0, labels.Length);
        for (var i = 0; i < labels.Length; i++)
            targets[i] = labels[i];
        return targets;
    }
}

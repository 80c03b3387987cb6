using CrossEntropy.Losses;

namespace CrossEntropy.Training;

/// <summary>Softmax cross-entropy from C logits per row and class-index labels, through <see cref="SoftmaxCrossEntropy"/>.</summary>
internal sealed class SoftmaxObjective(int classes) : TrainingObjective
{
    public override int Outputs => classes;

    public override double ForwardBackward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, Span<double> gradient) =>
        SoftmaxCrossEntropy.ForwardBackward(logits, labels, classes, gradient);

    public override double Forward(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels) =>
        SoftmaxCrossEntropy.Forward(logits, labels, classes);

    public override int CountCorrect(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels)
    {
        var correct = 0;
        for (var n = 0; n < labels.Length; n++)
            correct += ArgMax(logits.Slice(n * classes, classes)) == labels[n] ? 1 : 0;
        return correct;
    }

    /// <summary>The first index of the largest value (ties go to the lower class, as argmax does elsewhere).</summary>
    public static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best]) best = c;
        }

        return best;
    }
}

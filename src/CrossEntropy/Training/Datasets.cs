namespace CrossEntropy.Training;

/// <summary>
/// Small synthetic data sets for the course, generated from a seed so every reader sees the same points.
/// </summary>
/// <remarks>
/// Labels are drawn from a known probability model rather than assigned by a hard rule, so the classes
/// overlap the way real data does: no straight line separates them perfectly, the cross-entropy optimum
/// is finite, and a trained model's probabilities mean something.
/// </remarks>
public static class Datasets
{
    /// <summary>
    /// Students who passed or failed an exam, described by two features on a 0–10 scale:
    /// <c>hours</c> studied for the exam and <c>grade</c>, their previous grade.
    /// Classes: 0 = <c>fail</c>, 1 = <c>pass</c>.
    /// </summary>
    /// <remarks>
    /// Hours are uniform on [0, 10]; previous grades are normal around 6 (standard deviation 1.8),
    /// clipped to [0, 10]. A student passes with probability σ(1.2·(hours − 5) + 0.9·(grade − 6)), so
    /// the true decision boundary is the line 1.2·hours + 0.9·grade = 11.4 and students near it go
    /// either way. Rows are generated in order: the first <c>k</c> rows of a larger set equal the set of size
    /// <c>k</c> drawn with the same seed.
    /// </remarks>
    /// <param name="seed">The generator seed; equal seeds give identical data sets.</param>
    /// <param name="count">The number of students (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is less than 1 or too large for an array.</exception>
    public static Dataset Students(ulong seed, int count = 200)
    {
        CheckCount(count);
        var random = new SeededRandom(seed);
        var features = new double[count * 2];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var hours = random.NextDouble(0, 10);
            var grade = Math.Clamp(random.NextGaussian(6, 1.8), 0, 10);
            var passProbability = 1 / (1 + Math.Exp(-(1.2 * (hours - 5) + 0.9 * (grade - 6))));
            features[2 * i] = hours;
            features[2 * i + 1] = grade;
            labels[i] = random.NextDouble() < passProbability ? 1 : 0;
        }

        return new Dataset(features, labels, ["hours", "grade"], ["fail", "pass"]);
    }

    /// <summary>
    /// Fruits of three kinds, <c>orange</c> (0), <c>apple</c> (1) and <c>lemon</c> (2), described by
    /// <c>diameter</c> in centimetres and <c>yellowness</c> on a 0–10 scale.
    /// </summary>
    /// <remarks>
    /// Each row picks a kind uniformly, then draws both features from a normal distribution for that kind:
    /// oranges 7.5 ± 0.7 cm and 5.0 ± 1.0; apples 7.0 ± 0.8 cm and 2.5 ± 1.2; lemons 5.5 ± 0.6 cm and
    /// 8.0 ± 1.0. Oranges and apples overlap in size but not much in colour; lemons stand apart on both,
    /// so a softmax regression reaches high but not perfect accuracy.
    /// </remarks>
    /// <param name="seed">The generator seed; equal seeds give identical data sets.</param>
    /// <param name="count">The number of fruits (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is less than 1 or too large for an array.</exception>
    public static Dataset Fruits(ulong seed, int count = 300)
    {
        CheckCount(count);
        ReadOnlySpan<double> diameterMean = [7.5, 7.0, 5.5];
        ReadOnlySpan<double> diameterSd = [0.7, 0.8, 0.6];
        ReadOnlySpan<double> yellowMean = [5.0, 2.5, 8.0];
        ReadOnlySpan<double> yellowSd = [1.0, 1.2, 1.0];

        var random = new SeededRandom(seed);
        var features = new double[count * 2];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextInt(3);
            features[2 * i] = Math.Max(0.5, random.NextGaussian(diameterMean[kind], diameterSd[kind]));
            features[2 * i + 1] = Math.Clamp(random.NextGaussian(yellowMean[kind], yellowSd[kind]), 0, 10);
            labels[i] = kind;
        }

        return new Dataset(features, labels, ["diameter", "yellowness"], ["orange", "apple", "lemon"]);
    }

    private static void CheckCount(int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), $"count is {count}: expected at least one row.");
        // Two features per row: a larger count would overflow the feature array's length.
        if (count > Array.MaxLength / 2)
            throw new ArgumentOutOfRangeException(nameof(count), $"count is {count}: expected at most {Array.MaxLength / 2} rows (two features each fit in one array).");
    }
}

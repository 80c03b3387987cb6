namespace CrossEntropy.Training;

/// <summary>Argument checks shared by the models; each message names the problem and the fix in one line.</summary>
internal static class ModelArguments
{
    public static void FiniteParameters(IReadOnlyList<double> weights, double bias, string name)
    {
        if (weights.Count == 0)
            throw new ArgumentException($"{name} is empty: pass one weight per feature.", name);
        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]))
                throw new ArgumentException($"{name}[{i}] is {weights[i]}: expected a finite weight.", name);
        }

        if (!double.IsFinite(bias))
            throw new ArgumentException($"bias is {bias}: expected a finite number.", nameof(bias));
    }

    public static void RowLength(ReadOnlySpan<double> features, int featureCount)
    {
        if (features.Length != featureCount)
            throw new ArgumentException($"features has {features.Length} values: expected {featureCount}, one per feature of the model.", nameof(features));
    }

    public static int WholeRows(ReadOnlySpan<double> features, int featureCount)
    {
        if (features.Length % featureCount != 0)
            throw new ArgumentException(
                $"features has {features.Length} values, which is not a whole number of rows of {featureCount}: pass N×{featureCount} values, row after row.", nameof(features));
        return features.Length / featureCount;
    }

    public static Dataset ToDataset(double[] features, int[] labels, int featureCount, IReadOnlyList<string> classNames)
    {
        var names = Enumerable.Range(1, featureCount).Select(i => $"x{i}").ToArray();
        return new Dataset(features, labels, names, classNames);
    }
}

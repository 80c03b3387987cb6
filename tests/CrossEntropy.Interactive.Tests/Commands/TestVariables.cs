using CrossEntropy.Interactive.Commands;

namespace CrossEntropy.Interactive.Tests.Commands;

/// <summary>A fake notebook: the variables the command tests refer to by name.</summary>
internal static class TestVariables
{
    public static readonly Dictionary<string, object?> Values = new()
    {
        ["probs"] = new[] { 0.2, 0.4, 0.7, 0.9 },
        ["floats"] = new List<float> { 0.2f, 0.4f, 0.7f, 0.9f },
        ["labels"] = new[] { 0, 0, 1, 1 },
        ["labelText"] = "0 0 1 1",
        ["fruitClasses"] = new[] { "orange", "apple", "lemon" },
        ["fruitLabels"] = new List<string> { "orange", "lemon", "lemon" },
        ["fruitIndices"] = new[] { 0, 2, 2 },
        ["fruitTable"] = new[,] { { 0.7, 0.2, 0.1 }, { 0.3, 0.4, 0.3 }, { 0.1, 0.5, 0.4 } },
        ["fruitJagged"] = new[] { new[] { 0.7, 0.2, 0.1 }, new[] { 0.3, 0.4, 0.3 }, new[] { 0.1, 0.5, 0.4 } },
        ["ragged"] = new[] { new[] { 0.7, 0.3 }, new[] { 1.0 } },
        ["models"] = new Dictionary<string, double[]> { ["A"] = [0.1, 0.7, 0.6, 0.2], ["B"] = [0.8, 0.6, 0.7, 0.9] },
        ["modelTuples"] = new (string, double[])[] { ("A", [0.1, 0.7, 0.6, 0.2]), ("B", [0.8, 0.6, 0.7, 0.9]) },
        ["nothing"] = null,
        ["thing"] = new Uri("https://example.org"),
        ["mixed"] = new List<object> { 0.5, "x" },
        ["withNaN"] = new[] { 0.5, double.NaN },
        ["cube"] = new double[2, 2, 2],
        ["empty"] = Array.Empty<double>(),
        ["halves"] = new[] { 0.5, 1.5 },
        ["flags"] = new[] { true, false },
        ["gaps"] = new object?[] { 1, null },
        ["count"] = 4,
    };

    public static IVariableResolver Resolver { get; } = VariableResolver.FromFunc(name =>
        name == "boom" ? throw new InvalidOperationException("kernel went away")
        : Values.TryGetValue(name, out var value) ? (true, value) : (false, null));
}

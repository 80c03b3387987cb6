using System.Globalization;

namespace CrossEntropy.Interactive.Charts;

/// <summary>Argument checks for the chart factories; each message names the problem and the fix.</summary>
internal static class ChartArguments
{
    public static void NotEmpty<T>(IReadOnlyList<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} is empty: pass at least one value.", name);
        }
    }

    public static void SameLength<T, TOther>(IReadOnlyList<T> first, string firstName, IReadOnlyList<TOther> second, string secondName)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException(
                $"{firstName} has {first.Count} values but {secondName} has {second.Count}: pass one {secondName} value per {firstName} value.",
                secondName);
        }
    }

    public static void Finite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {Text(values[i])}: pass finite numbers.", name);
            }
        }
    }

    public static void Probabilities(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!(values[i] >= 0 && values[i] <= 1))
            {
                throw new ArgumentException($"{name}[{i}] = {Text(values[i])} is not a probability: pass values in [0, 1].", name);
            }
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CrossEntropy.Interactive.Commands.Values;

/// <summary>
/// Turns a notebook variable (found by name through <see cref="IVariableResolver"/>) into the numbers,
/// rows, names or named lists an option takes. A string variable is read like a quoted value, so
/// <c>var labels = "1 0 1";</c> works too. Anything else gets a message naming its C# type.
/// </summary>
internal static class VariableValues
{
    private const string NumbersTypes = "a number array or list (double[], float[], int[], List<double>, …) or a string such as \"0.8 0.4\"";
    private const string RowsTypes = "a table of numbers (double[,], double[][], List<double[]>) or a string such as \"0.7 0.3; 0.2 0.8\"";
    private const string NamesTypes = "a string array or list, an int array of class indices, or a string such as \"orange lemon\"";
    private const string ModelsTypes = "a dictionary from name to numbers (Dictionary<string, double[]>), an array of (string, double[]) tuples, or a string such as \"A: 0.1 0.7; B: 0.8 0.6\"";

    public static Problem? ToNumbers(object? value, string variable, string what, out double[] numbers)
    {
        numbers = [];
        switch (value)
        {
            case null:
                return Null(variable, NumbersTypes);
            case string text:
                return ListText.ParseNumbers(text, $"{what} (variable {variable})", out numbers);
            case double[] doubles:
                numbers = (double[])doubles.Clone();
                return CheckFinite(numbers, variable);
            case Array { Rank: > 1 }:
                return new Problem($"variable {variable} is a {TypeNames.Of(value)} (a table), but {what} takes one list of numbers", $"pass {NumbersTypes}");
            case IEnumerable items:
                var list = new List<double>();
                var index = 0;
                foreach (var item in items)
                {
                    if (!TryNumber(item, out var number))
                    {
                        return item is IEnumerable and not string
                            ? new Problem($"variable {variable} ({TypeNames.Of(value)}) holds rows, but {what} takes one flat list of numbers", $"pass {NumbersTypes}")
                            : new Problem($"variable {variable} ({TypeNames.Of(value)}) holds {TypeNames.Of(item)}{Describe(item)} at index {index}, not a number", $"pass {NumbersTypes}");
                    }

                    list.Add(number);
                    index++;
                }

                numbers = [.. list];
                return CheckFinite(numbers, variable);
            default:
                return WrongType(variable, value, what, NumbersTypes);
        }
    }

    public static Problem? ToRows(object? value, string variable, string what, out double[][] rows)
    {
        rows = [];
        switch (value)
        {
            case null:
                return Null(variable, RowsTypes);
            case string text:
                return ListText.ParseRows(text, $"{what} (variable {variable})", out rows);
            case Array { Rank: 2 } table:
                var n = table.GetLength(0);
                var c = table.GetLength(1);
                rows = new double[n][];
                for (var i = 0; i < n; i++)
                {
                    rows[i] = new double[c];
                    for (var j = 0; j < c; j++)
                    {
                        var cell = table.GetValue(i, j);
                        if (!TryNumber(cell, out rows[i][j]))
                            return new Problem($"variable {variable} ({TypeNames.Of(value)}) holds {TypeNames.Of(cell)} at [{i}, {j}], not a number", $"pass {RowsTypes}");
                    }
                }

                return CheckFinite(rows, variable) ?? ListText.Rectangular(rows, $"variable {variable}");
            case Array { Rank: > 2 }:
                return WrongType(variable, value, what, RowsTypes);
            case IEnumerable items:
                var list = new List<double[]>();
                var flat = new List<double>();
                var index = 0;
                foreach (var item in items)
                {
                    if (TryNumber(item, out var number))
                    {
                        flat.Add(number); // a flat list is one row: a single sample
                    }
                    else if (item is IEnumerable and not string && ToNumbers(item, $"{variable}[{index}]", what, out var row) is null)
                    {
                        list.Add(row);
                    }
                    else
                    {
                        return new Problem($"variable {variable} ({TypeNames.Of(value)}) holds {TypeNames.Of(item)}{Describe(item)} at index {index}, not a row of numbers", $"pass {RowsTypes}");
                    }

                    index++;
                }

                if (flat.Count > 0 && list.Count > 0)
                    return new Problem($"variable {variable} ({TypeNames.Of(value)}) mixes numbers and rows", $"pass {RowsTypes}");
                rows = flat.Count > 0 ? [[.. flat]] : [.. list];
                return CheckFinite(rows, variable) ?? ListText.Rectangular(rows, $"variable {variable}");
            default:
                return WrongType(variable, value, what, RowsTypes);
        }
    }

    public static Problem? ToNames(object? value, string variable, string what, out string[] names)
    {
        names = [];
        switch (value)
        {
            case null:
                return Null(variable, NamesTypes);
            case string text:
                return ListText.ParseNames(text, $"{what} (variable {variable})", out names);
            case Array { Rank: > 1 }:
                return new Problem($"variable {variable} is a {TypeNames.Of(value)} (a table), but {what} takes one list", $"pass {NamesTypes}");
            case IEnumerable items:
                var list = new List<string>();
                var index = 0;
                foreach (var item in items)
                {
                    switch (item)
                    {
                        case string s when s.Trim().Length > 0:
                            list.Add(s.Trim());
                            break;
                        case char ch when !char.IsWhiteSpace(ch):
                            list.Add(ch.ToString());
                            break;
                        case not null when item is not bool && TryNumber(item, out var number) && double.IsInteger(number):
                            list.Add(number.ToString("R", CultureInfo.InvariantCulture));
                            break;
                        default:
                            return new Problem($"variable {variable} ({TypeNames.Of(value)}) holds {TypeNames.Of(item)}{Describe(item)} at index {index}, not a name or class index", $"pass {NamesTypes}");
                    }

                    index++;
                }

                names = [.. list];
                return null;
            default:
                return WrongType(variable, value, what, NamesTypes);
        }
    }

    public static Problem? ToModels(object? value, string variable, string what, out List<(string Name, double[] Values)> models)
    {
        models = [];
        switch (value)
        {
            case null:
                return Null(variable, ModelsTypes);
            case string text:
                return ListText.ParseModels(text, $"{what} (variable {variable})", out models);
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (AddModel(entry.Key, entry.Value, variable, what, models) is { } problem)
                        return problem;
                }

                return null;
            case IEnumerable items:
                foreach (var item in items)
                {
                    var pair = item switch
                    {
                        ITuple { Length: 2 } tuple => (tuple[0], tuple[1]),
                        _ when item?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
                            => (t.GetProperty("Key")!.GetValue(item), t.GetProperty("Value")!.GetValue(item)),
                        _ => ((object?, object?)?)null,
                    };
                    if (pair is not { } p)
                        return new Problem($"variable {variable} ({TypeNames.Of(value)}) holds {TypeNames.Of(item)}, not a (name, probabilities) pair", $"pass {ModelsTypes}");
                    if (AddModel(p.Item1, p.Item2, variable, what, models) is { } problem)
                        return problem;
                }

                return null;
            default:
                return WrongType(variable, value, what, ModelsTypes);
        }
    }

    private static Problem? AddModel(object? key, object? values, string variable, string what, List<(string Name, double[] Values)> models)
    {
        var name = Convert.ToString(key, CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(name))
            return new Problem($"variable {variable} has a model with an empty name", $"pass {ModelsTypes}");
        if (ToNumbers(values, $"{variable}[{name}]", what, out var numbers) is { } problem)
            return problem;
        models.Add((name, numbers));
        return null;
    }

    public static bool TryNumber(object? item, out double number)
    {
        switch (item)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case int i: number = i; return true;
            case long l: number = l; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case ushort us: number = us; return true;
            case decimal m: number = (double)m; return true;
            case Half h: number = (double)h; return true;
            default: number = 0; return false;
        }
    }

    private static Problem? CheckFinite(double[] values, string variable)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                return new Problem($"variable {variable} holds {values[i].ToString(CultureInfo.InvariantCulture)} at index {i}", "every value must be a finite number");
        }

        return null;
    }

    private static Problem? CheckFinite(double[][] rows, string variable)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            if (CheckFinite(rows[r], $"{variable}[{r}]") is { } problem)
                return problem;
        }

        return null;
    }

    // " 'value'" after the type name, or nothing when there is no useful text (null, an arbitrary object), so the
    // message never has two spaces where the value would be.
    private static string Describe(object? item) => item switch
    {
        null => string.Empty,
        string s => " " + CommandError.Show(s),
        bool b => b ? " 'true'" : " 'false'",
        IFormattable f => " " + CommandError.Show(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => string.Empty,
    };

    private static Problem Null(string variable, string expected) =>
        new($"variable {variable} is null", $"assign it {expected}");

    private static Problem WrongType(string variable, object value, string what, string expected) =>
        new($"variable {variable} is {Article(TypeNames.Of(value))}, which {what} cannot read", $"pass {expected}");

    // "an int", "an object", but "a Uri", "a double": the vowel letters that sound like one in type names.
    private static string Article(string typeName) =>
        (typeName.Length > 0 && "aeioAEIO".Contains(typeName[0]) ? "an " : "a ") + typeName;
}

namespace CrossEntropy.Interactive.Commands.Values;

/// <summary>C#-style type names for messages: <c>List&lt;double&gt;</c>, not <c>System.Collections.Generic.List`1[…]</c>.</summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> s_aliases = new()
    {
        [typeof(double)] = "double", [typeof(float)] = "float", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(short)] = "short", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(uint)] = "uint",
        [typeof(ulong)] = "ulong", [typeof(ushort)] = "ushort", [typeof(decimal)] = "decimal", [typeof(bool)] = "bool",
        [typeof(string)] = "string", [typeof(char)] = "char", [typeof(object)] = "object",
    };

    public static string Of(object? value) => value is null ? "null" : Of(value.GetType());

    public static string Of(Type type)
    {
        if (s_aliases.TryGetValue(type, out var alias))
            return alias;
        if (type.IsArray)
            return $"{Of(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Of(underlying) + "?";
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0)
            name = name[..tick];
        if (name.StartsWith("ValueTuple", StringComparison.Ordinal))
            return $"({string.Join(", ", type.GetGenericArguments().Select(Of))})";
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}

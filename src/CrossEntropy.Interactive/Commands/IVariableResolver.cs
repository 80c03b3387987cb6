namespace CrossEntropy.Interactive.Commands;

/// <summary>
/// Looks up a C# variable of the running notebook by name, so a magic command can take
/// <c>--probabilities probs</c> and read the array <c>probs</c>. extension.dib implements it over the
/// kernel's C# kernel (<c>TryGetValue</c>); the headless runner implements it over the script state.
/// </summary>
public interface IVariableResolver
{
    /// <summary>Returns true and the variable's value when a variable named <paramref name="name"/> exists.</summary>
    bool TryResolve(string name, out object? value);
}

/// <summary>Adapters for <see cref="IVariableResolver"/>.</summary>
public static class VariableResolver
{
    /// <summary>A resolver that knows no variables.</summary>
    public static IVariableResolver None { get; } = new FuncResolver(_ => (false, null));

    /// <summary>Wraps a lookup function (convenient from extension.dib, where declaring a class is verbose).</summary>
    public static IVariableResolver FromFunc(Func<string, (bool Found, object? Value)> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return new FuncResolver(lookup);
    }

    private sealed class FuncResolver(Func<string, (bool Found, object? Value)> lookup) : IVariableResolver
    {
        public bool TryResolve(string name, out object? value)
        {
            (var found, value) = lookup(name);
            return found;
        }
    }
}

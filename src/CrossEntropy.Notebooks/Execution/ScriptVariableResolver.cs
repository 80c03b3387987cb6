using CrossEntropy.Interactive.Commands;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>Lets <c>#!cross-entropy</c> arguments name C# variables of the running notebook.</summary>
internal sealed class ScriptVariableResolver(ScriptSession session) : IVariableResolver
{
    public bool TryResolve(string name, out object? value) => session.TryGetVariable(name, out value);
}

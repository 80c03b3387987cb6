using CrossEntropy.Interactive.Commands;
using CrossEntropy.Notebooks.Execution;

namespace CrossEntropy.Notebooks.Tests.Support;

/// <summary>Stands in for the #!cross-entropy command: records the lines and answers with a scripted result.</summary>
internal sealed class FakeCommandRunner(Func<string, IVariableResolver, CommandResult> answer) : IMagicCommandRunner
{
    public List<string> Lines { get; } = [];

    public CommandResult Run(string directiveLine, IVariableResolver resolver)
    {
        Lines.Add(directiveLine);
        return answer(directiveLine, resolver);
    }
}

using CrossEntropy.Interactive.Commands;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Forwards <c>#!cross-entropy</c> lines to <see cref="CrossEntropyCommand.Execute"/>, the code extension.dib
/// forwards to in the kernel, so a line accepted here is accepted there and vice versa.
/// </summary>
internal sealed class CrossEntropyCommandRunner : IMagicCommandRunner
{
    public CommandResult Run(string directiveLine, IVariableResolver resolver) => CrossEntropyCommand.Execute(directiveLine, resolver);
}

using CrossEntropy.Interactive.Commands;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>Forwards <c>#!cross-entropy</c> lines to the extension's command code (what extension.dib forwards to).</summary>
internal sealed class CrossEntropyCommandRunner : IMagicCommandRunner
{
    // TEMPORARY until the command branch lands: fails every line with a clear message.
    public CommandResult Run(string directiveLine, IVariableResolver resolver) =>
        CommandResult.Failure("the #!cross-entropy command is not built into this version of the runner yet.");
}

using CrossEntropy.Interactive.Commands;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>Runs one <c>#!cross-entropy …</c> line (the seam the tests replace with a fake).</summary>
internal interface IMagicCommandRunner
{
    /// <summary>Runs <paramref name="directiveLine"/>, reading notebook variables through <paramref name="resolver"/>.</summary>
    CommandResult Run(string directiveLine, IVariableResolver resolver);
}

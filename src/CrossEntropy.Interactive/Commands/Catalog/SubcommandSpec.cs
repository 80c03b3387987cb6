namespace CrossEntropy.Interactive.Commands.Catalog;

/// <summary>One subcommand of <c>#!cross-entropy</c>: its options, its usage line and a worked example.</summary>
/// <param name="Name">The subcommand as typed, e.g. <c>binary</c>. Case-sensitive, like the kernel.</param>
/// <param name="Summary">What it computes, in one line.</param>
/// <param name="Usage">The usage line printed after every error of this subcommand.</param>
/// <param name="Example">A complete line that runs, taken from the course's worked examples.</param>
/// <param name="Options">The options it accepts, in the order the usage line lists them.</param>
public sealed record SubcommandSpec(
    string Name,
    string Summary,
    string Usage,
    string Example,
    IReadOnlyList<OptionSpec> Options)
{
    /// <summary>The option named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public OptionSpec? FindOption(string name) => Options.FirstOrDefault(o => o.Name == name);
}

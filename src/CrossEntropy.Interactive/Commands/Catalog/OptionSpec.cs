namespace CrossEntropy.Interactive.Commands.Catalog;

/// <summary>What kind of value an option of <c>#!cross-entropy</c> takes; decides how its text is read.</summary>
public enum OptionKind
{
    /// <summary>No value: present means on (the kernel's <c>Flag = true</c>).</summary>
    Flag,

    /// <summary>One of a fixed set of words (see <see cref="OptionSpec.Choices"/>).</summary>
    Choice,

    /// <summary>A list of numbers, or the name of a C# number array/list.</summary>
    Numbers,

    /// <summary>Rows of numbers separated by <c>;</c>, or the name of a <c>double[,]</c> / jagged array.</summary>
    Rows,

    /// <summary>A list of names (or class indices), or the name of a string/int array.</summary>
    Names,

    /// <summary>Named lists <c>"A: 0.1 0.7; B: 0.8 0.6"</c>, or the name of a dictionary.</summary>
    Models,

    /// <summary>A single word (the topic of <c>help</c>).</summary>
    Word,
}

/// <summary>One option of a subcommand, as declared to the kernel and checked by our own parser.</summary>
/// <param name="Name">The option as typed, with its dashes, e.g. <c>--log-base</c>. Case-sensitive.</param>
/// <param name="Kind">What value it takes.</param>
/// <param name="Description">One line for completions and help.</param>
/// <param name="Choices">The accepted words for <see cref="OptionKind.Choice"/> (also offered as completions); empty otherwise.</param>
/// <param name="AllowImplicitName">True when a bare value after the subcommand binds to this option (the kernel's <c>AllowImplicitName</c>).</param>
public sealed record OptionSpec(
    string Name,
    OptionKind Kind,
    string Description,
    IReadOnlyList<string> Choices,
    bool AllowImplicitName = false)
{
    /// <summary>True when the option takes no value.</summary>
    public bool IsFlag => Kind == OptionKind.Flag;

    /// <summary>The C# property name the kernel binds this option to (<c>--log-base</c> → <c>LogBase</c>).</summary>
    public string PropertyName => string.Concat(Name.TrimStart('-').Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}

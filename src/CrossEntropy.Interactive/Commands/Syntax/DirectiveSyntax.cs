using System.Collections.Immutable;

namespace CrossEntropy.Interactive.Commands.Syntax;

/// <summary>How a value was written on the line, which decides whether it may name a C# variable.</summary>
public enum ValueStyle
{
    /// <summary>A bare word such as <c>probs</c> or <c>1,0,1</c>: a C# identifier here names a variable.</summary>
    Plain,

    /// <summary>Inside double quotes: always literal text, never a variable name.</summary>
    Quoted,
}

/// <summary>One option or bare value after the subcommand.</summary>
/// <param name="Name">The option name with its dashes (<c>--labels</c>), or null for a bare value.</param>
/// <param name="Value">The value with quotes removed; null for a flag or an option given no value.</param>
/// <param name="Style">How the value was written.</param>
/// <param name="Column">Zero-based position of the argument on the line (for messages).</param>
public sealed record DirectiveArgument(string? Name, string? Value, ValueStyle Style, int Column);

/// <summary>A tokenized <c>#!cross-entropy</c> line: the subcommand (null for the bare directive) and its arguments in order.</summary>
/// <param name="Subcommand">The subcommand name, or null when the line is just the directive.</param>
/// <param name="Arguments">Options and bare values in the order written.</param>
public sealed record DirectiveSyntax(string? Subcommand, ImmutableArray<DirectiveArgument> Arguments);

namespace CrossEntropy.Interactive.Commands.Values;

/// <summary>What is wrong with a value and how to fix it; the caller adds the subcommand and usage line.</summary>
internal sealed record Problem(string What, string Hint);

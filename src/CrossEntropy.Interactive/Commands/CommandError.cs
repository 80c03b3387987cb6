namespace CrossEntropy.Interactive.Commands;

/// <summary>
/// Builds the one-line error every malformed <c>#!cross-entropy</c> line gets: what is wrong, how to fix
/// it, and the usage line, so the reader can correct the line without opening the help.
/// </summary>
internal static class CommandError
{
    /// <summary>
    /// <c>#!cross-entropy binary: --labels has 3 values but --probabilities has 4. Hint: … Usage: …</c>
    /// </summary>
    public static string Format(string? subcommand, string problem, string hint, string usage)
    {
        var where = subcommand is null ? Catalog.CommandCatalog.DirectiveName : $"{Catalog.CommandCatalog.DirectiveName} {subcommand}";
        return OneLine($"{where}: {Capitalize(EndSentence(problem))} Hint: {Capitalize(EndSentence(hint))} Usage: {usage}");
    }

    /// <summary>Echoes a piece of the user's line in a message: quoted, shortened when long.</summary>
    public static string Show(string text)
    {
        const int max = 40;
        var shown = text.Length <= max ? text : text[..max] + "…";
        return $"'{shown}'";
    }

    /// <summary>"1 value", "3 values": counts in messages read as English.</summary>
    public static string Count(int n, string noun, string? plural = null) => n == 1 ? $"1 {noun}" : $"{n} {plural ?? noun + "s"}";

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string EndSentence(string text)
    {
        text = text.Trim();
        // A closing parenthesis ends the sentence only after its own stop ("… (see help.)"); "… (DNI106)" still needs one.
        var last = text.Length > 1 && text[^1] == ')' ? text[^2] : text.Length > 0 ? text[^1] : ' ';
        return last is '.' or '?' or '!' ? text : text + ".";
    }

    // Values echoed back from the user's line must not break the message onto several lines.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ').Replace('\v', ' ');
}

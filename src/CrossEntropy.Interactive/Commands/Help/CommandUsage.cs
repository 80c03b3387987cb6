using System.Text;
using CrossEntropy.Interactive.Commands.Catalog;

namespace CrossEntropy.Interactive.Commands.Help;

/// <summary>
/// The usage text <c>#!cross-entropy</c>, <c>#!cross-entropy help</c> and <c>… --help</c> show: per
/// subcommand what it computes, its usage line and a worked example, plus how values are written.
/// </summary>
/// <param name="Subcommands">The subcommands explained (all of them, or the one asked about).</param>
/// <param name="Detailed">True to list every option with its description (help for one subcommand).</param>
public sealed record CommandUsage(IReadOnlyList<SubcommandSpec> Subcommands, bool Detailed)
{
    /// <summary>How option values are written, shown under the list of subcommands.</summary>
    public const string ValueRules =
        "Values: lists in double quotes, separated by spaces or commas (\"1 0 1\" or \"1,0,1\"); rows separated by ';'; " +
        "an unquoted name (probs) reads the C# variable of that name; single quotes and [brackets] are not list syntax.";

    /// <summary>Usage of every subcommand, one example each.</summary>
    public static CommandUsage All() => new(CommandCatalog.Subcommands, Detailed: false);

    /// <summary>Usage of one subcommand, with its options.</summary>
    public static CommandUsage For(SubcommandSpec subcommand) => new([subcommand], Detailed: true);

    /// <summary>The usage as plain text, one block per subcommand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Detailed
            ? $"{CommandCatalog.DirectiveName} {Subcommands[0].Name}: {Subcommands[0].Summary}"
            : $"{CommandCatalog.DirectiveName}: cross-entropy tables and charts. Subcommands:");
        foreach (var sub in Subcommands)
        {
            if (!Detailed)
                text.AppendLine().AppendLine($"{sub.Name}: {sub.Summary}");
            text.AppendLine($"  usage:   {sub.Usage}");
            text.AppendLine($"  example: {sub.Example}");
            if (Detailed)
            {
                foreach (var option in sub.Options)
                    text.AppendLine($"  {option.Name,-16} {option.Description}");
            }
        }

        text.AppendLine().Append(ValueRules);
        return text.ToString();
    }
}

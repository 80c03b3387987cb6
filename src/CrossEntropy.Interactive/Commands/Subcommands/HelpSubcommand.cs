using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Commands.Help;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands.Subcommands;

/// <summary><c>#!cross-entropy help [subcommand]</c>: usage of all subcommands, or of one.</summary>
internal static class HelpSubcommand
{
    public static CommandResult Run(OptionSet options)
    {
        var topic = options.Word("--topic");
        if (topic is null)
            return CommandResult.Success(CommandUsage.All());
        if (CommandCatalog.Find(topic) is { } subcommand)
            return CommandResult.Success(CommandUsage.For(subcommand));

        var caseFix = CommandCatalog.Subcommands.FirstOrDefault(s => string.Equals(s.Name, topic, StringComparison.OrdinalIgnoreCase));
        return CommandResult.Failure(options.Error($"there is no subcommand {CommandError.Show(topic)} to explain",
            caseFix is not null ? $"subcommands are case-sensitive: {CommandCatalog.DirectiveName} help {caseFix.Name}"
                : $"ask about one of {string.Join(", ", CommandCatalog.Subcommands.Where(s => s.Name != "help").Select(s => s.Name))}"));
    }
}

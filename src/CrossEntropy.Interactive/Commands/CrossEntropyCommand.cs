using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Commands.Help;
using CrossEntropy.Interactive.Commands.Subcommands;
using CrossEntropy.Interactive.Commands.Syntax;
using CrossEntropy.Interactive.Commands.Values;

namespace CrossEntropy.Interactive.Commands;

/// <summary>
/// The <c>#!cross-entropy</c> magic command as plain C#: raw line → tokens → a validated request → the
/// library → report and chart values. The kernel (through extension.dib) and the headless runner both
/// call <see cref="Execute"/> with the raw line, so both accept and reject exactly the same lines.
/// </summary>
/// <remarks>
/// Subcommands: <c>binary</c>, <c>categorical</c>, <c>softmax</c>, <c>sigmoid</c>, <c>compare</c>,
/// <c>entropy</c>, <c>curve</c>, <c>help</c>; the bare directive shows the usage. The grammar of a line is
/// written down on <see cref="DirectiveTokenizer"/>; subcommands and options on <see cref="CommandCatalog"/>.
/// </remarks>
public static class CrossEntropyCommand
{
    /// <summary>
    /// Runs one <c>#!cross-entropy</c> line. Never throws: a malformed line, a bad value, an unknown
    /// variable or a failure inside the library all come back as <see cref="CommandResult.Error"/>, one
    /// line with the problem, a hint and the subcommand's usage.
    /// </summary>
    /// <param name="directiveLine">The raw line, e.g. <c>#!cross-entropy binary --labels "1 0" --probabilities "0.9 0.2"</c>.</param>
    /// <param name="resolver">Reads notebook variables named by unquoted values; null knows no variables.</param>
    public static CommandResult Execute(string directiveLine, IVariableResolver? resolver = null)
    {
        SubcommandSpec? spec = null;
        try
        {
            if (!DirectiveTokenizer.TryTokenize(directiveLine, out var syntax, out var error))
                return CommandResult.Failure(error);
            if (syntax.Subcommand is null)
                return CommandResult.Success(CommandUsage.All());

            spec = CommandCatalog.Find(syntax.Subcommand)!;
            if (!OptionSet.TryCreate(syntax, spec, resolver ?? VariableResolver.None, out var options, out error))
                return CommandResult.Failure(error);
            if (spec.Name != "help" && options.Has("--help"))
                return CommandResult.Success(CommandUsage.For(spec));

            return Run(spec.Name, options);
        }
        catch (Exception e)
        {
            // The library validates its inputs too; its one-line message is the most precise explanation.
            var usage = spec?.Usage ?? CommandCatalog.DirectiveUsage;
            var problem = e is ArgumentException ? e.Message : $"unexpected {e.GetType().Name}: {e.Message}";
            return CommandResult.Failure(CommandError.Format(spec?.Name, problem, "check the values against the usage line", usage));
        }
    }

    /// <summary>
    /// Runs the next <c>#!cross-entropy</c> line of a notebook cell: what extension.dib calls, because the kernel
    /// gives a directive handler the whole cell rather than its own line (see <see cref="CellDirectiveCursor"/>).
    /// </summary>
    /// <param name="cell">The object identifying this run of the cell (the kernel's parent <c>SubmitCode</c>), or null.</param>
    /// <param name="cellCode">The cell's text, or null when the command did not come from a cell.</param>
    /// <param name="resolver">Reads notebook variables named by unquoted values.</param>
    public static CommandResult ExecuteInCell(object? cell, string? cellCode, IVariableResolver? resolver = null)
    {
        if (cell is null || cellCode is null)
        {
            return CommandResult.Failure(CommandError.Format(null, "the command did not come from a notebook cell, so its line cannot be read",
                "type the #!cross-entropy line in a cell", CommandCatalog.DirectiveUsage));
        }

        var line = CellDirectiveCursor.Next(cell, cellCode);
        return line is null
            ? CommandResult.Failure(CommandError.Format(null, "the cell has no #!cross-entropy line at column 0 for this command",
                $"start the line with {CommandCatalog.DirectiveName}, not indented", CommandCatalog.DirectiveUsage))
            : Execute(line, resolver);
    }

    private static CommandResult Run(string subcommand, OptionSet options) => subcommand switch
    {
        "binary" => BinarySubcommand.TryBind(options, out var binary, out var error) ? BinarySubcommand.Run(binary!) : CommandResult.Failure(error!),
        "categorical" => CategoricalSubcommand.TryBind(options, out var categorical, out var error) ? CategoricalSubcommand.Run(categorical!) : CommandResult.Failure(error!),
        "softmax" => SoftmaxSubcommand.TryBind(options, out var softmax, out var error) ? SoftmaxSubcommand.Run(softmax!) : CommandResult.Failure(error!),
        "sigmoid" => SigmoidSubcommand.TryBind(options, out var sigmoid, out var error) ? SigmoidSubcommand.Run(sigmoid!) : CommandResult.Failure(error!),
        "compare" => CompareSubcommand.TryBind(options, out var compare, out var error) ? CompareSubcommand.Run(compare!) : CommandResult.Failure(error!),
        "entropy" => EntropySubcommand.TryBind(options, out var entropy, out var error) ? EntropySubcommand.Run(entropy!) : CommandResult.Failure(error!),
        "curve" => CurveSubcommand.TryBind(options, out var curve, out var error) ? CurveSubcommand.Run(curve!) : CommandResult.Failure(error!),
        "help" => HelpSubcommand.Run(options),
        _ => CommandResult.Failure(options.Error($"subcommand {subcommand} is declared but not implemented", "report this as a bug")),
    };
}

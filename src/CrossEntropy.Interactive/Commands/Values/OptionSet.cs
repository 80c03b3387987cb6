using System.Diagnostics.CodeAnalysis;
using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Commands.Syntax;

namespace CrossEntropy.Interactive.Commands.Values;

/// <summary>
/// The options of one tokenized line, checked against its subcommand (the checks the kernel skips:
/// unknown and repeated options, missing values, stray bare values), with typed readers that take
/// either literal text or the name of a notebook variable.
/// </summary>
internal sealed class OptionSet
{
    private readonly Dictionary<string, DirectiveArgument> _byName;
    private readonly IVariableResolver _resolver;

    private OptionSet(SubcommandSpec spec, Dictionary<string, DirectiveArgument> byName, IVariableResolver resolver)
    {
        Spec = spec;
        _byName = byName;
        _resolver = resolver;
    }

    public SubcommandSpec Spec { get; }

    public static bool TryCreate(DirectiveSyntax syntax, SubcommandSpec spec, IVariableResolver resolver,
        [NotNullWhen(true)] out OptionSet? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        error = null;
        var byName = new Dictionary<string, DirectiveArgument>(StringComparer.Ordinal);
        DirectiveArgument? previous = null;
        foreach (var argument in syntax.Arguments)
        {
            if (argument.Name is null)
            {
                var implicitOption = spec.Options.FirstOrDefault(o => o.AllowImplicitName);
                if (implicitOption is null || byName.ContainsKey(implicitOption.Name))
                {
                    error = Format(spec, implicitOption is null
                        ? StrayValueProblem(spec, argument, previous)
                        : new Problem($"{CommandError.Show(argument.Value ?? string.Empty)} is a second {implicitOption.Name.TrimStart('-')}", $"{spec.Name} takes one {implicitOption.Name.TrimStart('-')} at a time"));
                    return false;
                }

                byName[implicitOption.Name] = argument with { Name = implicitOption.Name };
                previous = argument;
                continue;
            }

            var option = spec.FindOption(argument.Name);
            if (option is null)
            {
                error = Format(spec, UnknownOptionProblem(spec, argument.Name));
                return false;
            }

            if (!byName.TryAdd(option.Name, argument))
            {
                error = Format(spec, new Problem($"{option.Name} is given twice (the kernel would silently drop both)", $"give {option.Name} once"));
                return false;
            }

            if (!option.IsFlag && argument.Value is null)
            {
                error = Format(spec, new Problem($"{option.Name} has no value", MissingValueHint(spec, option)));
                return false;
            }

            previous = argument;
        }

        options = new OptionSet(spec, byName, resolver);
        return true;
    }

    public bool Has(string name) => _byName.ContainsKey(name);

    public string Error(string problem, string hint) => Format(Spec, new Problem(problem, hint));

    public string Error(Problem problem) => Format(Spec, problem);

    /// <summary>The chosen word of a <see cref="OptionKind.Choice"/> option, or <paramref name="fallback"/> when absent.</summary>
    public bool TryChoice(string name, string fallback, out string choice, out string? error)
    {
        error = null;
        choice = fallback;
        if (!_byName.TryGetValue(name, out var argument))
            return true;
        var spec = Spec.FindOption(name)!;
        var text = argument.Value!.Trim();
        if (spec.Choices.Contains(text, StringComparer.Ordinal))
        {
            choice = text;
            return true;
        }

        var alternatives = string.Join(", ", spec.Choices);
        var caseFix = spec.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        error = Error($"{name} {CommandError.Show(argument.Value!)} is not one of {alternatives}",
            caseFix is not null ? $"write {name} {caseFix} (lower case)" : $"write {name} {spec.Choices[0]}, for instance");
        return false;
    }

    public bool TryNumbers(string name, out double[]? values, out string? error) =>
        TryRead(name, out values, out error, ListText.ParseNumbers, VariableValues.ToNumbers, static v => v.Length == 0);

    public bool TryRows(string name, out double[][]? rows, out string? error) =>
        TryRead(name, out rows, out error, ListText.ParseRows, VariableValues.ToRows, static r => r.Length == 0 || r[0].Length == 0);

    public bool TryNames(string name, out string[]? names, out string? error) =>
        TryRead(name, out names, out error, ListText.ParseNames, VariableValues.ToNames, static n => n.Length == 0);

    public bool TryModels(string name, out List<(string Name, double[] Values)>? models, out string? error) =>
        TryRead(name, out models, out error, ListText.ParseModels, VariableValues.ToModels, static m => m.Count == 0);

    /// <summary>The trimmed value of a <see cref="OptionKind.Word"/> option, or null when absent.</summary>
    public string? Word(string name) => _byName.TryGetValue(name, out var argument) ? argument.Value!.Trim() : null;

    private delegate Problem? TextReader<T>(string text, string what, out T value);

    private delegate Problem? VariableReader<T>(object? value, string variable, string what, out T result);

    // Absent → true with null. Present → literal text, or (unquoted identifier) the notebook variable.
    private bool TryRead<T>(string name, out T? value, out string? error, TextReader<T> fromText, VariableReader<T> fromVariable, Func<T, bool> isEmpty)
        where T : class
    {
        value = null;
        error = null;
        if (!_byName.TryGetValue(name, out var argument))
            return true;

        var text = argument.Value!;
        Problem? problem;
        T read;
        if (argument.Style == ValueStyle.Plain && IsIdentifier(text))
        {
            if (!TryResolve(text, out var variable, out problem))
            {
                error = Error(problem!);
                return false;
            }

            problem = fromVariable(variable, text, name, out read);
        }
        else
        {
            problem = fromText(text, name, out read);
        }

        if (problem is not null)
        {
            error = Error(problem);
            return false;
        }

        if (isEmpty(read))
        {
            error = Error($"{name} is empty", MissingValueHint(Spec, Spec.FindOption(name)!));
            return false;
        }

        value = read;
        return true;
    }

    private bool TryResolve(string name, out object? value, out Problem? problem)
    {
        problem = null;
        value = null;
        try
        {
            if (_resolver.TryResolve(name, out value))
                return true;
        }
        catch (Exception e)
        {
            problem = new Problem($"reading variable {name} failed: {e.GetType().Name}: {e.Message}", "check that the variable is defined in a C# cell that ran before this line");
            return false;
        }

        problem = new Problem($"unknown variable {name}",
            $"define {name} in a C# cell that runs before this line, or put literal text in double quotes (\"{name}\")");
        return false;
    }

    /// <summary>A C# identifier: what an unquoted value must look like to name a variable.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            return false;
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
                return false;
        }

        return true;
    }

    private static string Format(SubcommandSpec spec, Problem problem) => CommandError.Format(spec.Name, problem.What, problem.Hint, spec.Usage);

    private static string MissingValueHint(SubcommandSpec spec, OptionSpec option)
    {
        // The subcommand's worked example shows a real value for most options.
        if (DirectiveTokenizer.TryTokenize(spec.Example, out var example, out _)
            && example!.Arguments.FirstOrDefault(a => a.Name == option.Name && a.Value is not null) is { } shown)
        {
            var value = shown.Style == ValueStyle.Quoted ? $"\"{shown.Value}\"" : shown.Value;
            return $"{option.Description} For example: {option.Name} {value}";
        }

        var fallback = option.Kind switch
        {
            OptionKind.Numbers => "\"0.8 0.4 0.7\"",
            OptionKind.Rows => "\"0.7 0.2 0.1; 0.3 0.4 0.3\"",
            OptionKind.Names => "\"orange apple lemon\"",
            OptionKind.Models => "\"A: 0.1 0.7; B: 0.8 0.6\"",
            OptionKind.Choice => option.Choices[0],
            _ => "binary",
        };
        return $"{option.Description} For example: {option.Name} {fallback}";
    }

    private static Problem UnknownOptionProblem(SubcommandSpec spec, string name)
    {
        var known = string.Join(" ", spec.Options.Select(o => o.Name));
        if (name.Length > 1 && name[0] == '-' && (char.IsDigit(name[1]) || name[1] == '.'))
            return new Problem($"{CommandError.Show(name)} reads as an option, not a negative number (a value after the first must be quoted)",
                "quote the whole list: --scores \"2 1 -1\"");
        var caseFix = spec.Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        if (caseFix is not null)
            return new Problem($"unknown option {CommandError.Show(name)}", $"option names are case-sensitive: write {caseFix.Name}");
        if (!name.StartsWith("--", StringComparison.Ordinal) && spec.FindOption("-" + name) is { } dashed)
            return new Problem($"unknown option {CommandError.Show(name)}", $"options start with two dashes: {dashed.Name}");
        var close = spec.Options.OrderBy(o => Distance(o.Name, name)).First();
        var suggestion = Distance(close.Name, name) <= 3 ? $"did you mean {close.Name}? " : string.Empty;
        return new Problem($"unknown option {CommandError.Show(name)} for {spec.Name} (the kernel would silently ignore it)",
            $"{suggestion}{spec.Name} takes {known}");
    }

    private static Problem StrayValueProblem(SubcommandSpec spec, DirectiveArgument stray, DirectiveArgument? previous)
    {
        var shown = CommandError.Show(stray.Value ?? string.Empty);
        if (previous is { Name: { } flag } && spec.FindOption(flag) is { IsFlag: true })
            return new Problem($"{shown} follows {flag}, which takes no value (the kernel would drop it)", $"remove {shown}, or put the option it belongs to before it");
        if (previous is { Name: not null, Value: not null, Style: ValueStyle.Plain })
            return new Problem($"{shown} is a second value after {previous.Name} (the kernel would drop it)",
                $"quote a list to keep it together: {previous.Name} \"{previous.Value} {stray.Value}\"");
        return new Problem($"{shown} is a value with no option name (the kernel would drop it)", $"name the option it belongs to, e.g. --labels {shown.Trim('\'')}");
    }

    // Levenshtein distance, for "did you mean" suggestions on short option names.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

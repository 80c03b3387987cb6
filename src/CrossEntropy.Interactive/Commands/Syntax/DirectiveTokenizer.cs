using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CrossEntropy.Interactive.Commands.Catalog;

namespace CrossEntropy.Interactive.Commands.Syntax;

/// <summary>
/// Splits a raw <c>#!cross-entropy</c> line into its subcommand and arguments, accepting exactly the lines
/// the final .NET Interactive directive parser binds cleanly, so that a notebook the headless runner
/// accepts also runs in the kernel, and a line the kernel would reject, drop or garble fails here too,
/// with a reason.
/// </summary>
/// <remarks>
/// <para>The grammar (blank = space or tab; names are case-sensitive):</para>
/// <code>
/// line        := "#!cross-entropy" [ blank+ subcommand { blank+ argument } ] blank*     the line starts at column 0
/// subcommand  := binary | categorical | softmax | sigmoid | compare | entropy | curve | help
/// argument    := flag | option [ blank+ value ] | value
/// flag        := --chart | --help              never takes a value
/// option      := "-" { non-blank }             "--labels"; unknown ones are reported by the parser
/// value       := quoted | plain                a value right after an option may not start with "--"
/// quoted      := '"' { char except '"' '\' tab } '"'     quotes removed, spaces kept; a blank or the end must follow
/// plain       := { non-blank except '"' ''' }  not starting with [ { @ ; unquoted 1,0,1 is the text "1,0,1"
/// </code>
/// <para>Why each rejection (what the kernel would do instead):</para>
/// <list type="bullet">
/// <item>Leading blanks: the kernel only sees a directive at column 0; indented, the line is C# code.</item>
/// <item>Text glued to the directive name (<c>#!cross-entropyX</c>): another directive (DNI101).</item>
/// <item>An option before the subcommand: DNI107 (parameters must follow the subcommand), or DNI103 for
/// <c>#!cross-entropy --help</c>, which the kernel has no built-in handling for: use <c>help</c>.</item>
/// <item>An unknown or wrongly cased subcommand: the kernel silently runs the bare directive instead.</item>
/// <item>Single quotes: not quotes for the kernel; <c>'1 0 1'</c> becomes three separate values.</item>
/// <item>A backslash inside double quotes: <c>\"</c> silently breaks the parsing of the rest of the line and
/// other escapes are decoded as JSON; a tab inside quotes is invalid JSON. None is needed for numbers or names.</item>
/// <item>An unterminated quote, or text glued after a closing quote (read as a separate value and dropped).</item>
/// <item>An unquoted <c>[0.8,0.4]</c> or <c>{…}</c>: parsed as JSON, which cannot bind to the string
/// parameters (DNI106). Write <c>"0.8 0.4"</c>.</item>
/// <item><c>@csharp:x</c>: the kernel passes <c>x.ToString()</c> (<c>"System.Double[]"</c>); write the bare
/// variable name <c>x</c> instead and the command reads the variable itself.</item>
/// <item>A double quote inside an unquoted value, or <c>--name=value</c>: garbled or ignored by the kernel.</item>
/// </list>
/// <para>Left to <see cref="CrossEntropyCommand"/>'s parser, because the kernel silently ignores them:
/// unknown options, repeated options (the kernel binds null), options missing their value, and bare
/// values (only <c>help</c>'s topic may be bare).</para>
/// </remarks>
public static class DirectiveTokenizer
{
    /// <summary>
    /// True when <paramref name="line"/> is a <c>#!cross-entropy</c> directive as the kernel sees one:
    /// at column 0, followed by a blank, a line break or the end.
    /// </summary>
    public static bool IsDirectiveLine(string? line)
    {
        if (line is null || !line.StartsWith(CommandCatalog.DirectiveName, StringComparison.Ordinal))
            return false;
        var rest = line.AsSpan(CommandCatalog.DirectiveName.Length);
        return rest.IsEmpty || rest[0] is ' ' or '\t' or '\r' or '\n';
    }

    /// <summary>
    /// Tokenizes one raw line. On failure <paramref name="error"/> is a one-line message with the problem,
    /// a hint and the usage line, and <paramref name="syntax"/> is null. Never throws.
    /// </summary>
    public static bool TryTokenize(string? line, [NotNullWhen(true)] out DirectiveSyntax? syntax, [NotNullWhen(false)] out string? error)
    {
        syntax = null;
        error = null;
        var reader = new LineReader(line ?? string.Empty);
        return reader.Read(out syntax, out error);
    }

    private sealed class LineReader(string text)
    {
        private readonly string _text = TrimLineEnd(text);
        private int _pos;
        private SubcommandSpec? _subcommand;

        public bool Read(out DirectiveSyntax? syntax, out string? error)
        {
            syntax = null;
            if (!ReadDirectiveName(out error))
                return false;

            SkipBlanks();
            if (AtEnd)
            {
                syntax = new DirectiveSyntax(null, []);
                return true;
            }

            if (!ReadSubcommand(out error))
                return false;

            var arguments = ImmutableArray.CreateBuilder<DirectiveArgument>();
            var scopedIsFlag = false; // the kernel remembers whether the last *known* option was a flag
            while (true)
            {
                var hadBlank = SkipBlanks();
                if (AtEnd)
                    break;
                if (!hadBlank)
                    return Fail("Text is glued to the previous value", "separate options and values with a space", out error);

                var column = _pos;
                if (Current == '-')
                {
                    if (!ReadOptionName(out var name, out error))
                        return false;
                    var spec = _subcommand!.FindOption(name);
                    if (spec is not null)
                        scopedIsFlag = spec.IsFlag;
                    if (spec?.IsFlag == true || (spec is null && scopedIsFlag))
                    {
                        arguments.Add(new DirectiveArgument(name, null, ValueStyle.Plain, column));
                        continue;
                    }

                    var afterName = _pos;
                    SkipBlanks();
                    if (AtEnd || StartsWith("--"))
                    {
                        _pos = afterName;
                        arguments.Add(new DirectiveArgument(name, null, ValueStyle.Plain, column));
                        continue;
                    }

                    if (!ReadValue(name, out var value, out var style, out error))
                        return false;
                    arguments.Add(new DirectiveArgument(name, value, style, column));
                }
                else
                {
                    if (!ReadValue(null, out var value, out var style, out error))
                        return false;
                    arguments.Add(new DirectiveArgument(null, value, style, column));
                }
            }

            syntax = new DirectiveSyntax(_subcommand!.Name, arguments.ToImmutable());
            error = null;
            return true;
        }

        private bool ReadDirectiveName(out string? error)
        {
            error = null;
            foreach (var c in _text)
            {
                if (c is '\n' or '\r' or '\v')
                    return Fail("The line contains a line break", "pass one #!cross-entropy line at a time", out error);
            }

            var name = CommandCatalog.DirectiveName;
            if (!_text.StartsWith(name, StringComparison.Ordinal))
            {
                if (_text.TrimStart(' ', '\t').StartsWith(name, StringComparison.Ordinal))
                    return Fail($"{name} is indented", $"start the line with {name} at column 0; the kernel reads an indented line as C# code", out error);
                return Fail($"The line does not start with {name}", $"begin the line with {name}", out error);
            }

            _pos = name.Length;
            if (!AtEnd && !IsBlank(Current))
            {
                var word = name + ReadToBlank();
                return Fail($"Unknown directive {CommandError.Show(word)}", $"put a space after {name}, then the subcommand", out error);
            }

            return true;
        }

        private bool ReadSubcommand(out string? error)
        {
            error = null;
            var column = _pos;
            if (Current == '-')
            {
                var option = ReadToBlank();
                return option == "--help"
                    ? Fail($"{CommandCatalog.DirectiveName} --help is rejected by the kernel (DNI103: it has no built-in --help)",
                        $"write {CommandCatalog.DirectiveName} help, or {CommandCatalog.DirectiveName} help <subcommand>", out error)
                    : Fail($"The option {CommandError.Show(option)} comes before the subcommand (the kernel rejects this: DNI107)",
                        "write the subcommand first, e.g. #!cross-entropy binary --labels \"1 0\" --probabilities \"0.3 0.2\"", out error);
            }

            var word = ReadToBlank();
            _subcommand = CommandCatalog.Find(word);
            if (_subcommand is not null)
                return true;

            var caseInsensitive = CommandCatalog.Subcommands.FirstOrDefault(s => string.Equals(s.Name, word, StringComparison.OrdinalIgnoreCase));
            var names = string.Join(", ", CommandCatalog.Subcommands.Select(s => s.Name));
            var hint = caseInsensitive is not null
                ? $"subcommands are case-sensitive: write {caseInsensitive.Name}"
                : $"use one of {names}";
            return Fail($"Unknown subcommand {CommandError.Show(word)} at column {column + 1}", hint, out error);
        }

        private bool ReadOptionName(out string name, out string? error)
        {
            error = null;
            name = ReadToBlank();
            if (name.Contains('='))
            {
                var bare = name[..name.IndexOf('=')];
                return Fail($"{CommandError.Show(name)} uses '='", $"separate the option and its value with a space: {bare} \"…\"", out error);
            }

            if (name.Contains('"') || name.Contains('\''))
                return Fail($"The option {CommandError.Show(name)} contains a quote", "put a space between the option and its quoted value", out error);
            return true;
        }

        private bool ReadValue(string? option, out string value, out ValueStyle style, out string? error)
        {
            value = string.Empty;
            style = ValueStyle.Plain;
            error = null;
            var subject = option is null ? "A value" : $"The value of {option}";
            switch (Current)
            {
                case '"':
                    style = ValueStyle.Quoted;
                    return ReadQuoted(subject, out value, out error);
                case '\'':
                    return Fail($"{subject} uses single quotes, which the kernel does not treat as quotes (it would split the value at each space)",
                        "use double quotes: \"1 0 1\"", out error);
                case '[' or '{':
                    var json = ReadToBlank();
                    return Fail($"{subject} {CommandError.Show(json)} is an unquoted JSON {(json[0] == '[' ? "array" : "object")}, which the kernel cannot bind to this option (DNI106)",
                        "write the list in double quotes, separated by spaces or commas: \"0.8 0.4 0.7\"", out error);
                case '@':
                    var expression = ReadToBlank();
                    var variable = expression.Contains(':') ? expression[(expression.IndexOf(':') + 1)..] : expression.TrimStart('@');
                    return Fail($"{subject} {CommandError.Show(expression)} is a kernel value reference, which arrives as text like \"System.Double[]\"",
                        $"write the variable name alone (e.g. {(variable.Length > 0 ? variable : "probs")}) and the command reads the variable itself", out error);
            }

            value = ReadToBlank();
            if (value.Contains('"'))
                return Fail($"{subject} {CommandError.Show(value)} has a double quote inside an unquoted value", "quote the whole value: \"1 0 1\"", out error);
            if (value.Contains('\''))
                return Fail($"{subject} {CommandError.Show(value)} contains a single quote, which the kernel does not treat as a quote",
                    "use double quotes around the whole value", out error);
            return true;
        }

        private bool ReadQuoted(string subject, out string value, out string? error)
        {
            value = string.Empty;
            error = null;
            var start = ++_pos;
            while (!AtEnd && Current != '"')
            {
                if (Current == '\\')
                    return Fail($"{subject} contains a backslash; the kernel reads \\\" and other escapes differently (an escaped quote breaks the rest of the line)",
                        "remove the backslash: values are numbers and names, and need no escapes", out error);
                if (Current == '\t')
                    return Fail($"{subject} contains a tab inside quotes, which the kernel rejects", "use spaces between values", out error);
                _pos++;
            }

            if (AtEnd)
                return Fail($"{subject} opens a double quote that is never closed", "close the quote: \"1 0 1\"", out error);

            value = _text[start.._pos];
            _pos++;
            if (!AtEnd && !IsBlank(Current))
                return Fail($"Text {CommandError.Show(ReadToBlank())} is glued to the closing quote of \"{value}\"",
                    "put a space after the closing quote", out error);
            return true;
        }

        private bool Fail(string problem, string hint, out string? error)
        {
            var usage = _subcommand?.Usage ?? CommandCatalog.DirectiveUsage;
            error = CommandError.Format(_subcommand?.Name, problem, hint, usage);
            return false;
        }

        private bool AtEnd => _pos >= _text.Length;

        private char Current => _text[_pos];

        private bool StartsWith(string prefix) => string.CompareOrdinal(_text, _pos, prefix, 0, prefix.Length) == 0;

        private static bool IsBlank(char c) => c is ' ' or '\t';

        private bool SkipBlanks()
        {
            var start = _pos;
            while (!AtEnd && IsBlank(Current))
                _pos++;
            return _pos > start;
        }

        private string ReadToBlank()
        {
            var start = _pos;
            while (!AtEnd && !IsBlank(Current))
                _pos++;
            return _text[start.._pos];
        }

        private static string TrimLineEnd(string line) =>
            line.EndsWith("\r\n", StringComparison.Ordinal) ? line[..^2]
            : line.EndsWith('\n') || line.EndsWith('\r') ? line[..^1]
            : line;
    }
}

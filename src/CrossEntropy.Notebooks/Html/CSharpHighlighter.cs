using System.Net;
using System.Text;

namespace CrossEntropy.Notebooks.Html;

/// <summary>
/// A small C# tokenizer for the exported pages: wraps keywords, strings, comments, numbers and
/// directive lines (<c>#!cross-entropy</c>, <c>#r</c>) in spans the site's stylesheet colours.
/// It only has to look right for notebook cells, not to parse C#.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "init", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "record", "ref", "required", "return",
        "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw",
        "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void",
        "volatile", "when", "where", "while", "with", "yield",
    };

    /// <summary>Returns HTML (escaped text with <c>span class="tok-…"</c>) for <paramref name="code"/>.</summary>
    public static string Highlight(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var html = new StringBuilder(code.Length * 2);
        var i = 0;
        var lineStart = true;
        while (i < code.Length)
        {
            var c = code[i];
            if (lineStart && c == '#')
            {
                i = Emit(html, "tok-directive", code, i, IndexOrEnd(code, '\n', i));
                continue;
            }

            if (c == '\n')
            {
                html.Append('\n');
                i++;
                lineStart = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                html.Append(c);
                i++;
                continue;
            }

            lineStart = false;
            if (c == '/' && Peek(code, i + 1) == '/')
            {
                i = Emit(html, "tok-comment", code, i, IndexOrEnd(code, '\n', i));
            }
            else if (c == '/' && Peek(code, i + 1) == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Emit(html, "tok-comment", code, i, end < 0 ? code.Length : end + 2);
            }
            else if (c == '"' || c == '\'' || ((c == '$' || c == '@') && (Peek(code, i + 1) is '"' or '$' or '@')))
            {
                i = Emit(html, "tok-string", code, i, StringEnd(code, i));
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(code, i + 1))))
            {
                var end = i;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] is '.' or '_'))
                {
                    end++;
                }

                i = Emit(html, "tok-number", code, i, end);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                var word = code[i..end];
                if (s_keywords.Contains(word))
                {
                    i = Emit(html, "tok-keyword", code, i, end);
                }
                else if (char.IsUpper(word[0]))
                {
                    i = Emit(html, "tok-type", code, i, end);
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(word));
                    i = end;
                }
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }

        return html.ToString();
    }

    private static char Peek(string code, int index) => index < code.Length ? code[index] : '\0';

    private static int IndexOrEnd(string code, char c, int from)
    {
        var index = code.IndexOf(c, from);
        return index < 0 ? code.Length : index;
    }

    // Finds the end of a string or char literal: "…", '…', @"…" ("" escapes), $"…", $@"…", """raw""".
    private static int StringEnd(string code, int start)
    {
        var i = start;
        var verbatim = false;
        while (i < code.Length && code[i] is '$' or '@')
        {
            verbatim |= code[i] == '@';
            i++;
        }

        var quote = code[i];
        var run = 0;
        while (i + run < code.Length && code[i + run] == quote)
        {
            run++;
        }

        if (quote == '"' && run >= 3)
        {
            var close = code.IndexOf(new string('"', run), i + run, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + run;
        }

        i++;
        while (i < code.Length)
        {
            var c = code[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (verbatim && Peek(code, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (c == '\n' && !verbatim)
            {
                return i;
            }

            i++;
        }

        return code.Length;
    }

    private static int Emit(StringBuilder html, string cssClass, string code, int start, int end)
    {
        html.Append("<span class=\"").Append(cssClass).Append("\">")
            .Append(WebUtility.HtmlEncode(code[start..end]))
            .Append("</span>");
        return end;
    }
}

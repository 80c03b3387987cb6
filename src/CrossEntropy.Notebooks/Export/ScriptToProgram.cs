using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossEntropy.Notebooks.Export;

/// <summary>
/// Turns one C# script submission into pieces of a top-level program: using directives (hoisted to the
/// top), statements (in order; script fields become locals, script methods local functions, the trailing
/// expression a call that prints its value) and type declarations (moved after the statements, where C#
/// requires them).
/// </summary>
internal static class ScriptToProgram
{
    /// <summary>How a notebook cell's C# is parsed: as a script submission, at the latest language version.</summary>
    internal static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The pieces of one submission.</summary>
    public sealed record Pieces(IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types, IReadOnlyList<string> Variables);

    /// <summary>Splits <paramref name="code"/>; <paramref name="display"/> names the method that prints a trailing value.</summary>
    public static Pieces Convert(string code, string display)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ScriptOptions).GetRoot();
        var usings = root.Usings.Select(u => u.ToString().Trim()).ToList();
        var types = new List<string>();
        var variables = new List<string>();
        var statements = new System.Text.StringBuilder();
        var members = root.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var text = member.ToFullString();
            variables.AddRange(VariableRenamer.ScriptLevelNames(member));
            switch (member)
            {
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax expression } when i == members.Count - 1 && expression.SemicolonToken.IsMissing:
                    statements.Append(member.GetLeadingTrivia().ToFullString())
                        .Append(display).Append('(').Append(expression.Expression.ToString()).Append(");")
                        .Append(member.GetTrailingTrivia().ToFullString());
                    break;
                case FieldDeclarationSyntax field:
                    statements.Append(WithoutModifiers(field, field.Modifiers).ToFullString());
                    break;
                case MethodDeclarationSyntax method:
                    statements.Append(WithoutModifiers(method, method.Modifiers).ToFullString());
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                    types.Add(text.Trim());
                    break;
                default:
                    statements.Append(text);
                    break;
            }
        }

        return new Pieces(usings, statements.ToString(), types, variables);
    }

    // Access modifiers are allowed on script members but not on locals and local functions; async/static/unsafe stay.
    private static SyntaxNode WithoutModifiers(MemberDeclarationSyntax member, SyntaxTokenList modifiers)
    {
        var kept = SyntaxFactory.TokenList(modifiers.Where(m =>
            !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.PrivateKeyword) && !m.IsKind(SyntaxKind.InternalKeyword)
            && !m.IsKind(SyntaxKind.ProtectedKeyword) && !m.IsKind(SyntaxKind.ReadOnlyKeyword)));
        var node = member.WithModifiers(kept);
        return kept.Count == 0 && modifiers.Count > 0 ? node.WithLeadingTrivia(member.GetLeadingTrivia()) : node;
    }
}

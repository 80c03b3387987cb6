using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossEntropy.Notebooks.Export;

/// <summary>
/// Gives a variable that a later cell declares again a new name in the exported program. In a notebook each cell is a
/// script submission, so <c>var x</c> may be declared again and later cells see the newest one; in one program that is
/// a duplicate local. The later declaration and every later use become <c>x_3</c> (3: the cell of the declaration).
/// </summary>
/// <remarks>
/// The renaming is syntactic, so it is only done where it cannot change what a name means: when no lambda, local
/// function, pattern, loop or nested block in the notebook declares a name that is declared again at the top (such a
/// name would shadow the outer one in a way a syntactic rename cannot follow). Otherwise the exporter leaves the names
/// and warns. Member names (<c>a.x</c>, <c>new T { x = 1 }</c>, <c>f(x: 1)</c>), type names and anything inside a
/// class or record declared in a cell (which cannot see the script's variables) are never renamed.
/// </remarks>
internal sealed class VariableRenamer
{
    private readonly HashSet<string> _identifiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _programNames = new(StringComparer.Ordinal);

    private VariableRenamer(bool enabled) => Enabled = enabled;

    /// <summary>Whether names are renamed (false: some declaration would make a syntactic rename unsafe).</summary>
    public bool Enabled { get; }

    /// <summary>The notebook's script-level variables declared so far, each with its current name in the program.</summary>
    public IReadOnlyDictionary<string, string> Variables => _programNames;

    /// <summary>Looks at every C# segment of the notebook, in order, to decide whether renaming is safe.</summary>
    public static VariableRenamer For(IEnumerable<string> segments)
    {
        var roots = segments.Select(code => CSharpSyntaxTree.ParseText(code, ScriptToProgram.ScriptOptions).GetRoot()).ToList();
        var topLevel = new Dictionary<string, int>(StringComparer.Ordinal);
        var nested = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var name in TopLevelNames(root))
            {
                topLevel[name] = topLevel.GetValueOrDefault(name) + 1;
            }

            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
            {
                identifiers.Add(token.ValueText);
                if (IsNestedDeclaration(token))
                {
                    nested.Add(token.ValueText);
                }
            }
        }

        var redeclared = topLevel.Where(p => p.Value > 1).Select(p => p.Key);
        var renamer = new VariableRenamer(!redeclared.Any(nested.Contains));
        renamer._identifiers.UnionWith(identifiers);
        return renamer;
    }

    /// <summary>
    /// Rewrites one segment (cell <paramref name="cell"/>): its top-level declarations of names declared before get new
    /// names, and every use of a renamed variable gets its current name. Segments must come in notebook order.
    /// </summary>
    public string Rewrite(string code, int cell)
    {
        var root = CSharpSyntaxTree.ParseText(code, ScriptToProgram.ScriptOptions).GetRoot();
        foreach (var name in TopLevelNames(root).Distinct())
        {
            _programNames[name] = Enabled && _programNames.ContainsKey(name) ? Fresh(name, cell) : name;
        }

        if (!Enabled)
        {
            return code;
        }

        var renames = _programNames.Where(p => p.Key != p.Value).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (renames.Count == 0)
        {
            return code;
        }

        return root.ReplaceTokens(
            root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && renames.ContainsKey(t.ValueText) && IsVariable(t)),
            (original, _) => SyntaxFactory.Identifier(original.LeadingTrivia, Renamed(original, renames[original.ValueText]), original.TrailingTrivia)).ToFullString();
    }

    // Where a variable's name also names a member (`new { x }`, the tuple `(x, y)`), the member keeps the old name.
    private static string Renamed(SyntaxToken original, string name) => original.Parent?.Parent switch
    {
        AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } => $"{original.ValueText} = {name}",
        ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax tuple } when !IsDeconstruction(tuple) => $"{original.ValueText}: {name}",
        _ => name,
    };

    // `(x, y) = …` assigns to x and y, where C# forbids element names; `… = (y, x)` is deconstructed, where they are ignored.
    private static bool IsDeconstruction(TupleExpressionSyntax tuple)
    {
        ExpressionSyntax outer = tuple;
        while (outer.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax enclosing })
        {
            outer = enclosing;
        }

        return outer.Parent is AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax };
    }

    private string Fresh(string name, int cell)
    {
        var candidate = $"{name}_{cell}";
        for (var i = 2; !_identifiers.Add(candidate); i++)
        {
            candidate = $"{name}_{cell}_{i}";
        }

        return candidate;
    }

    // Script-level variables, which become locals of the program.
    private static IEnumerable<string> TopLevelNames(SyntaxNode root) => ((CompilationUnitSyntax)root).Members.SelectMany(ScriptLevelNames);

    /// <summary>
    /// The script-level variables one member of a cell declares: <c>var x = …;</c>, script fields, and the expression
    /// variables whose scope is the script (<c>out var n</c>, <c>var (a, b) = …</c>, a pattern in an <c>if</c> condition).
    /// </summary>
    internal static IEnumerable<string> ScriptLevelNames(MemberDeclarationSyntax member) => member switch
    {
        GlobalStatementSyntax global => global.Statement is LocalDeclarationStatementSyntax local
            ? local.Declaration.Variables.Select(v => v.Identifier.ValueText).Concat(Designations(global))
            : Designations(global),
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        _ => [],
    };

    private static IEnumerable<string> Designations(GlobalStatementSyntax global) =>
        global.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Where(IsScriptLevel).Select(d => d.Identifier.ValueText);

    // A name introduced anywhere but a script-level declaration: parameters, nested locals, patterns, loops, catch,
    // local functions, queries, type parameters. Type declarations do not count: nothing inside them is renamed.
    private static bool IsNestedDeclaration(SyntaxToken token) => !InsideType(token) && token.Parent switch
    {
        VariableDeclaratorSyntax declarator => !IsScriptLevel(declarator),
        SingleVariableDesignationSyntax designation => !IsScriptLevel(designation),
        ParameterSyntax or ForEachStatementSyntax or CatchDeclarationSyntax
            or LocalFunctionStatementSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or JoinIntoClauseSyntax
            or QueryContinuationSyntax or TypeParameterSyntax => true,
        _ => false,
    };

    // `var x = …;` at the top of a cell, or a script field: the variables a later cell can declare again.
    private static bool IsScriptLevel(VariableDeclaratorSyntax declarator) =>
        declarator.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax } or FieldDeclarationSyntax { Parent: CompilationUnitSyntax };

    // An expression variable lives as long as the statement around it, except in the statements whose variables C# lets
    // out into the enclosing scope (here the script): expression and declaration statements, return and throw, an `if`'s
    // condition and a `switch`'s governing expression. Lambdas, local functions, switch-expression arms and queries
    // scope their own.
    private static bool IsScriptLevel(SingleVariableDesignationSyntax designation)
    {
        SyntaxNode child = designation;
        for (var node = designation.Parent; node != null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax
                    or BaseTypeDeclarationSyntax:
                    return false;
                case StatementSyntax statement:
                    return statement.Parent is GlobalStatementSyntax && statement switch
                    {
                        ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax => true,
                        IfStatementSyntax conditional => child == conditional.Condition,
                        SwitchStatementSyntax choice => child == choice.Expression,
                        _ => false,
                    };
            }
        }

        return false;
    }

    // A class or record declared in a cell cannot see the script's variables, so its names are its own.
    private static bool InsideType(SyntaxToken token) => token.Parent?.AncestorsAndSelf().Any(n => n is BaseTypeDeclarationSyntax) == true;

    // A use or script-level declaration of a variable, not a member, named argument or type with the same name.
    private static bool IsVariable(SyntaxToken token)
    {
        if (InsideType(token))
        {
            return false;
        }

        switch (token.Parent)
        {
            case VariableDeclaratorSyntax declarator:
                return IsScriptLevel(declarator);
            case SingleVariableDesignationSyntax designation:
                return IsScriptLevel(designation);
            case IdentifierNameSyntax name:
                return name.Parent switch
                {
                    MemberAccessExpressionSyntax access when access.Name == name => false,
                    MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax => false,
                    // nameof(x) is the text "x": the earlier x, which still exists under that name, gives the same text.
                    ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } => false,
                    AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax
                        { RawKind: (int)SyntaxKind.ObjectInitializerExpression or (int)SyntaxKind.WithInitializerExpression } => false,
                    _ => !SyntaxFacts.IsInTypeOnlyContext(name),
                };
            default:
                return false;
        }
    }
}

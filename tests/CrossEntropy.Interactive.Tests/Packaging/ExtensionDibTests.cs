using System.Text.RegularExpressions;
using CrossEntropy.Interactive.Commands;
using CrossEntropy.Interactive.Commands.Catalog;
using CrossEntropy.Interactive.Display;
using CrossEntropy.Interactive.Formatting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossEntropy.Interactive.Tests.Packaging;

public class ExtensionDibTests
{
    private static readonly Lazy<(CSharpCompilation Compilation, SyntaxTree Tree)> s_compiled = new(Compile);

    [Fact]
    public void The_dib_starts_with_meta_and_has_a_csharp_cell()
    {
        var cells = ExtensionDib.Cells();
        Assert.Equal("meta", cells[0].Kind);
        Assert.Contains("\"defaultKernelName\":\"csharp\"", cells[0].Code);
        Assert.Contains(cells, c => c.Kind == "csharp");
    }

    [Fact]
    public void The_dib_compiles_against_only_the_kernel_API_the_doc_lists_as_working()
    {
        var errors = s_compiled.Value.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "extension.dib uses something outside the allow-list:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void The_dib_does_what_the_glue_must_do()
    {
        var used = UsedMembers();
        Assert.Contains("KernelInfo.SupportedDirectives", used);                    // guard against double registration
        Assert.Contains("CrossEntropyFormatters.Register", used);
        Assert.Contains("NotebookDisplay.Connect", used);
        Assert.Contains("KernelInvocationContext.Current", used);                   // the in-place display path
        Assert.Contains("DisplayedValue.Update", used);
        Assert.Contains("CSharpKernel.TryGetValue", used);                          // the variable resolver
        Assert.Contains("CrossEntropyCommand.ExecuteInCell", used);                 // forwards the raw line
        Assert.Contains("SubmitCode.Code", used);
        Assert.Contains("KernelInvocationContext.Fail", used);
        Assert.Contains("KernelInvocationContext.Display", used);
        Assert.Contains("KernelInvocationContext.DisplayAs", used);                 // the "loaded" message and warnings
        Assert.Contains("KernelDirectiveParameter.AddCompletions", used);
        Assert.DoesNotContain("CrossEntropyCommand.Execute", used);                 // the cell path, never a rebuilt line
    }

    [Fact]
    public void Errors_fail_the_cell_with_just_the_message()
    {
        var code = ExtensionDib.CSharp();
        Assert.Matches(@"context\.Fail\(command, message: result\.Error\)", code);
        Assert.Contains("context.Display(value, \"text/html\", \"text/plain\")", code);
    }

    [Fact]
    public void Each_subcommand_binds_to_its_own_uniquely_named_command_type_with_a_property_per_option()
    {
        var root = s_compiled.Value.Tree.GetCompilationUnitRoot();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.BaseList?.Types.Any(t => t.ToString() == "KernelCommand") == true)
            .ToDictionary(c => c.Identifier.Text);
        var code = ExtensionDib.CSharp();
        foreach (var sub in CommandCatalog.Subcommands)
        {
            var typeName = $"CrossEntropy{char.ToUpperInvariant(sub.Name[0])}{sub.Name[1..]}Command";
            Assert.True(classes.TryGetValue(typeName, out var declaration), $"no command type {typeName}");
            var properties = declaration!.Members.OfType<PropertyDeclarationSyntax>().ToDictionary(p => p.Identifier.Text, p => p.Type.ToString());
            Assert.Equal(sub.Options.Select(o => o.PropertyName).Order(), properties.Keys.Order());
            foreach (var option in sub.Options)
                Assert.Equal(option.IsFlag ? "bool" : "string", properties[option.PropertyName]);
            Assert.Matches($@"root\.AddDirective<{typeName}>\(subcommands\[""{Regex.Escape(sub.Name)}""\], Forward\)", code);
        }

        Assert.Equal(CommandCatalog.Subcommands.Count, classes.Count);
    }

    [Fact]
    public void The_dib_prints_a_loaded_message_listing_the_subcommands()
    {
        var code = ExtensionDib.CSharp();
        Assert.Contains("loaded: ", code);
        Assert.Contains("subcommands.Keys", code);
    }

    [Fact]
    public void The_dib_does_not_end_with_a_bare_return()
    {
        // A top-level script ending in `return;` shows a <null> output in the kernel (API doc §4).
        var statements = s_compiled.Value.Tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().ToList();
        Assert.IsNotType<ReturnStatementSyntax>(statements[^1].Statement);
    }

    private static HashSet<string> UsedMembers()
    {
        var (compilation, tree) = s_compiled.Value;
        var model = compilation.GetSemanticModel(tree);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (model.GetSymbolInfo(node).Symbol is { ContainingType: { } type } symbol && symbol.Kind is SymbolKind.Method or SymbolKind.Property)
                used.Add($"{type.Name}.{symbol.Name}");
        }

        return used;
    }

    private static (CSharpCompilation, SyntaxTree) Compile()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir)
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToList();

        var stubs = CSharpCompilation.Create("KernelApiStubs",
            [CSharpSyntaxTree.ParseText(KernelApiAllowList.Stubs)],
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = stubs.Emit(image);
        Assert.True(emitted.Success, "the stubs themselves do not compile:\n" + string.Join('\n', emitted.Diagnostics));

        var course = new[] { typeof(CrossEntropyCommand), typeof(NotebookDisplay), typeof(CrossEntropyFormatters), typeof(LogBase) }
            .Select(t => t.Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));

        // The kernel compiles cells as C# scripts; stay within C# 12 so an older kernel compiler accepts the file too.
        var tree = CSharpSyntaxTree.ParseText(ExtensionDib.CSharp(),
            new CSharpParseOptions(LanguageVersion.CSharp12, kind: SourceCodeKind.Script), ExtensionDib.Path);
        var compilation = CSharpCompilation.CreateScriptCompilation("extension", tree,
            [.. framework, MetadataReference.CreateFromImage(image.ToArray()), .. course],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return (compilation, tree);
    }
}

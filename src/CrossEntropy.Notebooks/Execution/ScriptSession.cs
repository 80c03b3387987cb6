using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// The C# state of one notebook: submissions chained with <c>ContinueWithAsync</c>, configured like the
/// .NET Interactive C# kernel (C# 12 scripting, the same default imports) plus references to the
/// project's assemblies, which a notebook gets from <c>#r "nuget: CrossEntropy.Interactive"</c>.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces the kernel imports into every C# submission; the project's are not among them.</summary>
    public static readonly IReadOnlyList<string> KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // The kernel asks Roslyn whether the submission ends in an expression (its value is then shown even when null).
    private static readonly MethodInfo? s_hasReturnValue =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptSession(IEnumerable<Assembly> references, string workingDirectory)
    {
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.CSharp12)
            .AddImports(KernelImports)
            .AddReferences(typeof(Enumerable).Assembly, typeof(IEnumerable<>).Assembly, typeof(Task<>).Assembly)
            .AddReferences(references)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory))
            .WithSourceResolver(new SourceFileResolver([], workingDirectory));
    }

    /// <summary>Reads the latest value of a script variable (what a magic command's variable arguments refer to).</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        var variable = _state?.Variables.LastOrDefault(v => v.Name == name);
        value = variable?.Value;
        return variable is not null;
    }

    /// <summary>
    /// Compiles and runs one submission. <paramref name="filePath"/> names it in stack traces so that a
    /// run-time error can be mapped back to a cell line.
    /// </summary>
    /// <exception cref="CompilationErrorException">When the code does not compile.</exception>
    public async Task<SubmissionResult> RunAsync(string code, string filePath)
    {
        var options = _options.WithFilePath(filePath);
        Exception? thrown = null;
        bool Catch(Exception e)
        {
            thrown = e;
            return true;
        }

        _state = _state is null
            ? await CSharpScript.Create(code, options).RunAsync(globals: null, catchException: Catch).ConfigureAwait(false)
            : await _state.ContinueWithAsync(code, options, catchException: Catch).ConfigureAwait(false);

        if (thrown is not null)
        {
            return new SubmissionResult(thrown, false, null);
        }

        var hasValue = s_hasReturnValue is null
            ? _state.ReturnValue is not null
            : (bool)s_hasReturnValue.Invoke(_state.Script, null)!;
        return new SubmissionResult(null, hasValue, _state.ReturnValue);
    }
}

/// <summary>The outcome of one submission.</summary>
/// <param name="Exception">What the code threw, or null.</param>
/// <param name="HasReturnValue">True when the submission ends in an expression whose value the kernel displays.</param>
/// <param name="ReturnValue">That value (possibly null).</param>
internal sealed record SubmissionResult(Exception? Exception, bool HasReturnValue, object? ReturnValue);

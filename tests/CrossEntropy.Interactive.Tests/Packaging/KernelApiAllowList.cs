namespace CrossEntropy.Interactive.Tests.Packaging;

/// <summary>
/// The allow-list for extension.dib: exactly the kernel types and members that
/// ../shared/docs/dotnet-interactive-extension-api.md lists as working in the final kernel, written as compilable
/// stubs. extension.dib is compiled against these stubs, so naming anything else (the removed
/// <c>AddDirective(Command)</c>, <c>ISupportGetValue</c>, <c>display(x).Update</c>, …) fails the test.
/// Bodies are dummies: only the shapes matter.
/// </summary>
internal static class KernelApiAllowList
{
    public const string Stubs = """
        #nullable disable
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Microsoft.DotNet.Interactive
        {
            public abstract class Kernel
            {
                // §4 "var root = Kernel.Root"; §6 note: Kernel.Root needs using Microsoft.DotNet.Interactive.
                public static CompositeKernel Root => throw null;
                // §4 guard: root.KernelInfo.SupportedDirectives.Any(d => d.Name == "#!toy")
                public KernelInfo KernelInfo => throw null;
                // §4 "@csharp:name values": Kernel.Root.FindKernelByName("csharp") as CSharpKernel
                public Kernel FindKernelByName(string name) => throw null;
                // §4 non-generic AddDirective(directive, KernelCommandInvocation): fine for a parent that prints usage
                public void AddDirective(Directives.KernelActionDirective directive, KernelCommandInvocation handler) { }
                // §4 kernel.AddDirective<TCommand>(directive, Func<TCommand, KernelInvocationContext, Task>): "the one to use"
                public void AddDirective<TCommand>(Directives.KernelActionDirective directive, Func<TCommand, KernelInvocationContext, Task> handler)
                    where TCommand : Commands.KernelCommand { }
            }

            public sealed class CompositeKernel : Kernel { }

            public sealed class KernelInfo
            {
                public IEnumerable<Directives.KernelDirective> SupportedDirectives => throw null;
            }

            public delegate Task KernelCommandInvocation(Commands.KernelCommand command, KernelInvocationContext context);

            public sealed class KernelInvocationContext
            {
                // §6 KernelInvocationContext.Current.Display(x, "text/html") ... dv.Update(y): the in-place path
                public static KernelInvocationContext Current => throw null;
                // §5 context.Display(object, params string[] mimeTypes) returns a DisplayedValue
                public DisplayedValue Display(object value, params string[] mimeTypes) => throw null;
                // §5 context.DisplayAs(string, mimeType): text/html, text/markdown or text/plain
                public void DisplayAs(string value, string mimeType) { }
                // §4 context.Fail(cmd, message: "...") fails the cell with just the message
                public void Fail(Commands.KernelCommand command, Exception exception = null, string message = null) { }
            }

            // §5/§6: DisplayedValue exists only in the final kernel, so only the .dib may use it.
            public sealed class DisplayedValue
            {
                public void Update(object updatedValue) { }
            }
        }

        namespace Microsoft.DotNet.Interactive.Commands
        {
            public abstract class KernelCommand
            {
                protected KernelCommand(string targetKernelName = null) { }
                // §4 "The raw cell text is (cmd.Parent as SubmitCode)?.Code"
                public KernelCommand Parent => throw null;
            }

            public sealed class SubmitCode : KernelCommand
            {
                public string Code => throw null;
            }
        }

        namespace Microsoft.DotNet.Interactive.Directives
        {
            public abstract class KernelDirective
            {
                public string Name => throw null;
            }

            // §4 KernelActionDirective(string name, string? description = null): Description, Hidden, Parameters,
            // Subcommands (one level only), KernelCommandType
            public sealed class KernelActionDirective : KernelDirective
            {
                public KernelActionDirective(string name, string description = null) { }
                public string Description { get; set; }
                public bool Hidden { get; set; }
                public ICollection<KernelDirectiveParameter> Parameters => throw null;
                public ICollection<KernelActionDirective> Subcommands => throw null;
                public Type KernelCommandType { get; set; }
            }

            // §4 KernelDirectiveParameter(string name, string? description = null), init-only: AllowImplicitName,
            // Required, Flag, MaxOccurrences, TypeHint, Description; AddCompletions(Func<IEnumerable<string>>)
            public sealed class KernelDirectiveParameter
            {
                public KernelDirectiveParameter(string name, string description = null) { }
                public bool AllowImplicitName { get; init; }
                public bool Required { get; init; }
                public bool Flag { get; init; }
                public int MaxOccurrences { get; init; }
                public string TypeHint { get; init; }
                public string Description { get; init; }
                public KernelDirectiveParameter AddCompletions(Func<IEnumerable<string>> getCompletions) => throw null;
            }
        }

        namespace Microsoft.DotNet.Interactive.CSharp
        {
            // §4 (… as CSharpKernel).TryGetValue<object>(name, out var v)
            public sealed class CSharpKernel : Kernel
            {
                public bool TryGetValue<T>(string name, out T value) => throw null;
            }
        }
        """;
}

using System.Net;
using CrossEntropy.Interactive.Formatting;
using CrossEntropy.Notebooks.Ipynb;
using Microsoft.DotNet.Interactive.Formatting;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Formats values as the kernel with the extension loaded does: the project's formatters for its own
/// types (reports, probability vectors, charts), the kernel's Formatting library for everything else.
/// </summary>
internal sealed class KernelValueFormatter : IValueFormatter
{
    // Loading the extension registers these formatters in the kernel; values nested in other objects use them too.
    public KernelValueFormatter() => CrossEntropyFormatters.Register();

    /// <summary>What the kernel shows for a null value.</summary>
    public const string NullText = "<null>";

    public MimeBundle Format(object? value)
    {
        if (value is null)
        {
            return new MimeBundle(WebUtility.HtmlEncode(NullText), NullText);
        }

        if (CrossEntropyFormatters.TryFormat(value, out var html, out var plain))
        {
            return new MimeBundle(html, plain);
        }

        return new MimeBundle(value.ToDisplayString(HtmlFormatter.MimeType), value.ToDisplayString(PlainTextFormatter.MimeType));
    }
}

using System.Net;
using CrossEntropy.Notebooks.Ipynb;
using Microsoft.DotNet.Interactive.Formatting;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Formats values as the kernel with the extension loaded does: the project's formatters for its own
/// types (reports, probability vectors, charts), the kernel's Formatting library for everything else.
/// </summary>
internal sealed class KernelValueFormatter : IValueFormatter
{
    /// <summary>What the kernel shows for a null value.</summary>
    public const string NullText = "<null>";

    public MimeBundle Format(object? value)
    {
        if (value is null)
        {
            return new MimeBundle(WebUtility.HtmlEncode(NullText), NullText);
        }

        return new MimeBundle(value.ToDisplayString(HtmlFormatter.MimeType), value.ToDisplayString(PlainTextFormatter.MimeType));
    }
}

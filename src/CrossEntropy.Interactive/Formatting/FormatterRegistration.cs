using Microsoft.DotNet.Interactive.Formatting;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// How this package hands a type to .NET Interactive's <c>Formatter</c>: an HTML and a plain-text formatter, with
/// HTML then plain text preferred. Shared by <see cref="CrossEntropyFormatters"/> and <see cref="TrackingFormatters"/>.
/// </summary>
internal static class FormatterRegistration
{
    public const string HtmlMimeType = "text/html";
    public const string PlainMimeType = "text/plain";

    /// <summary>Registers both formatters of <typeparamref name="T"/>.</summary>
    public static void Register<T>(Func<object, string> toHtml, Func<object, string> toPlainText)
    {
        // The Action<T, TextWriter> overload is the one verified to be honoured by the final kernel (see the API doc).
        Formatter.Register<T>((value, writer) => writer.Write(toHtml(value!)), HtmlMimeType);
        Formatter.Register<T>((value, writer) => writer.Write(toPlainText(value!)), PlainMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlMimeType, PlainMimeType);
    }

    /// <summary>
    /// Whether every type has both formatters registered. Asks the Formatter rather than keeping a flag, so a
    /// <c>Formatter.ResetToDefault()</c> is noticed; <c>RegisteredFormatters(false)</c> lists only user registrations.
    /// </summary>
    public static bool AllRegistered(IEnumerable<Type> types)
    {
        var registered = Formatter.RegisteredFormatters(false).Select(f => (f.Type, f.MimeType)).ToHashSet();
        return types.All(t => registered.Contains((t, HtmlMimeType)) && registered.Contains((t, PlainMimeType)));
    }
}

using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// <c>text/html</c> and <c>text/plain</c> for the run tracker's results: <see cref="RunList"/> (the run table,
/// config differences highlighted), <see cref="RunComparison"/> and <see cref="RunInfo"/>.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="CrossEntropyFormatters"/> so tracking can evolve on its own; the extension's
/// registration calls both <c>Register</c> methods, and the headless runner can try <see cref="TryFormat"/>
/// after <see cref="CrossEntropyFormatters.TryFormat"/>.
/// </remarks>
public static class TrackingFormatters
{
    private static readonly object Gate = new();

    /// <summary>The types these formatters handle.</summary>
    public static IReadOnlyList<Type> SupportedTypes { get; } = [typeof(RunList), typeof(RunComparison), typeof(RunInfo)];

    /// <summary>
    /// Registers both formatters of each supported type with .NET Interactive's <c>Formatter</c> and makes
    /// HTML then plain text preferred. Idempotent.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (FormatterRegistration.AllRegistered(SupportedTypes))
                return;
            Register<RunList>();
            Register<RunComparison>();
            Register<RunInfo>();
        }
    }

    /// <summary>Formats a supported value both ways; false (and empty strings) for anything else, including null.</summary>
    public static bool TryFormat(object? value, out string html, out string plain)
    {
        (html, plain) = value switch
        {
            RunList runs => (TrackingRunListFormat.Html(runs), TrackingRunListFormat.PlainText(runs)),
            RunComparison comparison => (TrackingComparisonFormat.Html(comparison), TrackingComparisonFormat.PlainText(comparison)),
            RunInfo run => (TrackingRunInfoFormat.Html(run), TrackingRunInfoFormat.PlainText(run)),
            _ => ("", ""),
        };
        return html.Length > 0;
    }

    /// <summary>The HTML of a supported value.</summary>
    /// <exception cref="ArgumentException">When the value is not a <see cref="RunList"/>, <see cref="RunComparison"/> or <see cref="RunInfo"/>.</exception>
    public static string ToHtml(object value) => TryFormat(value, out var html, out _) ? html : throw Unsupported(value);

    /// <summary>The plain text of a supported value.</summary>
    /// <exception cref="ArgumentException">When the value is not a <see cref="RunList"/>, <see cref="RunComparison"/> or <see cref="RunInfo"/>.</exception>
    public static string ToPlainText(object value) => TryFormat(value, out _, out var plain) ? plain : throw Unsupported(value);

    private static void Register<T>() => FormatterRegistration.Register<T>(ToHtml, ToPlainText);

    private static ArgumentException Unsupported(object? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ArgumentException(
            $"No tracking formatter for {value.GetType().Name}: pass tracker.ListRuns(), tracker.Compare(…) or tracker.GetRun(id), or call TryFormat.", nameof(value));
    }
}

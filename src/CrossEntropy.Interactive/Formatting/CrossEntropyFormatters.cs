using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Commands.Help;
using CrossEntropy.Reports;
using CrossEntropy.Tracking;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>
/// <c>text/html</c> and <c>text/plain</c> for every report record of the library and for <see cref="PlotlyChart"/>:
/// <see cref="BinaryLossReport"/>, <see cref="CategoricalLossReport"/>, <see cref="ProbabilityVector"/>,
/// <see cref="ModelComparison"/>, <see cref="InformationReport"/>, <see cref="ClassificationErrorReport"/>,
/// the <c>#!cross-entropy</c> usage (<see cref="CommandUsage"/>), and the run tracker's results through
/// <see cref="TrackingFormatters"/> (<see cref="RunList"/>, <see cref="RunComparison"/>, <see cref="RunInfo"/>).
/// </summary>
/// <remarks>
/// <see cref="Register"/> hands them to .NET Interactive's <c>Formatter</c> (extension.dib calls it, so it also
/// registers the tracking formatters); <see cref="TryFormat"/> gives the same text without a kernel (the headless
/// runner and the file-based-app export build their output with it, so run tables show as tables there too). Tables show 4 significant digits with the exact value on hover, name the log base and the
/// semantics, highlight the true class, stop after <see cref="RowLimit"/> rows with a count of the rest,
/// and HTML-escape every string that came from the user.
/// </remarks>
public static class CrossEntropyFormatters
{
    /// <summary>Rows shown in a table before the rest is summarised as "… N more rows".</summary>
    public const int RowLimit = 20;

    private static readonly object Gate = new();

    /// <summary>The types these formatters handle, the tracking types of <see cref="TrackingFormatters"/> included.</summary>
    public static IReadOnlyList<Type> SupportedTypes { get; } =
    [
        typeof(BinaryLossReport), typeof(CategoricalLossReport), typeof(ProbabilityVector), typeof(ModelComparison),
        typeof(InformationReport), typeof(ClassificationErrorReport), typeof(PlotlyChart), typeof(CommandUsage),
        .. TrackingFormatters.SupportedTypes,
    ];

    /// <summary>
    /// Registers the HTML and plain-text formatters with <c>Microsoft.DotNet.Interactive.Formatting.Formatter</c> and
    /// makes both mime types preferred, so a notebook output carries HTML with a plain-text fallback; registers
    /// the tracking formatters too (<see cref="TrackingFormatters.Register"/>), so run tables show as tables.
    /// Idempotent: calling it again (a second load of the extension) changes nothing.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            // Idempotent on its own, and outside the check below so a partial registration is completed.
            TrackingFormatters.Register();

            // Asking the Formatter (not a flag): after Formatter.ResetToDefault(), Register() puts them back.
            if (IsRegistered())
            {
                return;
            }

            Register<BinaryLossReport>();
            Register<CategoricalLossReport>();
            Register<ProbabilityVector>();
            Register<ModelComparison>();
            Register<InformationReport>();
            Register<ClassificationErrorReport>();
            Register<PlotlyChart>();
            Register<CommandUsage>();
        }
    }

    /// <summary>True when this library's formatters are the ones the Formatter uses for its types.</summary>
    public static bool IsRegistered() => FormatterRegistration.AllRegistered(SupportedTypes);

    /// <summary>The HTML of a supported value.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">When the value's type is not one of <see cref="SupportedTypes"/>.</exception>
    public static string ToHtml(object value) =>
        TryFormat(value, out var html, out _) ? html : throw Unsupported(value);

    /// <summary>The plain text of a supported value.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">When the value's type is not one of <see cref="SupportedTypes"/>.</exception>
    public static string ToPlainText(object value) =>
        TryFormat(value, out _, out var plain) ? plain : throw Unsupported(value);

    /// <summary>
    /// Formats a supported value both ways (tracking values through <see cref="TrackingFormatters.TryFormat"/>);
    /// returns false (and empty strings) for any other value, including null.
    /// </summary>
    /// <param name="value">A report record, a <see cref="PlotlyChart"/>, or a run list, comparison or run info.</param>
    /// <param name="html">The <c>text/html</c> form.</param>
    /// <param name="plain">The <c>text/plain</c> form.</param>
    public static bool TryFormat(object? value, out string html, out string plain)
    {
        (html, plain) = value switch
        {
            BinaryLossReport r => (BinaryLossReportFormat.Html(r), BinaryLossReportFormat.PlainText(r)),
            CategoricalLossReport r => (CategoricalLossReportFormat.Html(r), CategoricalLossReportFormat.PlainText(r)),
            ProbabilityVector r => (ProbabilityVectorFormat.Html(r), ProbabilityVectorFormat.PlainText(r)),
            ModelComparison r => (ModelComparisonFormat.Html(r), ModelComparisonFormat.PlainText(r)),
            InformationReport r => (InformationReportFormat.Html(r), InformationReportFormat.PlainText(r)),
            ClassificationErrorReport r => (ClassificationErrorReportFormat.Html(r), ClassificationErrorReportFormat.PlainText(r)),
            PlotlyChart { Figure: not null } chart => (chart.ToHtml(), chart.ToString()),
            CommandUsage u => (CommandUsageFormat.Html(u), CommandUsageFormat.PlainText(u)),
            _ => ("", ""),
        };
        return html.Length > 0 || TrackingFormatters.TryFormat(value, out html, out plain);
    }

    private static void Register<T>() => FormatterRegistration.Register<T>(ToHtml, ToPlainText);

    private static ArgumentException Unsupported(object? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ArgumentException(
            $"No CrossEntropy formatter for {value.GetType().Name}: pass a report record, a PlotlyChart or a tracker result (ListRuns, Compare, GetRun), or call TryFormat, which returns false for other values.",
            nameof(value));
    }
}

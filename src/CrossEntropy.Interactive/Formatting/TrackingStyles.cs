namespace CrossEntropy.Interactive.Formatting;

/// <summary>The extra rules the run tables need on top of <see cref="ReportStyles"/>: a highlight for config values that differ.</summary>
internal static class TrackingStyles
{
    // Amber, translucent: distinct from the green "best" row and legible on light and dark themes.
    public const string Css =
        "<style>" +
        ".ce-report td.ce-diff,.ce-report th.ce-diff{background:rgba(255,165,0,.28);font-weight:600}" +
        ".ce-report .ce-status-incomplete,.ce-report .ce-status-failed{color:#b35900}" +
        "</style>";

    /// <summary>A config value for a table cell: the data hash shortened, a missing key shown as a dash.</summary>
    public static string ConfigValue(string key, string? value) =>
        value is null ? "—" : key == "data.sha256" && value.Length > 12 ? value[..12] + "…" : value;
}

namespace CrossEntropy.Interactive.Formatting;

/// <summary>The stylesheet every report carries: small, scoped to <c>.ce-report</c>, readable on light and dark themes.</summary>
internal static class ReportStyles
{
    // Inline in each output because VS Code, Jupyter and the static export share no stylesheet; translucent
    // colours and inherited text colour keep it legible on dark themes too.
    public const string Css =
        "<style>" +
        ".ce-report{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;margin:4px 0;color:inherit}" +
        ".ce-report .ce-caption{font-weight:600}" +
        ".ce-report .ce-meta{opacity:.75;font-size:12px;margin-bottom:4px}" +
        ".ce-report table{border-collapse:collapse;margin:4px 0}" +
        ".ce-report th,.ce-report td{padding:2px 10px;border-bottom:1px solid rgba(128,128,128,.3);text-align:right;font-variant-numeric:tabular-nums}" +
        ".ce-report .ce-text{text-align:left}" +
        ".ce-report td.ce-true{background:rgba(44,160,44,.25);font-weight:600}" +
        ".ce-report tr.ce-total>*{border-top:2px solid rgba(128,128,128,.6);font-weight:600}" +
        ".ce-report tr.ce-more td{text-align:left;font-style:italic;opacity:.75}" +
        ".ce-report tr.ce-ignored td{opacity:.5}" +
        ".ce-report tr.ce-best td{background:rgba(44,160,44,.15)}" +
        ".ce-report .ce-warn{color:#b35900;margin:2px 0}" +
        ".ce-report .ce-bars{display:flex;align-items:flex-end;gap:8px;margin:6px 0}" +
        ".ce-report .ce-bar-col{display:flex;flex-direction:column;align-items:center;min-width:44px}" +
        ".ce-report .ce-bar{width:32px;background:#1f77b4;border-radius:2px 2px 0 0}" +
        ".ce-report .ce-bar-label{font-weight:600;margin-top:2px}" +
        ".ce-report .ce-bar-score{opacity:.7;font-size:11px}" +
        "</style>";
}

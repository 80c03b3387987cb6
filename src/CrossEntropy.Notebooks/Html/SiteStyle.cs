namespace CrossEntropy.Notebooks.Html;

/// <summary>The site's stylesheet, written once as <c>site.css</c>.</summary>
internal static class SiteStyle
{
    public const string FileName = "site.css";

    public const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa; --accent: #0969da; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); }
        header.ce-nav, footer.ce-nav { display: flex; gap: 1rem; justify-content: space-between; align-items: center;
          padding: .6rem 1.5rem; border-bottom: 1px solid var(--border); background: #fff; }
        footer.ce-nav { border-top: 1px solid var(--border); border-bottom: none; }
        .ce-nav a { color: var(--accent); text-decoration: none; }
        .ce-nav .ce-disabled { color: var(--muted); }
        main { max-width: 980px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        .ce-markdown img { max-width: 100%; }
        .ce-markdown table { border-collapse: collapse; }
        .ce-markdown th, .ce-markdown td { border: 1px solid var(--border); padding: .25rem .6rem; }
        .ce-cell { margin: 1rem 0; }
        pre.ce-code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: .75rem 1rem;
          overflow-x: auto; font: 14px/1.45 ui-monospace, "Cascadia Code", Menlo, Consolas, monospace; margin: 0; }
        .ce-count { color: var(--muted); font: 12px ui-monospace, monospace; }
        .ce-output { border-left: 3px solid var(--border); margin: .4rem 0 0; padding: .25rem .75rem; overflow-x: auto; }
        .ce-output pre { margin: 0; font: 14px/1.45 ui-monospace, monospace; white-space: pre-wrap; }
        .ce-output.ce-stderr pre { color: #9a6700; }
        .ce-output.ce-error { border-left-color: #cf222e; }
        .ce-output.ce-error pre { color: #cf222e; }
        .tok-keyword { color: #cf222e; } .tok-string { color: #0a3069; } .tok-comment { color: #6e7781; font-style: italic; }
        .tok-number { color: #0550ae; } .tok-type { color: #953800; } .tok-directive { color: #8250df; font-weight: 600; }
        ol.ce-chapters li { margin: .4rem 0; }
        .ce-failed { color: #cf222e; font-size: .9em; }
        """;
}

using System.Collections;

namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>A value formatted for display: mime type → text (here <c>text/html</c> and <c>text/plain</c>).</summary>
public sealed class MimeBundle : IEnumerable<KeyValuePair<string, string>>
{
    /// <summary>The HTML mime type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text mime type.</summary>
    public const string Plain = "text/plain";

    private readonly SortedDictionary<string, string> _items = new(StringComparer.Ordinal);

    /// <summary>A bundle with an HTML and a plain-text view.</summary>
    public MimeBundle(string html, string plain)
    {
        _items[Html] = html;
        _items[Plain] = plain;
    }

    /// <summary>A bundle with only a plain-text view (what the kernel's <c>DisplayAs(text, "text/plain")</c> sends).</summary>
    public MimeBundle(string plain) => _items[Plain] = plain;

    /// <summary>The HTML view.</summary>
    public string HtmlText => _items.GetValueOrDefault(Html, "");

    /// <summary>The plain-text view.</summary>
    public string PlainText => _items.GetValueOrDefault(Plain, "");

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

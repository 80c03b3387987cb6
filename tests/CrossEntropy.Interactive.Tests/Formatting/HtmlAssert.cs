using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CrossEntropy.Interactive.Tests.Formatting;

internal static class HtmlAssert
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The text of each cell of each body row.</summary>
    public static List<string[]> BodyRows(IDocument document, string selector = "tbody tr") =>
        document.QuerySelectorAll(selector).Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
}

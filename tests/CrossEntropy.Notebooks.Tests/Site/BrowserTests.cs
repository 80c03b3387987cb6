using CrossEntropy.Notebooks.Tests.Support;
using Microsoft.Playwright;

namespace CrossEntropy.Notebooks.Tests.Site;

/// <summary>
/// Opens the exported sites in Debian's Chromium (driven by Playwright, offline) and checks what a reader
/// sees: no console errors, every chart drawn, math typeset. A screenshot of each page is saved under
/// TestResults/screenshots.
/// </summary>
public sealed class BrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static TheoryData<string> Sites => new() { "fixtures", "course" };

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Every_page_renders_its_charts_and_math_without_console_errors(string site)
    {
        Assert.True(File.Exists(ChromiumPath),
            $"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does this).");
        var folder = site == "fixtures" ? Path.Combine(RepoPaths.Fixtures, "course") : RepoPaths.Notebooks;
        using var temp = new TempFolder();
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder = temp.Combine("empty"));
        }

        var siteFolder = await SiteBuilder.ExportAsync(folder, temp);
        var screenshots = Path.Combine(RepoPaths.TestProject, "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        var problems = new List<string>();
        var pages = Directory.GetFiles(siteFolder, "*.html").OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Contains(pages, p => Path.GetFileName(p) == "index.html");
        foreach (var file in pages)
        {
            var name = Path.GetFileName(file);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");

            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var charts = await page.Locator(".ce-chart").CountAsync();
            if (charts > 0)
            {
                await page.WaitForFunctionAsync(
                    "n => document.querySelectorAll('.ce-chart .main-svg').length >= n", charts,
                    new PageWaitForFunctionOptions { Timeout = 15000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var mathSpans = await page.Locator(".ce-markdown .math").CountAsync();
            if (mathSpans > 0)
            {
                await page.WaitForFunctionAsync(
                    "n => document.querySelectorAll('.ce-markdown .katex').length >= n", mathSpans,
                    new PageWaitForFunctionOptions { Timeout = 15000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            for (var i = 0; i < charts; i++)
            {
                var chart = page.Locator(".ce-chart").Nth(i);
                var svgs = await chart.Locator(".main-svg").CountAsync();
                var traces = await chart.Locator(".scatterlayer .trace, .barlayer .trace").CountAsync();
                if (svgs == 0 || traces == 0)
                {
                    problems.Add($"{name}: chart {i + 1} ({await chart.GetAttributeAsync("id")}) rendered {svgs} svg(s) and {traces} trace(s)");
                }
            }

            var typeset = await page.Locator(".ce-markdown .katex").CountAsync();
            var katexErrors = await page.Locator(".katex-error").CountAsync();
            if (typeset < mathSpans || katexErrors > 0)
            {
                problems.Add($"{name}: {mathSpans} math span(s), {typeset} typeset by KaTeX, {katexErrors} KaTeX error(s)");
            }

            // A dollar left in the prose is math that neither Markdig nor KaTeX picked up.
            var strayDollars = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.ce-markdown')].map(m => { const c = m.cloneNode(true); " +
                "c.querySelectorAll('.katex, code, pre').forEach(e => e.remove()); return c.textContent; })" +
                ".filter(t => t.includes('$')).map(t => t.trim().slice(0, 120))");
            problems.AddRange(strayDollars.Select(t => $"{name}: untypeset math in \"{t}\""));
            problems.AddRange(errors.Select(e => $"{name}: console error: {e}"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"{site}-{Path.GetFileNameWithoutExtension(file)}.png"), FullPage = true });
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

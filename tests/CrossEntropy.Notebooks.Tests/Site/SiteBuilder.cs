using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Site;

/// <summary>Exports a folder of notebooks as a site into a scratch folder, through the tool's command line.</summary>
internal static class SiteBuilder
{
    public static async Task<string> ExportAsync(string notebookFolder, TempFolder temp)
    {
        var site = temp.Combine("site");
        var result = await ToolRun.RunAsync(["run", notebookFolder, "--html", site]);
        Assert.True(result.ExitCode == ExitCodes.Success, $"exporting {notebookFolder} failed ({result.ExitCode}):\n{result.Error}");
        return site;
    }
}

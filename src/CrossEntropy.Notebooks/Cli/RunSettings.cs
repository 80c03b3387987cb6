namespace CrossEntropy.Notebooks.Cli;

/// <summary>What <c>run</c> was asked to do.</summary>
/// <param name="Path">A folder of notebooks (run in file-name order) or one <c>.ipynb</c> file.</param>
/// <param name="InPlace">Write outputs back into each notebook that ran without error.</param>
/// <param name="HtmlDirectory">Write the HTML site here, or null.</param>
/// <param name="CsDirectory">Export file-based apps here, or null.</param>
/// <param name="KeepGoing">Run the remaining cells of a notebook after a failing cell.</param>
public sealed record RunSettings(string Path, bool InPlace = false, string? HtmlDirectory = null, string? CsDirectory = null, bool KeepGoing = false);

namespace CrossEntropy.Notebooks.Export;

/// <summary>Finds the repository (the folder with CrossEntropyNotebooks.sln) an exported app's <c>#:project</c> points into.</summary>
internal static class RepositoryLocator
{
    public const string SolutionFile = "CrossEntropyNotebooks.sln";

    /// <summary>CrossEntropy.Interactive.csproj, searched above each start folder in turn, or null.</summary>
    public static string? FindInteractiveProject(params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, "src", "CrossEntropy.Interactive", "CrossEntropy.Interactive.csproj");
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && File.Exists(project))
                {
                    return project;
                }
            }
        }

        return null;
    }
}

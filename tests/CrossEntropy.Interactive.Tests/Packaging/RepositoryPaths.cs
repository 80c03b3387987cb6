namespace CrossEntropy.Interactive.Tests.Packaging;

/// <summary>Finds files of the checkout the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "CrossEntropyNotebooks.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"CrossEntropyNotebooks.sln not found above {AppContext.BaseDirectory}");
    }
}

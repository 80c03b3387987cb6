namespace CrossEntropy.Notebooks.Tests.Support;

/// <summary>Folders of the repository, found by walking up from the test binaries to CrossEntropyNotebooks.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string TestProject => Path.Combine(Root, "tests", "CrossEntropy.Notebooks.Tests");

    public static string Fixtures => Path.Combine(TestProject, "Fixtures");

    public static string Expectations => Path.Combine(TestProject, "Expectations");

    public static string InteractiveProject => Path.Combine(Root, "src", "CrossEntropy.Interactive", "CrossEntropy.Interactive.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossEntropyNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CrossEntropyNotebooks.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}

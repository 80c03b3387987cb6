namespace CrossEntropy.Interactive.Tests.Packaging;

/// <summary>extension.dib split into its cells (<c>#!meta</c>, <c>#!markdown</c>, <c>#!csharp</c>).</summary>
internal static class ExtensionDib
{
    public static string Path { get; } = RepositoryPaths.File("src", "CrossEntropy.Interactive", "extension.dib");

    public static IReadOnlyList<(string Kind, string Code)> Cells()
    {
        var cells = new List<(string, string)>();
        string? kind = null;
        var lines = new List<string>();
        foreach (var line in File.ReadAllLines(Path))
        {
            if (line is "#!meta" or "#!markdown" or "#!csharp")
            {
                if (kind is not null)
                    cells.Add((kind, string.Join('\n', lines)));
                kind = line[2..];
                lines.Clear();
            }
            else
            {
                lines.Add(line);
            }
        }

        if (kind is not null)
            cells.Add((kind, string.Join('\n', lines)));
        return cells;
    }

    public static string CSharp() => string.Join('\n', Cells().Where(c => c.Kind == "csharp").Select(c => c.Code));
}

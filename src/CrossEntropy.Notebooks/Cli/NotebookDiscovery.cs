namespace CrossEntropy.Notebooks.Cli;

/// <summary>Finds the notebooks a path names.</summary>
public static class NotebookDiscovery
{
    /// <summary>
    /// The <c>.ipynb</c> files of a folder in ordinal file-name order (01-…, 02-…), or the one file named.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the path does not exist.</exception>
    public static IReadOnlyList<string> Find(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Directory.GetFiles(full, "*.ipynb", SearchOption.TopDirectoryOnly)
                .Where(f => !System.IO.Path.GetFileName(f).StartsWith('.'))
                .OrderBy(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal)
                .ToList();
        }

        if (File.Exists(full))
        {
            return [full];
        }

        throw new FileNotFoundException($"{path}: no such notebook or folder; pass a folder of .ipynb files or one .ipynb file.", full);
    }
}

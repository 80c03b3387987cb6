using System.CommandLine.Parsing;

namespace CrossEntropy.Notebooks.Cli;

/// <summary>
/// Checks the command line's paths while parsing, so a path that can never work is a usage error (exit code 2)
/// with one line, before any notebook runs, rather than an exception from the file system after the run.
/// </summary>
internal static class PathChecks
{
    /// <summary>The notebook argument: a folder or a <c>.ipynb</c> file (whether it exists is checked when running).</summary>
    public static void Notebooks(ArgumentResult result)
    {
        var path = result.GetValueOrDefault<string>();
        if (Usable(path, "the notebook path", "pass a folder of .ipynb files or one .ipynb file") is { } problem)
        {
            result.AddError(problem);
        }
        else if (File.Exists(path) && !path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            // Only .ipynb files are notebooks; running (and --in-place rewriting) any other JSON file is never meant.
            result.AddError($"{path} is not a .ipynb notebook: pass a folder of .ipynb files or one .ipynb file.");
        }
    }

    /// <summary>An output folder (<c>--html</c>, <c>--cs</c>): created when missing, so it only must not be a file.</summary>
    public static void OutputFolder(OptionResult result)
    {
        var name = result.Option.Name;
        var path = result.GetValueOrDefault<string?>();
        if (Usable(path, name, $"pass a folder, e.g. {name} out") is { } problem)
        {
            result.AddError(problem);
        }
        else if (File.Exists(path))
        {
            result.AddError($"{name} {path} is a file, not a folder: pass a folder (it is created if missing).");
        }
        else if (path is not null && FileAbove(path) is { } file)
        {
            // The folder would have to be created inside a file: that fails only when the first page is written.
            result.AddError($"{name} {path} cannot be created: {file} is a file, not a folder; pass a folder path that does not go through a file.");
        }
    }

    // The nearest existing ancestor of path when it is a file, else null.
    private static string? FileAbove(string path)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return parent;
            if (Directory.Exists(parent)) return null;
        }

        return null;
    }

    private static string? Usable(string? path, string name, string fix) =>
        string.IsNullOrWhiteSpace(path) ? $"{name} is empty: {fix}."
        : path.Contains('\0', StringComparison.Ordinal) ? $"{name} contains a NUL character: {fix}."
        : null;
}

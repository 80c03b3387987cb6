using System.Text.RegularExpressions;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Splits a code cell the way the .NET Interactive kernel does: directive lines are handled by the host,
/// the C# between them is submitted in order. Only the directives this course uses are accepted, so a
/// notebook that runs here also runs in the kernel with the extension loaded.
/// </summary>
internal static partial class CellSegmenter
{
    /// <summary>The magic command the extension registers.</summary>
    public const string CommandName = "#!cross-entropy";

    [GeneratedRegex("""^#r\s+"nuget:\s*CrossEntropy\.Interactive\s*(,[^"]*)?"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPackageReference();

    /// <summary>Splits <paramref name="source"/> into segments.</summary>
    /// <exception cref="UnsupportedCellException">For a directive the runner does not support.</exception>
    public static IReadOnlyList<CellSegment> Split(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var segments = new List<CellSegment>();
        var code = new List<string>();
        var codeStart = 0;

        void FlushCode()
        {
            if (code.Any(l => !string.IsNullOrWhiteSpace(l)))
            {
                segments.Add(new CellSegment(SegmentKind.CSharp, string.Join('\n', code), codeStart));
            }

            code.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var kind = Classify(line, i);
            if (kind is null)
            {
                if (code.Count == 0)
                {
                    codeStart = i;
                }

                code.Add(lines[i]);
                continue;
            }

            FlushCode();
            if (kind != SegmentKind.CSharp)
            {
                segments.Add(new CellSegment(kind.Value, line, i));
            }
        }

        FlushCode();
        return segments;
    }

    // null: an ordinary C# line. CSharp: a "#!csharp" selector line, which changes nothing here.
    private static SegmentKind? Classify(string line, int index)
    {
        if (line.StartsWith("#!", StringComparison.Ordinal))
        {
            var name = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            if (name == CommandName)
            {
                return SegmentKind.CrossEntropyCommand;
            }

            if (name is "#!csharp" or "#!c#" or "#!C#")
            {
                return SegmentKind.CSharp;
            }

            throw new UnsupportedCellException(
                $"unknown magic command '{name}': this runner supports only {CommandName} (and #!csharp); "
                + "move other languages or magics out of the course notebooks.", index);
        }

        if (line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#r\t", StringComparison.Ordinal) || line == "#r")
        {
            if (ProjectPackageReference().IsMatch(line))
            {
                return SegmentKind.ProjectPackageReference;
            }

            throw new UnsupportedCellException(
                $"unsupported directive '{line}': only #r \"nuget: CrossEntropy.Interactive, …\" is supported "
                + "(the runner references the project's own assemblies); reference other code through that package.", index);
        }

        if (line.StartsWith("#i ", StringComparison.Ordinal) || line.StartsWith("#load", StringComparison.Ordinal) || line == "#i")
        {
            throw new UnsupportedCellException(
                $"unsupported directive '{line}': package sources and #load are not used by the course; "
                + "use a NuGet.config beside the notebook instead of #i.", index);
        }

        return null;
    }
}

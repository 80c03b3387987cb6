namespace CrossEntropy.Notebooks.Execution;

/// <summary>What a piece of a code cell is: C# to submit, or a directive the runner handles itself.</summary>
internal enum SegmentKind
{
    /// <summary>C# lines, submitted to the script session as one submission.</summary>
    CSharp,

    /// <summary>A <c>#!cross-entropy …</c> line, run by the extension's command code.</summary>
    CrossEntropyCommand,

    /// <summary><c>#r "nuget: CrossEntropy.Interactive…"</c>: the project's assemblies are already referenced.</summary>
    ProjectPackageReference,
}

/// <summary>A run of lines of one cell.</summary>
/// <param name="Kind">What the lines are.</param>
/// <param name="Text">The lines (for C#, joined with "\n"; for a directive, the single line).</param>
/// <param name="FirstLine">0-based line of the cell where the segment starts (maps diagnostics back to the cell).</param>
internal sealed record CellSegment(SegmentKind Kind, string Text, int FirstLine);

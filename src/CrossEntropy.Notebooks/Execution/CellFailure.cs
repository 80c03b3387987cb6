namespace CrossEntropy.Notebooks.Execution;

/// <summary>Why a cell failed; each kind has its own exit code.</summary>
public enum FailureKind
{
    /// <summary>The cell's code threw.</summary>
    RuntimeError,

    /// <summary>A <c>#!cross-entropy</c> line reported an error.</summary>
    CommandError,

    /// <summary>The cell's C# did not compile.</summary>
    CompileError,

    /// <summary>An unknown magic, an unsupported directive or a non-C# cell.</summary>
    UnsupportedCell,
}

/// <summary>A failed cell: where, why, and the line at fault.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">1-based cell number.</param>
/// <param name="CellCount">Number of cells in the notebook.</param>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">One line: the error message.</param>
/// <param name="LineNumber">1-based line of the cell at fault, or null when not known.</param>
/// <param name="LineText">That line's text, or null.</param>
public sealed record CellFailure(string Notebook, int CellNumber, int CellCount, FailureKind Kind, string Message, int? LineNumber, string? LineText)
{
    /// <summary>The failure as shown to people: location and message, then the offending line.</summary>
    public override string ToString() =>
        $"{Notebook} cell {CellNumber}/{CellCount}: {Message}"
        + (LineNumber is { } line ? $"\n    line {line}: {LineText?.Trim()}" : "");
}

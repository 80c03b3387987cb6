namespace CrossEntropy.Notebooks.Execution;

/// <summary>A cell the runner refuses to run: an unknown magic command, a directive it does not support, a non-C# cell.</summary>
/// <param name="message">What is wrong and what to do instead.</param>
/// <param name="line">0-based line of the cell at fault, or -1 when the whole cell is at fault.</param>
internal sealed class UnsupportedCellException(string message, int line) : Exception(message)
{
    /// <summary>0-based line of the cell at fault, or -1.</summary>
    public int Line { get; } = line;
}

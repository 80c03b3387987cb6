using System.Runtime.CompilerServices;
using CrossEntropy.Interactive.Commands.Syntax;

namespace CrossEntropy.Interactive.Commands;

/// <summary>
/// Finds the raw <c>#!cross-entropy</c> line a kernel command stands for. The kernel hands each directive's
/// handler the whole cell (<c>SubmitCode.Code</c>), not its own line, and runs a cell's directives in order;
/// so the n-th handler call for a cell is its n-th <c>#!cross-entropy</c> line.
/// </summary>
public static class CellDirectiveCursor
{
    private static readonly ConditionalWeakTable<object, StrongBox<int>> s_handled = new();

    /// <summary>
    /// The next unhandled <c>#!cross-entropy</c> line of <paramref name="cellCode"/>, or null when there is none.
    /// </summary>
    /// <param name="cell">An object that identifies one run of the cell (the kernel's <c>SubmitCode</c> command); a re-run is a new object and starts again at the first line.</param>
    /// <param name="cellCode">The cell's text.</param>
    public static string? Next(object cell, string cellCode)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(cellCode);
        var counter = s_handled.GetValue(cell, static _ => new StrongBox<int>(0));
        int index;
        lock (counter)
            index = counter.Value++;
        return DirectiveLines(cellCode).ElementAtOrDefault(index);
    }

    /// <summary>The cell's <c>#!cross-entropy</c> lines, in order, as the kernel splits them (column 0 only).</summary>
    public static IEnumerable<string> DirectiveLines(string cellCode)
    {
        ArgumentNullException.ThrowIfNull(cellCode);
        return cellCode.Split('\n').Select(l => l.TrimEnd('\r')).Where(DirectiveTokenizer.IsDirectiveLine);
    }
}

using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>One executed code cell.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="ExecutionCount">Its execution count (1..n in order).</param>
/// <param name="Outputs">What it produced, in order.</param>
/// <param name="Failure">Why it failed, or null.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record CellRun(NotebookCell Cell, int ExecutionCount, IReadOnlyList<CellOutput> Outputs, CellFailure? Failure, TimeSpan Elapsed);

/// <summary>The result of running a notebook.</summary>
/// <param name="Notebook">The notebook, its code cells now holding the new outputs.</param>
/// <param name="Cells">The code cells that ran, in order.</param>
/// <param name="Elapsed">Total time.</param>
public sealed record NotebookRun(NotebookDocument Notebook, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed)
{
    /// <summary>The failed cells.</summary>
    public IReadOnlyList<CellFailure> Failures => Cells.Where(c => c.Failure is not null).Select(c => c.Failure!).ToList();

    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failures.Count == 0 && Cells.Count == Notebook.Cells.Count(c => c.Kind == CellKind.Code);

    /// <summary>Every output's text/plain view (stream text included): where expected numbers are looked for.</summary>
    public IEnumerable<string> PlainTexts => Cells.SelectMany(c => c.Outputs).Select(o => o.PlainText);
}

/// <summary>Progress of a cell, reported as it finishes.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">1-based cell number.</param>
/// <param name="CellCount">Number of cells in the notebook.</param>
/// <param name="Elapsed">How long the cell took.</param>
/// <param name="Failed">True when it failed.</param>
public sealed record CellProgress(string Notebook, int CellNumber, int CellCount, TimeSpan Elapsed, bool Failed);

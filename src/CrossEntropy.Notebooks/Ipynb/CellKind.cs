namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>The nbformat <c>cell_type</c> of a cell.</summary>
public enum CellKind
{
    /// <summary>A code cell: executed.</summary>
    Code,

    /// <summary>A markdown cell: passed through, rendered in the HTML export.</summary>
    Markdown,

    /// <summary>A raw cell: passed through untouched.</summary>
    Raw,
}

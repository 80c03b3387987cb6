namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>A file that is not a readable nbformat 4 notebook (invalid JSON, missing <c>cells</c>, …).</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);

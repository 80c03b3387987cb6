namespace CrossEntropy.Notebooks.Cli;

/// <summary>
/// The tool's exit codes. When several things fail, the code of the first failure (in notebook and
/// cell order) is returned.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every cell of every notebook ran.</summary>
    public const int Success = 0;

    /// <summary>A cell threw at run time, or a <c>#!cross-entropy</c> line reported an error.</summary>
    public const int CellFailed = 1;

    /// <summary>The command line was wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The notebook file or folder does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>A file is not a notebook: invalid JSON, not nbformat 4.</summary>
    public const int InvalidNotebook = 4;

    /// <summary>A cell's C# did not compile.</summary>
    public const int CompileError = 5;

    /// <summary>A cell uses an unknown magic command, an unsupported directive, or is not a C# cell.</summary>
    public const int UnsupportedCell = 6;

    /// <summary>An output (notebook, site, exported app) could not be written.</summary>
    public const int WriteFailed = 7;

    /// <summary>The exit code for a cell failure of kind <paramref name="kind"/>.</summary>
    public static int For(Execution.FailureKind kind) => kind switch
    {
        Execution.FailureKind.CompileError => CompileError,
        Execution.FailureKind.UnsupportedCell => UnsupportedCell,
        _ => CellFailed,
    };
}

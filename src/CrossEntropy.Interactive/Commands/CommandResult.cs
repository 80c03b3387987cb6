namespace CrossEntropy.Interactive.Commands;

/// <summary>
/// What a <c>#!cross-entropy</c> line produced: a value to display (a report, a chart, usage text),
/// or a one-line error with a hint. Errors are values, never exceptions, so the kernel keeps going.
/// </summary>
/// <param name="Values">What to display, in order (e.g. a table then a chart). Empty on failure.</param>
/// <param name="Error">The one-line error (problem, hint and usage line), or null on success.</param>
/// <param name="Warnings">Things adjusted on the way (e.g. "row 2 summed to 0.9; rescaled like Keras").</param>
public sealed record CommandResult(IReadOnlyList<object> Values, string? Error, IReadOnlyList<string> Warnings)
{
    /// <summary>True when there is no error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful result showing <paramref name="values"/>.</summary>
    public static CommandResult Success(params object[] values) => new(values, null, []);

    /// <summary>A successful result with warnings.</summary>
    public static CommandResult Success(IReadOnlyList<object> values, IReadOnlyList<string> warnings) => new(values, null, warnings);

    /// <summary>A failed result with a one-line message.</summary>
    public static CommandResult Failure(string error) => new([], error, []);
}

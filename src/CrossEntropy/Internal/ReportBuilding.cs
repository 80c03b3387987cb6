using System.Collections.Immutable;
using System.Globalization;

namespace CrossEntropy.Internal;

/// <summary>
/// Pieces the PyTorch and Keras entry points both need to turn kernel output into a report, kept in one place so
/// the two front ends label classes and read one-hot rows the same way.
/// </summary>
internal static class ReportBuilding
{
    /// <summary>
    /// The given names, or "0", "1", … when none were given. <paramref name="expected"/> finishes the error message
    /// (e.g. "one per column") because each front end words what the names belong to in its own terms.
    /// </summary>
    public static ImmutableArray<string> Names(string[]? given, int count, string name, string expected)
    {
        if (given is null)
            return [.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        if (given.Length != count)
            throw new ArgumentException($"{name} has {given.Length} names: expected {count} ({expected}).", name);
        return [.. given];
    }

    /// <summary>The class of a one-hot row (a single 1, zeros elsewhere), or −1 for anything else (a soft target).</summary>
    public static int OneHotClass(ReadOnlySpan<double> row)
    {
        var found = -1;
        for (var c = 0; c < row.Length; c++)
        {
            if (row[c] == 0) continue;
            if (row[c] != 1 || found >= 0) return -1;
            found = c;
        }
        return found;
    }

    /// <summary>A copy of the matrix as one row-major array, the layout the span kernels take.</summary>
    public static double[] RowMajor(double[,] matrix)
    {
        var flat = new double[matrix.Length];
        var i = 0;
        foreach (var v in matrix) flat[i++] = v;
        return flat;
    }
}

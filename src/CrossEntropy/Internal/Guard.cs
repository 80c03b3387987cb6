using System.Globalization;
using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Argument checks shared by every kernel. Each failure names the argument, the offending index and
/// value, and what was expected, in one line, so a notebook reader can fix the call without a debugger.
/// </summary>
internal static partial class Guard
{
    public static void NotEmpty<T>(ReadOnlySpan<T> span, string name)
    {
        if (span.IsEmpty)
            throw new ArgumentException($"{name} is empty: expected at least one value.", name);
    }

    public static void SameLength<TA, TB>(ReadOnlySpan<TA> a, string aName, ReadOnlySpan<TB> b, string bName)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"{bName} has {b.Length} values but {aName} has {a.Length}: expected the same length.", bName);
    }

    public static void DestinationLength<T>(Span<T> destination, int required, string name)
    {
        if (destination.Length != required)
            throw new ArgumentException($"{name} has {destination.Length} values: expected {required} (one per output element).", name);
    }

    /// <summary>The row count of an N×C buffer; throws when the length is not a whole number of rows.</summary>
    public static int WholeRows<T>(ReadOnlySpan<T> span, int columns, string name, string columnsName = "classes")
    {
        if (columns <= 0)
            throw new ArgumentOutOfRangeException(columnsName, $"{columnsName} is {columns}: expected a positive count.");
        if (span.Length % columns != 0)
            throw new ArgumentException(
                $"{name} has {span.Length} values, which is not a whole number of rows of {columns} {columnsName}: expected a multiple of {columns}.", name);
        return span.Length / columns;
    }

    public static void Probabilities<T>(ReadOnlySpan<T> p, string name) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < p.Length; i++)
        {
            var v = p[i];
            if (T.IsNaN(v)) continue; // NaN predictions propagate, as in PyTorch
            if (v < T.Zero || v > T.One)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is outside [0, 1]: expected a probability (pass logits to the *WithLogits/from-logits variant).");
        }
    }

    public static void Targets<T>(ReadOnlySpan<T> y, string name) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++)
        {
            var v = y[i];
            if (T.IsNaN(v))
                throw new ArgumentException($"{name}[{i}] is NaN: expected a target in [0, 1].", name);
            if (v < T.Zero || v > T.One)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is outside [0, 1]: expected a target in [0, 1].");
        }
    }

    public static void NonNegative<T>(ReadOnlySpan<T> w, string name) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < w.Length; i++)
        {
            var v = w[i];
            if (T.IsNaN(v) || v < T.Zero)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Format(v)} is negative or NaN: expected a weight ≥ 0.");
        }
    }

    public static void ClassIndices(ReadOnlySpan<int> targets, int classes, int ignoreIndex, string name)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            var t = targets[i];
            if (t == ignoreIndex) continue;
            if ((uint)t >= (uint)classes)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {t} is not a class index: expected 0 to {classes - 1} (or the ignore index {ignoreIndex}).");
        }
    }

    public static string Format<T>(T value) where T : IFormattable => value.ToString("R", CultureInfo.InvariantCulture);
}

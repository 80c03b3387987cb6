using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CrossEntropy.Fused;

/// <summary>
/// Reinterprets generic spans as float spans for the fused dispatch in the public generic API. Callers check
/// <c>typeof(T) == typeof(float)</c> first (a check the JIT folds away per instantiation), so this is a no-op cast.
/// </summary>
internal static class FloatSpans
{
    public static ReadOnlySpan<float> Of<T>(ReadOnlySpan<T> span) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(span)), span.Length);

    public static Span<float> Of<T>(Span<T> span) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(span)), span.Length);

    public static T Back<T>(float value) => Unsafe.As<float, T>(ref value);
}

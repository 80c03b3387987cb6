using System.Runtime.Intrinsics;

namespace CrossEntropy.Fused;

/// <summary>Which vector width a fused kernel runs at. Tests pin each width; callers use <see cref="Widest"/>.</summary>
internal enum SimdWidth
{
    /// <summary>The widest width the machine accelerates (decided once by the JIT).</summary>
    Widest = 0,
    W128 = 128,
    W256 = 256,
    W512 = 512,
}

/// <summary>How a fused call runs: vector width and the most threads it may use (tests compare 1 and many).</summary>
internal readonly record struct FusedOptions(SimdWidth Width = SimdWidth.Widest, int MaxThreads = 0)
{
    public static FusedOptions Default => default;

    /// <summary>The width to use: the requested one, else the widest accelerated one, else 128 bits (software if need be).</summary>
    public SimdWidth Resolve()
    {
        if (Width != SimdWidth.Widest) return Width;
        if (Vector512.IsHardwareAccelerated) return SimdWidth.W512;
        if (Vector256.IsHardwareAccelerated) return SimdWidth.W256;
        return SimdWidth.W128;
    }
}

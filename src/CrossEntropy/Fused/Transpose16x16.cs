using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// In-register transpose of a 16×16 float block (AVX-512): 64 two-source permutes instead of 256 scalar moves
/// through memory. Stage k exchanges bit k of the row index with bit k of the lane index between the vector
/// pairs (a, a + 2^k); after the four stages every element (r, l) sits at (l, r).
/// </summary>
internal static class Transpose16x16
{
    // The permute indices of each stage as constants (not static readonly fields): kernels that run before this
    // class is initialised would otherwise get a class-initialisation check inside their loops, and every vector
    // live across that helper call is spilled. Low(s)[l] = l if (l & s) == 0 else 16 + l − s; High(s)[l] = l + s
    // if (l & s) == 0 else 16 + l (a wrong index fails the transpose's unit tests).
    private static Vector512<int> Stage0Low { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30); }
    private static Vector512<int> Stage0High { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31); }
    private static Vector512<int> Stage1Low { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29); }
    private static Vector512<int> Stage1High { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30, 31); }
    private static Vector512<int> Stage2Low { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27); }
    private static Vector512<int> Stage2High { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31); }
    private static Vector512<int> Stage3Low { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23); }
    private static Vector512<int> Stage3High { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31); }

    /// <summary>
    /// Transposes the 16×16 block held in <paramref name="r0"/> … <paramref name="r15"/> (row r, lane l moves to
    /// row l, lane r) in four butterfly stages, pairs 1, 2, 4 and 8 rows apart. Inlined, so the 16 vectors stay
    /// in the caller's registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Network(
        ref Vector512<float> r0, ref Vector512<float> r1, ref Vector512<float> r2, ref Vector512<float> r3,
        ref Vector512<float> r4, ref Vector512<float> r5, ref Vector512<float> r6, ref Vector512<float> r7,
        ref Vector512<float> r8, ref Vector512<float> r9, ref Vector512<float> r10, ref Vector512<float> r11,
        ref Vector512<float> r12, ref Vector512<float> r13, ref Vector512<float> r14, ref Vector512<float> r15)
    {
        Vector512<int> low0 = Stage0Low, high0 = Stage0High, low1 = Stage1Low, high1 = Stage1High;
        Vector512<int> low2 = Stage2Low, high2 = Stage2High, low3 = Stage3Low, high3 = Stage3High;
        Exchange(ref r0, ref r1, low0, high0); Exchange(ref r2, ref r3, low0, high0); Exchange(ref r4, ref r5, low0, high0); Exchange(ref r6, ref r7, low0, high0);
        Exchange(ref r8, ref r9, low0, high0); Exchange(ref r10, ref r11, low0, high0); Exchange(ref r12, ref r13, low0, high0); Exchange(ref r14, ref r15, low0, high0);
        Exchange(ref r0, ref r2, low1, high1); Exchange(ref r1, ref r3, low1, high1); Exchange(ref r4, ref r6, low1, high1); Exchange(ref r5, ref r7, low1, high1);
        Exchange(ref r8, ref r10, low1, high1); Exchange(ref r9, ref r11, low1, high1); Exchange(ref r12, ref r14, low1, high1); Exchange(ref r13, ref r15, low1, high1);
        Exchange(ref r0, ref r4, low2, high2); Exchange(ref r1, ref r5, low2, high2); Exchange(ref r2, ref r6, low2, high2); Exchange(ref r3, ref r7, low2, high2);
        Exchange(ref r8, ref r12, low2, high2); Exchange(ref r9, ref r13, low2, high2); Exchange(ref r10, ref r14, low2, high2); Exchange(ref r11, ref r15, low2, high2);
        Exchange(ref r0, ref r8, low3, high3); Exchange(ref r1, ref r9, low3, high3); Exchange(ref r2, ref r10, low3, high3); Exchange(ref r3, ref r11, low3, high3);
        Exchange(ref r4, ref r12, low3, high3); Exchange(ref r5, ref r13, low3, high3); Exchange(ref r6, ref r14, low3, high3); Exchange(ref r7, ref r15, low3, high3);
    }

    /// <summary>
    /// For rows a (bit k clear) and b = a + s: the new row a takes lanes with bit k clear from a and the rest
    /// from b shifted down by s; the new row b takes the other half. Indices ≥ 16 select from b.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exchange(ref Vector512<float> a, ref Vector512<float> b, Vector512<int> low, Vector512<int> high)
    {
        var newA = Avx512F.PermuteVar16x32x2(a, low, b);
        b = Avx512F.PermuteVar16x32x2(a, high, b);
        a = newA;
    }
}

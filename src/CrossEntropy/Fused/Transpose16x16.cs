using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// In-register transpose of a 16×16 float block (AVX-512): 64 two-source permutes instead of 256 scalar moves
/// through memory. Stage k exchanges bit k of the row index with bit k of the lane index between the vector
/// pairs (a, a + 2^k); after the four stages every element (r, l) sits at (l, r).
/// </summary>
internal static unsafe class Transpose16x16
{
    private static readonly Vector512<int> Stage0Low = Low(1), Stage0High = High(1);
    private static readonly Vector512<int> Stage1Low = Low(2), Stage1High = High(2);
    private static readonly Vector512<int> Stage2Low = Low(4), Stage2High = High(4);
    private static readonly Vector512<int> Stage3Low = Low(8), Stage3High = High(8);

    /// <summary>Transposes the 16 vectors at <paramref name="m"/> in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InPlace(Vector512<float>* m)
    {
        Vector512<float> r0 = m[0], r1 = m[1], r2 = m[2], r3 = m[3], r4 = m[4], r5 = m[5], r6 = m[6], r7 = m[7];
        Vector512<float> r8 = m[8], r9 = m[9], r10 = m[10], r11 = m[11], r12 = m[12], r13 = m[13], r14 = m[14], r15 = m[15];
        Network(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ref r8, ref r9, ref r10, ref r11, ref r12, ref r13, ref r14, ref r15);
        m[0] = r0; m[1] = r1; m[2] = r2; m[3] = r3; m[4] = r4; m[5] = r5; m[6] = r6; m[7] = r7;
        m[8] = r8; m[9] = r9; m[10] = r10; m[11] = r11; m[12] = r12; m[13] = r13; m[14] = r14; m[15] = r15;
    }

    /// <summary>
    /// Transposes the 16 vectors at <paramref name="m"/> and writes the result as 16 rows of <paramref name="stride"/>
    /// floats from <paramref name="x"/>, the lanes of <paramref name="mask"/> only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToRows(Vector512<float>* m, float* x, int stride, Vector512<float> mask)
    {
        Vector512<float> r0 = m[0], r1 = m[1], r2 = m[2], r3 = m[3], r4 = m[4], r5 = m[5], r6 = m[6], r7 = m[7];
        Vector512<float> r8 = m[8], r9 = m[9], r10 = m[10], r11 = m[11], r12 = m[12], r13 = m[13], r14 = m[14], r15 = m[15];
        Network(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ref r8, ref r9, ref r10, ref r11, ref r12, ref r13, ref r14, ref r15);
        Avx512F.MaskStore(x, mask, r0); Avx512F.MaskStore(x + stride, mask, r1);
        Avx512F.MaskStore(x + 2 * stride, mask, r2); Avx512F.MaskStore(x + 3 * stride, mask, r3);
        Avx512F.MaskStore(x + 4 * stride, mask, r4); Avx512F.MaskStore(x + 5 * stride, mask, r5);
        Avx512F.MaskStore(x + 6 * stride, mask, r6); Avx512F.MaskStore(x + 7 * stride, mask, r7);
        Avx512F.MaskStore(x + 8 * stride, mask, r8); Avx512F.MaskStore(x + 9 * stride, mask, r9);
        Avx512F.MaskStore(x + 10 * stride, mask, r10); Avx512F.MaskStore(x + 11 * stride, mask, r11);
        Avx512F.MaskStore(x + 12 * stride, mask, r12); Avx512F.MaskStore(x + 13 * stride, mask, r13);
        Avx512F.MaskStore(x + 14 * stride, mask, r14); Avx512F.MaskStore(x + 15 * stride, mask, r15);
    }

    /// <summary>
    /// Reads 16 rows of <paramref name="stride"/> floats starting at <paramref name="x"/> (the lanes of
    /// <paramref name="mask"/> only, so nothing past a row is touched) and writes their transpose to <paramref name="m"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromRows(float* x, int stride, Vector512<float> mask, Vector512<float>* m)
    {
        var z = Vector512<float>.Zero;
        Vector512<float> r0 = Avx512F.MaskLoad(x, mask, z), r1 = Avx512F.MaskLoad(x + stride, mask, z);
        Vector512<float> r2 = Avx512F.MaskLoad(x + 2 * stride, mask, z), r3 = Avx512F.MaskLoad(x + 3 * stride, mask, z);
        Vector512<float> r4 = Avx512F.MaskLoad(x + 4 * stride, mask, z), r5 = Avx512F.MaskLoad(x + 5 * stride, mask, z);
        Vector512<float> r6 = Avx512F.MaskLoad(x + 6 * stride, mask, z), r7 = Avx512F.MaskLoad(x + 7 * stride, mask, z);
        Vector512<float> r8 = Avx512F.MaskLoad(x + 8 * stride, mask, z), r9 = Avx512F.MaskLoad(x + 9 * stride, mask, z);
        Vector512<float> r10 = Avx512F.MaskLoad(x + 10 * stride, mask, z), r11 = Avx512F.MaskLoad(x + 11 * stride, mask, z);
        Vector512<float> r12 = Avx512F.MaskLoad(x + 12 * stride, mask, z), r13 = Avx512F.MaskLoad(x + 13 * stride, mask, z);
        Vector512<float> r14 = Avx512F.MaskLoad(x + 14 * stride, mask, z), r15 = Avx512F.MaskLoad(x + 15 * stride, mask, z);
        Network(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ref r8, ref r9, ref r10, ref r11, ref r12, ref r13, ref r14, ref r15);
        m[0] = r0; m[1] = r1; m[2] = r2; m[3] = r3; m[4] = r4; m[5] = r5; m[6] = r6; m[7] = r7;
        m[8] = r8; m[9] = r9; m[10] = r10; m[11] = r11; m[12] = r12; m[13] = r13; m[14] = r14; m[15] = r15;
    }

    /// <summary>
    /// The four butterfly stages of the transpose (pairs 1, 2, 4 and 8 rows apart). Inlined, so the 16 vectors
    /// stay in registers; written once for the in-place, load-and-transpose and transpose-and-store entry points.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Network(
        ref Vector512<float> r0, ref Vector512<float> r1, ref Vector512<float> r2, ref Vector512<float> r3,
        ref Vector512<float> r4, ref Vector512<float> r5, ref Vector512<float> r6, ref Vector512<float> r7,
        ref Vector512<float> r8, ref Vector512<float> r9, ref Vector512<float> r10, ref Vector512<float> r11,
        ref Vector512<float> r12, ref Vector512<float> r13, ref Vector512<float> r14, ref Vector512<float> r15)
    {
        Exchange(ref r0, ref r1, Stage0Low, Stage0High); Exchange(ref r2, ref r3, Stage0Low, Stage0High); Exchange(ref r4, ref r5, Stage0Low, Stage0High); Exchange(ref r6, ref r7, Stage0Low, Stage0High);
        Exchange(ref r8, ref r9, Stage0Low, Stage0High); Exchange(ref r10, ref r11, Stage0Low, Stage0High); Exchange(ref r12, ref r13, Stage0Low, Stage0High); Exchange(ref r14, ref r15, Stage0Low, Stage0High);
        Exchange(ref r0, ref r2, Stage1Low, Stage1High); Exchange(ref r1, ref r3, Stage1Low, Stage1High); Exchange(ref r4, ref r6, Stage1Low, Stage1High); Exchange(ref r5, ref r7, Stage1Low, Stage1High);
        Exchange(ref r8, ref r10, Stage1Low, Stage1High); Exchange(ref r9, ref r11, Stage1Low, Stage1High); Exchange(ref r12, ref r14, Stage1Low, Stage1High); Exchange(ref r13, ref r15, Stage1Low, Stage1High);
        Exchange(ref r0, ref r4, Stage2Low, Stage2High); Exchange(ref r1, ref r5, Stage2Low, Stage2High); Exchange(ref r2, ref r6, Stage2Low, Stage2High); Exchange(ref r3, ref r7, Stage2Low, Stage2High);
        Exchange(ref r8, ref r12, Stage2Low, Stage2High); Exchange(ref r9, ref r13, Stage2Low, Stage2High); Exchange(ref r10, ref r14, Stage2Low, Stage2High); Exchange(ref r11, ref r15, Stage2Low, Stage2High);
        Exchange(ref r0, ref r8, Stage3Low, Stage3High); Exchange(ref r1, ref r9, Stage3Low, Stage3High); Exchange(ref r2, ref r10, Stage3Low, Stage3High); Exchange(ref r3, ref r11, Stage3Low, Stage3High);
        Exchange(ref r4, ref r12, Stage3Low, Stage3High); Exchange(ref r5, ref r13, Stage3Low, Stage3High); Exchange(ref r6, ref r14, Stage3Low, Stage3High); Exchange(ref r7, ref r15, Stage3Low, Stage3High);
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

    private static Vector512<int> Low(int s)
    {
        Span<int> index = stackalloc int[16];
        for (var l = 0; l < 16; l++) index[l] = (l & s) == 0 ? l : 16 + l - s;
        return Vector512.Create<int>(index);
    }

    private static Vector512<int> High(int s)
    {
        Span<int> index = stackalloc int[16];
        for (var l = 0; l < 16; l++) index[l] = (l & s) == 0 ? l + s : 16 + l;
        return Vector512.Create<int>(index);
    }
}

using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>The AVX-512 register transpose the small-class kernel turns its 16-row blocks class-major with.</summary>
public unsafe class Transpose16x16Tests
{
    [Fact]
    public void Every_element_moves_from_row_r_lane_l_to_row_l_lane_r()
    {
        if (!TransposeRunsHere()) return;
        var m = stackalloc Vector512<float>[16];
        var f = (float*)m;
        for (var i = 0; i < 256; i++) f[i] = i;
        Transpose16x16.Network(ref m[0], ref m[1], ref m[2], ref m[3], ref m[4], ref m[5], ref m[6], ref m[7],
            ref m[8], ref m[9], ref m[10], ref m[11], ref m[12], ref m[13], ref m[14], ref m[15]);
        for (var r = 0; r < 16; r++)
            for (var l = 0; l < 16; l++)
                Assert.Equal(l * 16 + r, f[r * 16 + l]);
    }

    [Fact]
    public void Applied_twice_it_gives_the_block_back()
    {
        if (!TransposeRunsHere()) return;
        var m = stackalloc Vector512<float>[16];
        var f = (float*)m;
        var random = new Random(5);
        var original = new float[256];
        for (var i = 0; i < 256; i++) f[i] = original[i] = (float)random.NextDouble();
        for (var k = 0; k < 2; k++)
            Transpose16x16.Network(ref m[0], ref m[1], ref m[2], ref m[3], ref m[4], ref m[5], ref m[6], ref m[7],
                ref m[8], ref m[9], ref m[10], ref m[11], ref m[12], ref m[13], ref m[14], ref m[15]);
        Assert.Equal(original, new ReadOnlySpan<float>(f, 256).ToArray());
    }

    /// <summary>
    /// True where AVX-512 can run the network. Elsewhere the network's instructions would throw, so what must hold
    /// there is that its only caller, the 512-bit small-class kernel, is never chosen (CI runs these tests again with
    /// AVX-512 off and on Arm64, where this branch asserts it).
    /// </summary>
    private static bool TransposeRunsHere()
    {
        if (Avx512F.IsSupported) return true;
        Assert.False(SoftmaxCrossEntropySmallClasses512.IsSupported);
        return false;
    }
}

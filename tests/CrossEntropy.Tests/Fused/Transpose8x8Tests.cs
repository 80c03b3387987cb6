using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>The AVX register transpose the 256-bit small-class kernel turns its 8-row blocks class-major with.</summary>
public unsafe class Transpose8x8Tests
{
    [Fact]
    public void Every_element_moves_from_row_r_lane_l_to_row_l_lane_r_and_back()
    {
        if (!Avx.IsSupported)
        {
            // The network's instructions would throw here, so its only caller, the 256-bit small-class kernel, must
            // never be chosen (CI runs these tests on Arm64 too, where this branch asserts it).
            Assert.False(SoftmaxCrossEntropySmallClasses256.IsSupported);
            return;
        }
        var m = stackalloc Vector256<float>[8];
        var f = (float*)m;
        for (var i = 0; i < 64; i++) f[i] = i;
        Transpose8x8.Network(ref m[0], ref m[1], ref m[2], ref m[3], ref m[4], ref m[5], ref m[6], ref m[7]);
        for (var r = 0; r < 8; r++)
            for (var l = 0; l < 8; l++)
                Assert.Equal(l * 8 + r, f[r * 8 + l]);
        Transpose8x8.Network(ref m[0], ref m[1], ref m[2], ref m[3], ref m[4], ref m[5], ref m[6], ref m[7]);
        for (var i = 0; i < 64; i++) Assert.Equal(i, f[i]);
    }
}

using System.Runtime.Intrinsics;
using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>
/// The 128-bit register transpose of the 4-row small-class kernel: the network the machine runs (SSE on x64, NEON on
/// Arm64, which CI covers by running these tests under qemu-aarch64), and the cross-platform one for other machines,
/// which is tested here on every machine.
/// </summary>
public unsafe class Transpose4x4Tests
{
    private delegate void Network(ref Vector128<float> r0, ref Vector128<float> r1, ref Vector128<float> r2, ref Vector128<float> r3);

    public static TheoryData<string> Networks => new() { nameof(Transpose4x4.Network), nameof(Transpose4x4.Portable) };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_element_moves_from_row_r_lane_l_to_row_l_lane_r_and_back(string name)
    {
        Network transpose = name == nameof(Transpose4x4.Portable) ? Transpose4x4.Portable : Transpose4x4.Network;
        var m = stackalloc Vector128<float>[4];
        var f = (float*)m;
        for (var i = 0; i < 16; i++) f[i] = i;
        transpose(ref m[0], ref m[1], ref m[2], ref m[3]);
        for (var r = 0; r < 4; r++)
            for (var l = 0; l < 4; l++)
                Assert.Equal(l * 4 + r, f[r * 4 + l]);
        transpose(ref m[0], ref m[1], ref m[2], ref m[3]);
        for (var i = 0; i < 16; i++) Assert.Equal(i, f[i]);
    }

    [Fact]
    public void Special_values_and_signed_zeros_move_unchanged()
    {
        // The portable network picks lanes with selects: a select must not turn −0, NaN payloads or infinities into others.
        float[] values = [-0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -1e-45f, 3.5f, -2f,
            0f, 1f, float.MaxValue, float.MinValue, 7f, 8f, 9f, 10f];
        var a = stackalloc Vector128<float>[4];
        var b = stackalloc Vector128<float>[4];
        for (var i = 0; i < 16; i++) ((float*)a)[i] = ((float*)b)[i] = values[i];
        Transpose4x4.Network(ref a[0], ref a[1], ref a[2], ref a[3]);
        Transpose4x4.Portable(ref b[0], ref b[1], ref b[2], ref b[3]);
        for (var r = 0; r < 4; r++)
            for (var l = 0; l < 4; l++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(values[l * 4 + r]), BitConverter.SingleToInt32Bits(((float*)a)[r * 4 + l]));
                Assert.Equal(BitConverter.SingleToInt32Bits(values[l * 4 + r]), BitConverter.SingleToInt32Bits(((float*)b)[r * 4 + l]));
            }
    }
}

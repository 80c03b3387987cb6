using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>The AVX-512 register transpose the small-class kernel reads and writes its 16-row blocks with.</summary>
public unsafe class Transpose16x16Tests
{
    [Fact]
    public void In_place_every_element_moves_from_row_r_lane_l_to_row_l_lane_r()
    {
        if (!Avx512F.IsSupported) return; // the kernel that uses it runs only where AVX-512 does; others are tested through it
        var m = stackalloc Vector512<float>[16];
        var f = (float*)m;
        for (var i = 0; i < 256; i++) f[i] = i;
        Transpose16x16.InPlace(m);
        for (var r = 0; r < 16; r++)
            for (var l = 0; l < 16; l++)
                Assert.Equal(l * 16 + r, f[r * 16 + l]);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(3)]
    [InlineData(15)]
    public void From_rows_and_back_touches_only_the_masked_lanes_of_each_row(int classes)
    {
        if (!Avx512F.IsSupported) return;
        var rows = new float[16 * classes + 1];
        for (var i = 0; i < rows.Length; i++) rows[i] = i + 1;
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(classes)).AsSingle();
        var m = stackalloc Vector512<float>[16];
        var back = new float[16 * classes + 1];
        back[^1] = -7f; // a sentinel just past the last row: the masked stores must not reach it
        fixed (float* x = rows)
        fixed (float* y = back)
        {
            Transpose16x16.FromRows(x, classes, mask, m);
            var f = (float*)m;
            for (var c = 0; c < 16; c++)
                for (var r = 0; r < 16; r++)
                    Assert.Equal(c < classes ? rows[r * classes + c] : 0f, f[c * 16 + r]);
            Transpose16x16.ToRows(m, y, classes, mask);
        }
        Assert.Equal(rows[..^1], back[..^1]);
        Assert.Equal(-7f, back[^1]);
    }
}

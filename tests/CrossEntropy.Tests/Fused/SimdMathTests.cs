using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>The float32 exp and log polynomials against Math.Exp/Math.Log, at every width.</summary>
public unsafe class SimdMathTests
{
    private static void Apply<TV, TS>(float* input, float* output, int count, Func<TV, TV> f) where TV : struct where TS : struct, ISimd<TV>
    {
        for (var i = 0; i + TS.Count <= count; i += TS.Count) TS.Store(f(TS.Load(input + i)), output + i);
    }

    private static float[] Run(int width, float[] input, string function)
    {
        var output = new float[input.Length];
        fixed (float* x = input)
        fixed (float* y = output)
        {
            switch (width, function)
            {
                case (512, "exp"): Apply<Vector512<float>, Simd512>(x, y, input.Length, SimdMath.ExpNonPositive<Vector512<float>, Simd512>); break;
                case (256, "exp"): Apply<Vector256<float>, Simd256>(x, y, input.Length, SimdMath.ExpNonPositive<Vector256<float>, Simd256>); break;
                case (128, "exp"): Apply<Vector128<float>, Simd128>(x, y, input.Length, SimdMath.ExpNonPositive<Vector128<float>, Simd128>); break;
                case (512, _): Apply<Vector512<float>, Simd512>(x, y, input.Length, SimdMath.Log<Vector512<float>, Simd512>); break;
                case (256, _): Apply<Vector256<float>, Simd256>(x, y, input.Length, SimdMath.Log<Vector256<float>, Simd256>); break;
                default: Apply<Vector128<float>, Simd128>(x, y, input.Length, SimdMath.Log<Vector128<float>, Simd128>); break;
            }
        }
        return output;
    }

    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(512)]
    public void Exp_of_non_positive_arguments_is_within_one_ulp_with_fused_multiply_add(int width)
    {
        // Every x64 since 2013 (FMA3) and every Arm64 fuses the polynomial's multiply-adds: 1 ulp. Where the runtime
        // has no hardware intrinsics (DOTNET_EnableHWIntrinsic=0) each one rounds twice, and the bound is 2 ulp.
        var ulps = Fma.IsSupported || AdvSimd.IsSupported ? 1 : 2;
        var input = new float[1 << 16];
        for (var i = 0; i < input.Length; i++) input[i] = -87f * i / input.Length;
        var output = Run(width, input, "exp");
        for (var i = 0; i < input.Length; i++)
        {
            var exact = Math.Exp(input[i]);
            var ulp = (double)MathF.BitIncrement((float)exact) - (float)exact; // the float spacing at the exact value
            Assert.True(Math.Abs(output[i] - exact) <= ulps * ulp, $"exp({input[i]:R}) = {output[i]:R}, exact {exact:R}: more than {ulps} ulp off");
        }
    }

    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(512)]
    public void Exp_flushes_below_the_smallest_normal_and_keeps_NaN(int width)
    {
        float[] input = [float.NegativeInfinity, -1e30f, -88f, float.NaN, 0f, -0f, -1e-30f, -87.3f];
        var padded = input.Concat(new float[16 - input.Length]).ToArray();
        var output = Run(width, padded, "exp");
        Assert.Equal([0f, 0f, 0f], output[..3]);
        Assert.True(float.IsNaN(output[3]));
        Assert.Equal([1f, 1f, 1f], output[4..7]);
        Assert.True(output[7] > 0f);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(512)]
    public void Log_of_positive_normal_arguments_is_within_three_ulp_and_keeps_NaN(int width)
    {
        var random = new Random(3);
        var input = new float[1 << 16];
        for (var i = 0; i < input.Length - 16; i++) input[i] = (float)Math.Exp(random.NextDouble() * 160 - 80);
        input[^16] = 1f;
        input[^15] = float.NaN;
        input[^14] = float.PositiveInfinity;
        for (var i = input.Length - 13; i < input.Length; i++) input[i] = 1f + i * 1e-7f;
        var output = Run(width, input, "log");
        for (var i = 0; i < input.Length; i++)
        {
            if (i == input.Length - 15 || i == input.Length - 14) { Assert.True(float.IsNaN(output[i]), $"log({input[i]}) = {output[i]}"); continue; }
            var exact = Math.Log(input[i]);
            Assert.True(Math.Abs(output[i] - exact) <= 3 * 5.97e-8 * Math.Abs(exact),
                $"log({input[i]:R}) = {output[i]:R}, exact {exact:R}");
        }
    }
}

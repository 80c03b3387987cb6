using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// In-register transpose of a 4×4 float block: after it element (r, l) sits at (l, r). SSE and Arm64 (NEON TRN1/TRN2)
/// each do it in 8 instructions; elsewhere (WebAssembly, no intrinsics) the cross-platform <see cref="Portable"/> network
/// runs, which uses only <see cref="Vector128"/> operations and is tested on every machine.
/// </summary>
internal static class Transpose4x4
{
    /// <summary>Transposes the block held in <paramref name="r0"/> … <paramref name="r3"/>; inlined, so it stays in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Network(ref Vector128<float> r0, ref Vector128<float> r1, ref Vector128<float> r2, ref Vector128<float> r3)
    {
        if (Sse.IsSupported)
        {
            // Unpacks interleave row pairs; moving 64-bit halves then pairs them up into columns.
            var t0 = Sse.UnpackLow(r0, r1);  // r0₀ r1₀ r0₁ r1₁
            var t1 = Sse.UnpackLow(r2, r3);  // r2₀ r3₀ r2₁ r3₁
            var t2 = Sse.UnpackHigh(r0, r1); // r0₂ r1₂ r0₃ r1₃
            var t3 = Sse.UnpackHigh(r2, r3); // r2₂ r3₂ r2₃ r3₃
            r0 = Sse.MoveLowToHigh(t0, t1);
            r1 = Sse.MoveHighToLow(t1, t0);
            r2 = Sse.MoveLowToHigh(t2, t3);
            r3 = Sse.MoveHighToLow(t3, t2);
            return;
        }
        if (AdvSimd.Arm64.IsSupported)
        {
            // TRN1/TRN2 exchange single lanes between row pairs, then the same on 64-bit lanes exchanges lane pairs. Not
            // only shorter than the portable network: the Arm64 JIT, at its inlining budget in the small-class kernel, left
            // that one as a call.
            var t0 = AdvSimd.Arm64.TransposeEven(r0, r1); // r0₀ r1₀ r0₂ r1₂
            var t1 = AdvSimd.Arm64.TransposeOdd(r0, r1);  // r0₁ r1₁ r0₃ r1₃
            var t2 = AdvSimd.Arm64.TransposeEven(r2, r3); // r2₀ r3₀ r2₂ r3₂
            var t3 = AdvSimd.Arm64.TransposeOdd(r2, r3);  // r2₁ r3₁ r2₃ r3₃
            r0 = AdvSimd.Arm64.TransposeEven(t0.AsUInt64(), t2.AsUInt64()).AsSingle();
            r1 = AdvSimd.Arm64.TransposeEven(t1.AsUInt64(), t3.AsUInt64()).AsSingle();
            r2 = AdvSimd.Arm64.TransposeOdd(t0.AsUInt64(), t2.AsUInt64()).AsSingle();
            r3 = AdvSimd.Arm64.TransposeOdd(t1.AsUInt64(), t3.AsUInt64()).AsSingle();
            return;
        }
        Portable(ref r0, ref r1, ref r2, ref r3);
    }

    /// <summary>
    /// The same transpose from single-source shuffles and selects (two stages of exchanges between vector pairs,
    /// first single lanes, then lane pairs), for machines where <see cref="Network"/> has no ISA-specific form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Portable(ref Vector128<float> r0, ref Vector128<float> r1, ref Vector128<float> r2, ref Vector128<float> r3)
    {
        var odd = Vector128.Create(-1, 0, -1, 0).AsSingle();   // lanes 0 and 2 from the first vector
        var high = Vector128.Create(-1, -1, 0, 0).AsSingle();  // lanes 0 and 1 from the first vector
        var evens = Vector128.Create(0, 0, 2, 2);
        var odds = Vector128.Create(1, 1, 3, 3);
        var lows = Vector128.Create(0, 1, 0, 1);
        var highs = Vector128.Create(2, 3, 2, 3);
        // Stage 1: exchange single lanes between (r0, r1) and (r2, r3): s0 = r0₀ r1₀ r0₂ r1₂, s1 = r0₁ r1₁ r0₃ r1₃.
        var s0 = Vector128.ConditionalSelect(odd, r0, Vector128.Shuffle(r1, evens));
        var s1 = Vector128.ConditionalSelect(odd, Vector128.Shuffle(r0, odds), r1);
        var s2 = Vector128.ConditionalSelect(odd, r2, Vector128.Shuffle(r3, evens));
        var s3 = Vector128.ConditionalSelect(odd, Vector128.Shuffle(r2, odds), r3);
        // Stage 2: exchange lane pairs between (s0, s2) and (s1, s3).
        r0 = Vector128.ConditionalSelect(high, s0, Vector128.Shuffle(s2, lows));
        r2 = Vector128.ConditionalSelect(high, Vector128.Shuffle(s0, highs), s2);
        r1 = Vector128.ConditionalSelect(high, s1, Vector128.Shuffle(s3, lows));
        r3 = Vector128.ConditionalSelect(high, Vector128.Shuffle(s1, highs), s3);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace CrossEntropy.Fused;

/// <summary>
/// The 128-bit version of <see cref="SoftmaxCrossEntropySmallClasses512"/> (fewer than 16 classes, lanes hold rows),
/// for machines whose widest vectors are 128 bits: Arm64 (NEON), and x64 without AVX2 at up to 6 classes (see
/// <see cref="Handles"/>). A block is 4 rows; each row is
/// up to four 4-lane groups (classes 0–3, 4–7, 8–11, 12–14), turned class-major by <see cref="Transpose4x4"/> and
/// back. Compiled once per class count like the wider kernels, so the block stays in registers. Only
/// <see cref="Vector128"/> operations outside the transposes (which use each ISA's shuffles), so the same code runs on
/// NEON and SSE. Loads and stores are whole vectors where
/// the 4-row block still holds all 4 floats; the last row's last group moves element by element (there are no
/// portable masked loads and stores), and a whole-vector store that runs into the next row is overwritten by that
/// row's own store, which comes later. Nothing is read or written past the block. Same formulas and edge cases as
/// the portable path (ignored and padding rows give exact zeros).
/// </summary>
internal static unsafe class SoftmaxCrossEntropySmallClasses128
{
    /// <summary>Blocks whose lane losses are summed in float before flushing into the double total.</summary>
    private const int BlocksPerFlush = 16;

    /// <summary>
    /// Whether this kernel beats the portable one for <paramref name="classes"/> classes here. It keeps up to 15 class
    /// vectors live, which fits where the JIT has 32 vector registers (Arm64, and x64 with AVX-512). With 16 (x64 SSE or
    /// AVX2) it spills past 6 classes: measured on Zen 4 with AVX-512 turned off, 4096×6 went 78 → 58 µs but 4096×8 was
    /// even and 4096×15 5 % slower (with SSE only, 30 % slower). Without hardware vectors the scalar path is faster.
    /// </summary>
    public static bool Handles(int classes) =>
        Vector128.IsHardwareAccelerated && classes <= (Avx512F.VL.IsSupported || AdvSimd.Arm64.IsSupported ? 15 : 6);

    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>); returns the sum of their losses.</summary>
    public static double Run(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) => ClassCounts.Run<Kernel>(a, rowStart, rowEnd);

    private readonly struct Kernel : IClassCountKernel
    {
        public static double Run<TC>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TC : struct, IClassCount =>
            Rows<TC>(a, rowStart, rowEnd);
    }

    [SkipLocalsInit] // every stack buffer is written before it is read
    private static double Rows<TC>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TC : struct, IClassCount
    {
        var classes = TC.Value;
        var weight = a.Weight;
        var smoothing = a.Smoothing != 0f;
        var spread = a.Smoothing / classes;
        var ignoreIndex = Vector128.Create(a.IgnoreIndex);

        // A last block of fewer than 4 rows is copied into these and padded with ignored rows, so the one block
        // body below never reads or writes past the caller's rows.
        float* tailLogits = stackalloc float[4 * 16], tailGradient = stackalloc float[4 * 16];
        float* tailUpstream = stackalloc float[4], tailLosses = stackalloc float[4];
        int* tailTargets = stackalloc int[4];
        var lane = stackalloc float[4]; // a partial group on its way out, element by element
        var tail = new ShortBlock(tailLogits, tailGradient, tailTargets, tailUpstream, tailLosses);

        var lossSum = Vector128<float>.Zero;
        var pending = 0;
        double total = 0;
        for (var r0 = rowStart; r0 < rowEnd; r0 += 4)
        {
            var rows = Math.Min(4, rowEnd - r0);
            var x = a.Logits + (long)r0 * classes;
            var targets = a.Targets + r0;
            var upstream = a.Upstream == null ? null : a.Upstream + r0;
            var losses = a.Losses == null ? null : a.Losses + r0;
            var gradient = a.Gradient == null ? null : a.Gradient + (long)r0 * classes;
            if (rows < 4) tail.CopyIn(4, rows, classes, a.IgnoreIndex, ref x, ref targets, ref upstream);

            var z = Vector128<float>.Zero;
            // Written out rather than through a helper, as in the wider kernels (the JIT's inlining budget); `classes` is
            // a JIT-time constant, so each condition folds away. a_r, b_r, c_r, d_r: row r's classes 0–3, 4–7, 8–11, 12–15.
            var a0 = 0 * classes + 4 <= 4 * classes ? *(Vector128<float>*)(x + 0 * classes + 0) : Vector128.Create(x[0 * classes + 0], classes - 0 > 1 ? x[0 * classes + 0 + 1] : 0f, classes - 0 > 2 ? x[0 * classes + 0 + 2] : 0f, 0f);
            var a1 = 1 * classes + 4 <= 4 * classes ? *(Vector128<float>*)(x + 1 * classes + 0) : Vector128.Create(x[1 * classes + 0], classes - 0 > 1 ? x[1 * classes + 0 + 1] : 0f, classes - 0 > 2 ? x[1 * classes + 0 + 2] : 0f, 0f);
            var a2 = 2 * classes + 4 <= 4 * classes ? *(Vector128<float>*)(x + 2 * classes + 0) : Vector128.Create(x[2 * classes + 0], classes - 0 > 1 ? x[2 * classes + 0 + 1] : 0f, classes - 0 > 2 ? x[2 * classes + 0 + 2] : 0f, 0f);
            var a3 = 3 * classes + 4 <= 4 * classes ? *(Vector128<float>*)(x + 3 * classes + 0) : Vector128.Create(x[3 * classes + 0], classes - 0 > 1 ? x[3 * classes + 0 + 1] : 0f, classes - 0 > 2 ? x[3 * classes + 0 + 2] : 0f, 0f);
            var b0 = classes <= 4 ? z : 0 * classes + 8 <= 4 * classes ? *(Vector128<float>*)(x + 0 * classes + 4) : Vector128.Create(x[0 * classes + 4], classes - 4 > 1 ? x[0 * classes + 4 + 1] : 0f, classes - 4 > 2 ? x[0 * classes + 4 + 2] : 0f, 0f);
            var b1 = classes <= 4 ? z : 1 * classes + 8 <= 4 * classes ? *(Vector128<float>*)(x + 1 * classes + 4) : Vector128.Create(x[1 * classes + 4], classes - 4 > 1 ? x[1 * classes + 4 + 1] : 0f, classes - 4 > 2 ? x[1 * classes + 4 + 2] : 0f, 0f);
            var b2 = classes <= 4 ? z : 2 * classes + 8 <= 4 * classes ? *(Vector128<float>*)(x + 2 * classes + 4) : Vector128.Create(x[2 * classes + 4], classes - 4 > 1 ? x[2 * classes + 4 + 1] : 0f, classes - 4 > 2 ? x[2 * classes + 4 + 2] : 0f, 0f);
            var b3 = classes <= 4 ? z : 3 * classes + 8 <= 4 * classes ? *(Vector128<float>*)(x + 3 * classes + 4) : Vector128.Create(x[3 * classes + 4], classes - 4 > 1 ? x[3 * classes + 4 + 1] : 0f, classes - 4 > 2 ? x[3 * classes + 4 + 2] : 0f, 0f);
            var c0 = classes <= 8 ? z : 0 * classes + 12 <= 4 * classes ? *(Vector128<float>*)(x + 0 * classes + 8) : Vector128.Create(x[0 * classes + 8], classes - 8 > 1 ? x[0 * classes + 8 + 1] : 0f, classes - 8 > 2 ? x[0 * classes + 8 + 2] : 0f, 0f);
            var c1 = classes <= 8 ? z : 1 * classes + 12 <= 4 * classes ? *(Vector128<float>*)(x + 1 * classes + 8) : Vector128.Create(x[1 * classes + 8], classes - 8 > 1 ? x[1 * classes + 8 + 1] : 0f, classes - 8 > 2 ? x[1 * classes + 8 + 2] : 0f, 0f);
            var c2 = classes <= 8 ? z : 2 * classes + 12 <= 4 * classes ? *(Vector128<float>*)(x + 2 * classes + 8) : Vector128.Create(x[2 * classes + 8], classes - 8 > 1 ? x[2 * classes + 8 + 1] : 0f, classes - 8 > 2 ? x[2 * classes + 8 + 2] : 0f, 0f);
            var c3 = classes <= 8 ? z : 3 * classes + 12 <= 4 * classes ? *(Vector128<float>*)(x + 3 * classes + 8) : Vector128.Create(x[3 * classes + 8], classes - 8 > 1 ? x[3 * classes + 8 + 1] : 0f, classes - 8 > 2 ? x[3 * classes + 8 + 2] : 0f, 0f);
            var d0 = classes <= 12 ? z : 0 * classes + 16 <= 4 * classes ? *(Vector128<float>*)(x + 0 * classes + 12) : Vector128.Create(x[0 * classes + 12], classes - 12 > 1 ? x[0 * classes + 12 + 1] : 0f, classes - 12 > 2 ? x[0 * classes + 12 + 2] : 0f, 0f);
            var d1 = classes <= 12 ? z : 1 * classes + 16 <= 4 * classes ? *(Vector128<float>*)(x + 1 * classes + 12) : Vector128.Create(x[1 * classes + 12], classes - 12 > 1 ? x[1 * classes + 12 + 1] : 0f, classes - 12 > 2 ? x[1 * classes + 12 + 2] : 0f, 0f);
            var d2 = classes <= 12 ? z : 2 * classes + 16 <= 4 * classes ? *(Vector128<float>*)(x + 2 * classes + 12) : Vector128.Create(x[2 * classes + 12], classes - 12 > 1 ? x[2 * classes + 12 + 1] : 0f, classes - 12 > 2 ? x[2 * classes + 12 + 2] : 0f, 0f);
            var d3 = classes <= 12 ? z : 3 * classes + 16 <= 4 * classes ? *(Vector128<float>*)(x + 3 * classes + 12) : Vector128.Create(x[3 * classes + 12], classes - 12 > 1 ? x[3 * classes + 12 + 1] : 0f, classes - 12 > 2 ? x[3 * classes + 12 + 2] : 0f, 0f);
            Transpose4x4.Network(ref a0, ref a1, ref a2, ref a3);
            if (classes > 4) Transpose4x4.Network(ref b0, ref b1, ref b2, ref b3);
            if (classes > 8) Transpose4x4.Network(ref c0, ref c1, ref c2, ref c3);
            if (classes > 12) Transpose4x4.Network(ref d0, ref d1, ref d2, ref d3);
            // Now a_j holds class j of the 4 rows, b_j class 4 + j, c_j class 8 + j, d_j class 12 + j; classes ≥ C are unused.

            var t = Vector128.Load(targets);
            var keep = (~Vector128.Equals(t, ignoreIndex)).AsSingle();

            var max = a0;
            if (classes > 1) max = Vector128.MaxNative(max, a1);
            if (classes > 2) max = Vector128.MaxNative(max, a2);
            if (classes > 3) max = Vector128.MaxNative(max, a3);
            if (classes > 4) max = Vector128.MaxNative(max, b0);
            if (classes > 5) max = Vector128.MaxNative(max, b1);
            if (classes > 6) max = Vector128.MaxNative(max, b2);
            if (classes > 7) max = Vector128.MaxNative(max, b3);
            if (classes > 8) max = Vector128.MaxNative(max, c0);
            if (classes > 9) max = Vector128.MaxNative(max, c1);
            if (classes > 10) max = Vector128.MaxNative(max, c2);
            if (classes > 11) max = Vector128.MaxNative(max, c3);
            if (classes > 12) max = Vector128.MaxNative(max, d0);
            if (classes > 13) max = Vector128.MaxNative(max, d1);
            if (classes > 14) max = Vector128.MaxNative(max, d2);

            Vector128<float> sum = z, weightedShift = z, targetShift = z;
            Exponentiate<TC>(ref a0, 0, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a1, 1, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a2, 2, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref a3, 3, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b0, 4, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b1, 5, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b2, 6, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref b3, 7, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref c0, 8, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref c1, 9, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref c2, 10, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref c3, 11, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref d0, 12, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref d1, 13, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);
            Exponentiate<TC>(ref d2, 14, max, t, weight, smoothing, ref sum, ref weightedShift, ref targetShift);

            var logSum = SimdMath.Log<Vector128<float>, Simd128>(sum);
            // An ignored target may be any integer: only in-range targets index the weights, and `keep` discards the lane.
            var pickedWeight = weight == null ? Vector128<float>.One : Vector128.Create(
                (uint)targets[0] < (uint)classes ? weight[targets[0]] : 0f, (uint)targets[1] < (uint)classes ? weight[targets[1]] : 0f,
                (uint)targets[2] < (uint)classes ? weight[targets[2]] : 0f, (uint)targets[3] < (uint)classes ? weight[targets[3]] : 0f);
            var targetWeight = Vector128.Create(1f - a.Smoothing) * pickedWeight;
            var loss = targetWeight * (logSum - targetShift);
            if (smoothing) loss = Vector128.MultiplyAddEstimate(Vector128.Create(spread), Vector128.Create(a.WeightTotal) * logSum - weightedShift, loss);
            loss = Vector128.ConditionalSelect(keep, loss, Vector128<float>.Zero); // exact 0 for ignored and padding rows, even with non-finite logits

            if (losses != null) loss.Store(rows == 4 ? losses : tailLosses);
            lossSum += loss;
            if (++pending == BlocksPerFlush)
            {
                total += Vector128.Sum(lossSum);
                lossSum = Vector128<float>.Zero;
                pending = 0;
            }

            if (gradient != null)
            {
                var scale = Vector128.Create(a.GradientScale);
                if (upstream != null) scale *= Vector128.Load(upstream);
                scale = Vector128.ConditionalSelect(keep, scale, Vector128<float>.Zero);
                var alpha = scale * Vector128.MultiplyAddEstimate(Vector128.Create(spread), Vector128.Create(a.WeightTotal), targetWeight) * Simd128.Reciprocal(sum);
                var beta = -scale * Vector128.Create(spread);
                var oneHot = scale * targetWeight;
                Differentiate<TC>(ref a0, 0, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a1, 1, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a2, 2, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref a3, 3, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b0, 4, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b1, 5, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b2, 6, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref b3, 7, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref c0, 8, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref c1, 9, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref c2, 10, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref c3, 11, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref d0, 12, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref d1, 13, alpha, beta, oneHot, keep, t, weight, smoothing);
                Differentiate<TC>(ref d2, 14, alpha, beta, oneHot, keep, t, weight, smoothing);
                // Classes past C are zeroed so the JIT drops the work that only fed them.
                if (classes <= 1) a1 = z;
                if (classes <= 2) a2 = z;
                if (classes <= 3) a3 = z;
                if (classes <= 4) b0 = z;
                if (classes <= 5) b1 = z;
                if (classes <= 6) b2 = z;
                if (classes <= 7) b3 = z;
                if (classes <= 8) c0 = z;
                if (classes <= 9) c1 = z;
                if (classes <= 10) c2 = z;
                if (classes <= 11) c3 = z;
                if (classes <= 12) d0 = z;
                if (classes <= 13) d1 = z;
                if (classes <= 14) d2 = z;
                if (classes <= 15) d3 = z;
                Transpose4x4.Network(ref a0, ref a1, ref a2, ref a3);
                if (classes > 4) Transpose4x4.Network(ref b0, ref b1, ref b2, ref b3);
                if (classes > 8) Transpose4x4.Network(ref c0, ref c1, ref c2, ref c3);
                if (classes > 12) Transpose4x4.Network(ref d0, ref d1, ref d2, ref d3);

                // Row by row, in order: a whole-vector store may run into the next row, whose own store comes later.
                var gx = rows == 4 ? gradient : tailGradient; // not tail.Gradient: at the inlining budget that stayed a call, spilling the block
                if (0 * classes + 4 <= 4 * classes) *(Vector128<float>*)(gx + 0 * classes + 0) = a0; else { *(Vector128<float>*)lane = a0; gx[0 * classes + 0] = lane[0]; if (classes - 0 > 1) gx[0 * classes + 0 + 1] = lane[1]; if (classes - 0 > 2) gx[0 * classes + 0 + 2] = lane[2]; }
                if (classes > 4) { if (0 * classes + 8 <= 4 * classes) *(Vector128<float>*)(gx + 0 * classes + 4) = b0; else { *(Vector128<float>*)lane = b0; gx[0 * classes + 4] = lane[0]; if (classes - 4 > 1) gx[0 * classes + 4 + 1] = lane[1]; if (classes - 4 > 2) gx[0 * classes + 4 + 2] = lane[2]; } }
                if (classes > 8) { if (0 * classes + 12 <= 4 * classes) *(Vector128<float>*)(gx + 0 * classes + 8) = c0; else { *(Vector128<float>*)lane = c0; gx[0 * classes + 8] = lane[0]; if (classes - 8 > 1) gx[0 * classes + 8 + 1] = lane[1]; if (classes - 8 > 2) gx[0 * classes + 8 + 2] = lane[2]; } }
                if (classes > 12) { if (0 * classes + 16 <= 4 * classes) *(Vector128<float>*)(gx + 0 * classes + 12) = d0; else { *(Vector128<float>*)lane = d0; gx[0 * classes + 12] = lane[0]; if (classes - 12 > 1) gx[0 * classes + 12 + 1] = lane[1]; if (classes - 12 > 2) gx[0 * classes + 12 + 2] = lane[2]; } }
                if (1 * classes + 4 <= 4 * classes) *(Vector128<float>*)(gx + 1 * classes + 0) = a1; else { *(Vector128<float>*)lane = a1; gx[1 * classes + 0] = lane[0]; if (classes - 0 > 1) gx[1 * classes + 0 + 1] = lane[1]; if (classes - 0 > 2) gx[1 * classes + 0 + 2] = lane[2]; }
                if (classes > 4) { if (1 * classes + 8 <= 4 * classes) *(Vector128<float>*)(gx + 1 * classes + 4) = b1; else { *(Vector128<float>*)lane = b1; gx[1 * classes + 4] = lane[0]; if (classes - 4 > 1) gx[1 * classes + 4 + 1] = lane[1]; if (classes - 4 > 2) gx[1 * classes + 4 + 2] = lane[2]; } }
                if (classes > 8) { if (1 * classes + 12 <= 4 * classes) *(Vector128<float>*)(gx + 1 * classes + 8) = c1; else { *(Vector128<float>*)lane = c1; gx[1 * classes + 8] = lane[0]; if (classes - 8 > 1) gx[1 * classes + 8 + 1] = lane[1]; if (classes - 8 > 2) gx[1 * classes + 8 + 2] = lane[2]; } }
                if (classes > 12) { if (1 * classes + 16 <= 4 * classes) *(Vector128<float>*)(gx + 1 * classes + 12) = d1; else { *(Vector128<float>*)lane = d1; gx[1 * classes + 12] = lane[0]; if (classes - 12 > 1) gx[1 * classes + 12 + 1] = lane[1]; if (classes - 12 > 2) gx[1 * classes + 12 + 2] = lane[2]; } }
                if (2 * classes + 4 <= 4 * classes) *(Vector128<float>*)(gx + 2 * classes + 0) = a2; else { *(Vector128<float>*)lane = a2; gx[2 * classes + 0] = lane[0]; if (classes - 0 > 1) gx[2 * classes + 0 + 1] = lane[1]; if (classes - 0 > 2) gx[2 * classes + 0 + 2] = lane[2]; }
                if (classes > 4) { if (2 * classes + 8 <= 4 * classes) *(Vector128<float>*)(gx + 2 * classes + 4) = b2; else { *(Vector128<float>*)lane = b2; gx[2 * classes + 4] = lane[0]; if (classes - 4 > 1) gx[2 * classes + 4 + 1] = lane[1]; if (classes - 4 > 2) gx[2 * classes + 4 + 2] = lane[2]; } }
                if (classes > 8) { if (2 * classes + 12 <= 4 * classes) *(Vector128<float>*)(gx + 2 * classes + 8) = c2; else { *(Vector128<float>*)lane = c2; gx[2 * classes + 8] = lane[0]; if (classes - 8 > 1) gx[2 * classes + 8 + 1] = lane[1]; if (classes - 8 > 2) gx[2 * classes + 8 + 2] = lane[2]; } }
                if (classes > 12) { if (2 * classes + 16 <= 4 * classes) *(Vector128<float>*)(gx + 2 * classes + 12) = d2; else { *(Vector128<float>*)lane = d2; gx[2 * classes + 12] = lane[0]; if (classes - 12 > 1) gx[2 * classes + 12 + 1] = lane[1]; if (classes - 12 > 2) gx[2 * classes + 12 + 2] = lane[2]; } }
                if (3 * classes + 4 <= 4 * classes) *(Vector128<float>*)(gx + 3 * classes + 0) = a3; else { *(Vector128<float>*)lane = a3; gx[3 * classes + 0] = lane[0]; if (classes - 0 > 1) gx[3 * classes + 0 + 1] = lane[1]; if (classes - 0 > 2) gx[3 * classes + 0 + 2] = lane[2]; }
                if (classes > 4) { if (3 * classes + 8 <= 4 * classes) *(Vector128<float>*)(gx + 3 * classes + 4) = b3; else { *(Vector128<float>*)lane = b3; gx[3 * classes + 4] = lane[0]; if (classes - 4 > 1) gx[3 * classes + 4 + 1] = lane[1]; if (classes - 4 > 2) gx[3 * classes + 4 + 2] = lane[2]; } }
                if (classes > 8) { if (3 * classes + 12 <= 4 * classes) *(Vector128<float>*)(gx + 3 * classes + 8) = c3; else { *(Vector128<float>*)lane = c3; gx[3 * classes + 8] = lane[0]; if (classes - 8 > 1) gx[3 * classes + 8 + 1] = lane[1]; if (classes - 8 > 2) gx[3 * classes + 8 + 2] = lane[2]; } }
                if (classes > 12) { if (3 * classes + 16 <= 4 * classes) *(Vector128<float>*)(gx + 3 * classes + 12) = d3; else { *(Vector128<float>*)lane = d3; gx[3 * classes + 12] = lane[0]; if (classes - 12 > 1) gx[3 * classes + 12 + 1] = lane[1]; if (classes - 12 > 2) gx[3 * classes + 12 + 2] = lane[2]; } }
            }

            if (rows < 4) tail.CopyOut(rows, classes, losses, gradient);
        }
        return total + Vector128.Sum(lossSum);
    }

    /// <summary>Class <paramref name="c"/>: v ← exp(v − max), adding to the sum and picking the target's shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exponentiate<TC>(
        ref Vector128<float> v, int c, Vector128<float> max, Vector128<int> targets, float* weight, bool smoothing,
        ref Vector128<float> sum, ref Vector128<float> weightedShift, ref Vector128<float> targetShift) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var d = v - max;
        var e = SimdMath.ExpNonPositive<Vector128<float>, Simd128>(d);
        sum += e;
        if (smoothing) weightedShift = Vector128.MultiplyAddEstimate(Vector128.Create(weight == null ? 1f : weight[c]), d, weightedShift);
        targetShift = Vector128.ConditionalSelect(Vector128.Equals(targets, Vector128.Create(c)).AsSingle(), d, targetShift);
        v = e;
    }

    /// <summary>Class <paramref name="c"/>: v ← its gradient (softmax·α, smoothing term, minus the one-hot part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Differentiate<TC>(
        ref Vector128<float> v, int c, Vector128<float> alpha, Vector128<float> beta, Vector128<float> oneHot, Vector128<float> keep,
        Vector128<int> targets, float* weight, bool smoothing) where TC : struct, IClassCount
    {
        if (c >= TC.Value) return;
        var gc = smoothing
            ? Vector128.MultiplyAddEstimate(v, alpha, weight == null ? beta : beta * Vector128.Create(weight[c]))
            : v * alpha;
        gc -= Vector128.ConditionalSelect(Vector128.Equals(targets, Vector128.Create(c)).AsSingle(), oneHot, Vector128<float>.Zero);
        v = Vector128.ConditionalSelect(keep, gc, Vector128<float>.Zero); // NaN·0 would leak from non-finite ignored rows
    }
}

using System.Numerics;
using System.Runtime.Intrinsics;
using CrossEntropy.Fused;

namespace CrossEntropy.Internal;

internal static partial class Guard
{
    /// <summary>
    /// True when every value lies in [0, 1] (NaN does not). One vectorized read pass at the widest accelerated width,
    /// so the fused kernels can check their targets before writing anything without a scalar sweep; the caller then
    /// runs <see cref="Targets{T}"/> only on failure, to name the offending element. Above
    /// <see cref="FixedBlocks.ParallelThreshold"/> values the pass is split over the cores like the kernels themselves
    /// (at 16M targets a single-threaded check was a quarter of a BCE call: one core cannot pull 64 MB from memory as
    /// fast as two). Only float (the fused kernels' type) takes the parallel route; <paramref name="maxThreads"/> caps it
    /// as <see cref="FusedOptions.MaxThreads"/> caps the kernels (1 keeps the whole call on the calling thread).
    /// </summary>
    public static unsafe bool AllInUnitInterval<T>(ReadOnlySpan<T> values, int maxThreads = 0) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) || values.Length < FixedBlocks.ParallelThreshold) return AllInUnitIntervalSerial(values);
        fixed (float* start = FloatSpans.Of(values))
        {
            var outside = FixedBlocks.Run(new UnitIntervalBlocks { Values = start }, values.Length, FixedBlocks.BlockElements, values.Length, maxThreads);
            return outside == 0;
        }
    }

    /// <summary>The check on one thread (see <see cref="AllInUnitInterval{T}"/>).</summary>
    private static bool AllInUnitIntervalSerial<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && values.Length >= Vector512<T>.Count)
        {
            // Comparisons with NaN are false, so a NaN lane clears its bits in the running mask.
            var inRange = Vector512<T>.AllBitsSet;
            for (; i <= values.Length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var v = Vector512.Create(values[i..]);
                inRange &= Vector512.GreaterThanOrEqual(v, Vector512<T>.Zero) & Vector512.LessThanOrEqual(v, Vector512<T>.One);
            }
            // Compared as bits: all-ones is a NaN pattern for floats, and NaN != NaN.
            if (inRange.AsUInt64() != Vector512<ulong>.AllBitsSet) return false;
        }
        else if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && values.Length >= Vector<T>.Count)
        {
            var inRange = Vector<T>.AllBitsSet;
            for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(values[i..]);
                inRange &= Vector.GreaterThanOrEqual(v, Vector<T>.Zero) & Vector.LessThanOrEqual(v, Vector<T>.One);
            }
            if (!Vector.EqualsAll(Vector.AsVectorInt64(inRange), Vector<long>.AllBitsSet)) return false;
        }

        for (; i < values.Length; i++)
        {
            if (!(values[i] >= T.Zero && values[i] <= T.One)) return false;
        }

        return true;
    }

    /// <summary>One block of the parallel check: 1 when the block holds a value outside [0, 1], else 0.</summary>
    private unsafe struct UnitIntervalBlocks : IBlockBody
    {
        public float* Values;

        public readonly double Run(int start, int end) =>
            AllInUnitIntervalSerial(new ReadOnlySpan<float>(Values + start, end - start)) ? 0 : 1;
    }
}

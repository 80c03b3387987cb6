using System.Numerics;

namespace CrossEntropy.Internal;

internal static partial class Guard
{
    /// <summary>
    /// True when every value lies in [0, 1] (NaN does not). One vectorized read pass, so the fused kernels can
    /// check their targets before writing anything without a scalar sweep; the caller then runs
    /// <see cref="Targets{T}"/> only on failure, to name the offending element.
    /// </summary>
    public static bool AllInUnitInterval<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && values.Length >= Vector<T>.Count)
        {
            var zero = Vector<T>.Zero;
            var one = Vector<T>.One;
            // Comparisons with NaN are false, so a NaN lane clears its bits in the running mask.
            var inRange = Vector.AsVectorInt64(Vector<T>.AllBitsSet);
            for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(values[i..]);
                inRange &= Vector.AsVectorInt64(Vector.GreaterThanOrEqual(v, zero) & Vector.LessThanOrEqual(v, one));
            }

            if (!Vector.EqualsAll(inRange, Vector<long>.AllBitsSet)) return false;
        }

        for (; i < values.Length; i++)
        {
            if (!(values[i] >= T.Zero && values[i] <= T.One)) return false;
        }

        return true;
    }
}

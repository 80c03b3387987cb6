using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Keras clips probabilities to [ε, 1 − ε] with ε = 1e-7 in the float32 compute dtype, so the bounds are the
/// float32 values 1.0000000116860974e-07 and 0.99999988079071044921875 (not 1 − 1e-7). Using those exact values
/// in double as well keeps double results equal to Keras's float32 semantics rather than to a float64 floatx.
/// </summary>
internal static class KerasClip
{
    public const float Lower = 1e-7f;
    public const float Upper = (float)(1.0 - 1e-7);

    public static T Lo<T>() where T : IFloatingPointIeee754<T> => T.CreateChecked(Lower);

    public static T Hi<T>() where T : IFloatingPointIeee754<T> => T.CreateChecked(Upper);

    /// <summary>tf.clip_by_value: NaN stays NaN.</summary>
    public static T Clip<T>(T value, T lo, T hi) where T : IFloatingPointIeee754<T> =>
        value < lo ? lo : value > hi ? hi : value;

    /// <summary>tf.clip_by_value's gradient passes on the closed interval [lo, hi] and is 0 strictly outside.</summary>
    public static bool Passes<T>(T value, T lo, T hi) where T : IFloatingPointIeee754<T> => !(value < lo || value > hi);
}

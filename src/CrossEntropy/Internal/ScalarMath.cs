using System.Numerics;

namespace CrossEntropy.Internal;

/// <summary>
/// Scalar building blocks the kernels share. .NET's <c>T.LogP1</c> is computed as <c>Log(1 + x)</c>, which
/// loses every digit of x below the unit roundoff, so the losses use the accurate form here instead.
/// </summary>
internal static class ScalarMath
{
    /// <summary>log(1 + x) accurate for tiny x (Kahan's trick: the rounding error of 1 + x cancels).</summary>
    public static T Log1P<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var u = T.One + x;
        if (u == T.One) return x;
        if (T.IsInfinity(u) || T.IsNaN(u)) return T.Log(u);
        var d = u - T.One;
        return T.Log(u) * (x / d);
    }

    /// <summary>log σ(x) = −(max(−x, 0) + log1p(e^{−|x|})), finite for every finite x.</summary>
    public static T LogSigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var negPart = T.Max(-x, T.Zero);
        return -(negPart + Log1P(T.Exp(-T.Abs(x))));
    }

    /// <summary>d log σ(x) / dx = 1 − σ(x) = σ(−x), written so that neither branch overflows.</summary>
    public static T LogSigmoidDerivative<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var z = T.Exp(-T.Abs(x));
        return x < T.Zero ? T.One / (T.One + z) : z / (T.One + z);
    }

    /// <summary>σ(x) without overflow: e^x / (1 + e^x) on the negative side, 1 / (1 + e^{−x}) on the positive.</summary>
    public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x < T.Zero)
        {
            var e = T.Exp(x);
            return e / (T.One + e);
        }
        return T.One / (T.One + T.Exp(-x));
    }

    /// <summary>x·log(y) with PyTorch's convention 0·log(anything but NaN) = 0.</summary>
    public static T XLogY<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(y)) return y;
        if (x == T.Zero) return T.Zero;
        return x * T.Log(y);
    }

    public static T Constant<T>(double value) where T : IFloatingPointIeee754<T> => T.CreateChecked(value);
}

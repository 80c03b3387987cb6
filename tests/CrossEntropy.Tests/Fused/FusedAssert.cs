namespace CrossEntropy.Tests.Fused;

/// <summary>
/// Comparisons of float32 kernel results with double references. A float result cannot be closer than
/// about one ulp of the terms it is computed from, so each value is compared relative to a magnitude the
/// caller names (the value itself, or the row's gradient scale for gradient entries that cancel).
/// </summary>
internal static class FusedAssert
{
    public static void Close(double expected, double actual, double relative, double magnitude, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}"); return; }
        if (double.IsInfinity(expected)) { Assert.True(expected == actual, $"{what}: expected {expected}, got {actual:R}"); return; }
        var bound = relative * Math.Max(Math.Abs(expected), magnitude);
        Assert.True(Math.Abs(actual - expected) <= bound,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):R} > {bound:R})");
    }

    /// <summary>
    /// A softmax cross-entropy call's loss, per-row losses and gradient against expected values; each gradient
    /// entry is compared relative to its row's gradient scale (<paramref name="rowScale"/>), where entries cancel.
    /// </summary>
    public static void CrossEntropyClose(
        double expected, double[] expectedLosses, double[] expectedGradient, double[] rowScale,
        float actual, ReadOnlySpan<float> losses, ReadOnlySpan<float> gradient, int classes, string what)
    {
        Close(expected, actual, 1e-6, 1, $"{what} loss");
        for (var r = 0; r < expectedLosses.Length; r++)
        {
            Close(expectedLosses[r], losses[r], 1e-6, 1, $"{what} losses[{r}]");
            for (var c = 0; c < classes; c++)
            {
                var i = r * classes + c;
                Close(expectedGradient[i], gradient[i], 1e-6, rowScale[r], $"{what} gradient[{r},{c}]");
            }
        }
    }
}

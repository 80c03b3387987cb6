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
}

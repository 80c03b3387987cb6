using System.Globalization;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>How numbers are written for reading (4 significant digits, 4 decimals from 1 up) and for checking (the exact round-trip value).</summary>
public static class NumberText
{
    /// <summary>
    /// <paramref name="value"/> rounded to 4 significant digits below 1 and to 4 decimals (at most 5 digits) from 1 up,
    /// keeping trailing zeros so columns line up (0.5 → "0.5000", 0.223143… → "0.2231", 2.07572… → "2.0757",
    /// 123.456 → "123.46"); very small or large magnitudes use an exponent
    /// (0.0000123 → "1.230e-5"). NaN → "NaN", ±∞ → "∞"/"−∞", zero → "0".
    /// </summary>
    public static string Short(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        if (value == 0)
        {
            return "0";
        }

        // 4 significant digits below 1 (0.2231, 0.03512); from 1 up, 4 decimals until the number runs to 5 digits
        // (1.0757, 12.076, 123.46), so a loss reads as the course's prose writes it.
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var digits = exponent >= 0 ? 5 : 4;
        // Rounding can carry into the next power of ten (9.99996 → 10.000), which changes the decimals needed.
        var scaled = Math.Round(Math.Abs(value) / Math.Pow(10, exponent - digits + 1), MidpointRounding.AwayFromZero);
        if (scaled >= Math.Pow(10, digits))
        {
            exponent++;
        }

        if (exponent is < -4 or >= 6)
        {
            return value.ToString("0.000e+0", CultureInfo.InvariantCulture);
        }

        var decimals = exponent >= 0 ? Math.Max(0, 4 - exponent) : 3 - exponent;
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The exact value: the shortest text that parses back to the same double ("R" format, invariant culture).</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A target label: a hard label (a whole number, 0 or 1) as an integer, a soft one (0.9 after label smoothing)
    /// as <see cref="Short"/> writes it. Short alone would print 0 as "0" but 1 as "1.0000" in the same column.
    /// </summary>
    public static string Label(double value) =>
        double.IsInteger(value) && Math.Abs(value) < int.MaxValue ? ((int)value).ToString(CultureInfo.InvariantCulture) : Short(value);

    /// <summary>An integer in the invariant culture.</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits (for chart curves, where 17 digits only cost bytes).</summary>
    internal static double Round(double value, int digits)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value;
        }

        return double.Parse(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

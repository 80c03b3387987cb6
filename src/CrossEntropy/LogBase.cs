namespace CrossEntropy;

/// <summary>
/// The base of the logarithm a loss or an information quantity is expressed in.
/// Nats (base e) is what PyTorch and Keras use; bits (base 2) and base 10 appear in the course
/// because the source article's worked numbers are base-10 logarithms.
/// </summary>
public enum LogBase
{
    /// <summary>Natural logarithm: results in nats.</summary>
    E,

    /// <summary>Base-2 logarithm: results in bits (shannons).</summary>
    Two,

    /// <summary>Base-10 logarithm: results in hartleys (bans).</summary>
    Ten,
}

/// <summary>Conversions for <see cref="LogBase"/>.</summary>
public static class LogBaseExtensions
{
    /// <summary>
    /// The factor that turns a natural logarithm into a logarithm in <paramref name="logBase"/>:
    /// log_b(x) = ln(x) · (1 / ln b). Multiplying once at the end keeps the kernels in nats.
    /// </summary>
    public static double FromNats(this LogBase logBase) => logBase switch
    {
        LogBase.E => 1.0,
        LogBase.Two => 1.0 / Math.Log(2.0),
        LogBase.Ten => 1.0 / Math.Log(10.0),
        _ => throw new ArgumentOutOfRangeException(nameof(logBase), $"logBase is {(int)logBase}: expected LogBase.E, LogBase.Two or LogBase.Ten."),
    };

    /// <summary>The unit a quantity in this base is measured in: "nats", "bits" or "hartleys".</summary>
    public static string Unit(this LogBase logBase) => logBase switch
    {
        LogBase.E => "nats",
        LogBase.Two => "bits",
        LogBase.Ten => "hartleys",
        _ => throw new ArgumentOutOfRangeException(nameof(logBase), $"logBase is {(int)logBase}: expected LogBase.E, LogBase.Two or LogBase.Ten."),
    };

    /// <summary>How the logarithm is written in a formula: "ln", "log₂" or "log₁₀".</summary>
    public static string Symbol(this LogBase logBase) => logBase switch
    {
        LogBase.E => "ln",
        LogBase.Two => "log₂",
        LogBase.Ten => "log₁₀",
        _ => throw new ArgumentOutOfRangeException(nameof(logBase), $"logBase is {(int)logBase}: expected LogBase.E, LogBase.Two or LogBase.Ten."),
    };
}

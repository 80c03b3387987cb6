using System.Collections.Immutable;

namespace CrossEntropy.Interactive.Charts;

/// <summary>One named series of values over training steps (a run's loss, a validation loss, an accuracy).</summary>
/// <param name="Name">The legend name, e.g. "lr = 0.1" or "validation".</param>
/// <param name="Values">One value per logged step.</param>
public sealed record LossSeries(string Name, ImmutableArray<double> Values)
{
    /// <summary>The step of each value; empty means 0, 1, 2, ….</summary>
    public ImmutableArray<double> Steps { get; init; } = [];

    /// <summary>Draw the series dashed (e.g. validation beside a solid training curve).</summary>
    public bool Dashed { get; init; }

    /// <summary>A series named <paramref name="name"/> with values logged at steps 0, 1, 2, ….</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static LossSeries Of(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new LossSeries(name, [.. values]);
    }

    /// <summary>A series with explicit steps (e.g. logged every 10 steps).</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static LossSeries Of(string name, IEnumerable<double> steps, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return Of(name, values) with { Steps = [.. steps] };
    }
}

using System.Collections.Immutable;

namespace CrossEntropy.Interactive.Charts;

/// <summary>
/// A plotly.js figure: the traces (<c>data</c>), the <c>layout</c> and optional animation <c>frames</c>,
/// in the schema plotly.js documents. Plain data; <see cref="FigureJson"/> writes it.
/// </summary>
/// <param name="Data">The traces, drawn in order.</param>
/// <param name="Layout">Title, axes, legend, shapes and sliders.</param>
public sealed record Figure(ImmutableArray<Trace> Data, Layout Layout)
{
    /// <summary>Animation frames (e.g. a decision line moving step by step); empty for a still chart.</summary>
    public ImmutableArray<Frame> Frames { get; init; } = [];
}

/// <summary>One animation frame: the traces that replace the figure's traces at <see cref="TraceIndices"/>.</summary>
/// <param name="Name">The frame's name; slider steps refer to it.</param>
/// <param name="Data">The replacement traces.</param>
/// <param name="TraceIndices">Which of the figure's traces each replacement replaces (plotly.js <c>traces</c>).</param>
public sealed record Frame(string Name, ImmutableArray<Trace> Data, ImmutableArray<int> TraceIndices);

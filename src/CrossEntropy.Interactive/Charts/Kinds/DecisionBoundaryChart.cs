using System.Collections.Immutable;
using CrossEntropy.Interactive.Formatting;

namespace CrossEntropy.Interactive.Charts;

public static partial class Chart
{
    /// <summary>
    /// Two-dimensional data coloured by class with a decision line (e.g. students: test score vs grades,
    /// accepted or not). The line's legend entry counts the misclassified points.
    /// </summary>
    /// <param name="x1">First coordinate of each point (horizontal axis).</param>
    /// <param name="x2">Second coordinate of each point (vertical axis).</param>
    /// <param name="labels">Class of each point, 0 or 1.</param>
    /// <param name="line">The decision line.</param>
    /// <param name="axisTitles">Titles of the x₁ and x₂ axes; null for "x₁" and "x₂".</param>
    /// <param name="classNames">Names of class 0 and class 1; null for "y = 0" and "y = 1".</param>
    /// <exception cref="ArgumentException">When the lists are empty, differ in length, hold non-finite values, or a label is not 0/1;
    /// or when the line has W1 = W2 = 0.</exception>
    public static PlotlyChart DecisionBoundary(
        IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> labels, DecisionLine line,
        (string X1, string X2)? axisTitles = null, (string Negative, string Positive)? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return DecisionBoundary(x1, x2, labels, [line], axisTitles, classNames);
    }

    /// <summary>
    /// The same scatter with a sequence of decision lines (e.g. one per training step) and a slider that moves
    /// the line from one to the next; the chart opens on the first line.
    /// </summary>
    /// <param name="x1">First coordinate of each point (horizontal axis).</param>
    /// <param name="x2">Second coordinate of each point (vertical axis).</param>
    /// <param name="labels">Class of each point, 0 or 1.</param>
    /// <param name="lines">The decision lines in order; one line gives a still chart.</param>
    /// <param name="axisTitles">Titles of the x₁ and x₂ axes; null for "x₁" and "x₂".</param>
    /// <param name="classNames">Names of class 0 and class 1; null for "y = 0" and "y = 1".</param>
    /// <exception cref="ArgumentException">When an input is empty, lengths differ, a value is not finite, a label is not 0/1,
    /// or a line has W1 = W2 = 0.</exception>
    public static PlotlyChart DecisionBoundary(
        IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> labels, IReadOnlyList<DecisionLine> lines,
        (string X1, string X2)? axisTitles = null, (string Negative, string Positive)? classNames = null)
    {
        ChartArguments.NotEmpty(x1, nameof(x1));
        ChartArguments.SameLength(x1, nameof(x1), x2, nameof(x2));
        ChartArguments.SameLength(x1, nameof(x1), labels, nameof(labels));
        ChartArguments.Finite(x1, nameof(x1));
        ChartArguments.Finite(x2, nameof(x2));
        ChartArguments.NotEmpty(lines, nameof(lines));
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]}: a decision boundary separates two classes, so pass labels 0 or 1.", nameof(labels));
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null || (lines[i].W1 == 0 && lines[i].W2 == 0) || !double.IsFinite(lines[i].W1) || !double.IsFinite(lines[i].W2) || !double.IsFinite(lines[i].Bias))
            {
                throw new ArgumentException($"lines[{i}] is not a line: pass finite weights with W1 or W2 non-zero.", nameof(lines));
            }
        }

        var (x1Title, x2Title) = axisTitles ?? ("x₁", "x₂");
        var (negativeName, positiveName) = classNames ?? ("y = 0", "y = 1");
        var box = Box.Around(x1, x2);

        var traces = ImmutableArray.CreateBuilder<Trace>();
        foreach (var (label, name, color, symbol) in new[] { (0, negativeName, ChartStyle.Red, "x"), (1, positiveName, ChartStyle.Blue, "circle") })
        {
            var indices = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToList();
            traces.Add(new ScatterTrace([.. indices.Select(i => x1[i])], [.. indices.Select(i => x2[i])], ScatterMode.Markers)
            {
                Name = PlotlyText.Escape(name),
                Marker = new MarkerStyle(color, 10, symbol),
                // Per-point text holds only what plotly.js cannot know; the coordinates come from the exact JSON numbers.
                HoverText = [.. indices.Select(i => $"point #{i} ({PlotlyText.Escape(name)})")],
                HoverTemplate = $"%{{hovertext}}<br>{PlotlyText.Escape(x1Title)} = %{{x:.15~g}}<br>{PlotlyText.Escape(x2Title)} = %{{y:.15~g}}<extra></extra>",
            });
        }

        const int LineTrace = 2;
        traces.Add(LineTraceFor(lines[0], 0, box, x1, x2, labels) with { Line = new LineStyle(ChartStyle.Green, 2.5) });

        var layout = new Layout("Data and decision line", new Axis(PlotlyText.Escape(x1Title), box.X1Min, box.X1Max), new Axis(PlotlyText.Escape(x2Title), box.X2Min, box.X2Max));
        var figure = new Figure(traces.ToImmutable(), layout);
        if (lines.Count > 1)
        {
            var frames = lines.Select((l, i) => new Frame(FrameName(l, i), [LineTraceFor(l, i, box, x1, x2, labels)], [LineTrace])).ToImmutableArray();
            figure = figure with
            {
                Frames = frames,
                Layout = layout with { Sliders = [new Slider("line: ", [.. frames.Select(f => new SliderStep(f.Name, f.Name))])] },
            };
        }

        return new PlotlyChart(figure);
    }

    private static string FrameName(DecisionLine line, int index) => PlotlyText.Escape(line.Label ?? $"{index}");

    private static ScatterTrace LineTraceFor(DecisionLine line, int index, Box box, IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<int> labels)
    {
        var wrong = Enumerable.Range(0, labels.Count).Count(i => (line.Score(x1[i], x2[i]) >= 0 ? 1 : 0) != labels[i]);
        var (xs, ys) = box.Clip(line);
        var equation = $"{NumberText.Short(line.W1)}·x₁ {Signed(line.W2)}·x₂ {Signed(line.Bias)} = 0";
        var exact = $"exact: w₁ = {NumberText.Exact(line.W1)}, w₂ = {NumberText.Exact(line.W2)}, b = {NumberText.Exact(line.Bias)}";
        // Frames replace only what changes; the line style set on the first trace stays.
        return new ScatterTrace(xs, ys, ScatterMode.Lines)
        {
            Name = $"{FrameName(line, index)}: {wrong} misclassified",
            HoverTemplate = $"{equation}<br>{exact}<br>{wrong} of {labels.Count} misclassified<extra></extra>",
        };
    }

    private static string Signed(double value) => value < 0 ? $"− {NumberText.Short(-value)}" : $"+ {NumberText.Short(value)}";

    /// <summary>The plotted region: the data's bounding box with a margin, fixed so a moving line does not rescale the axes.</summary>
    private readonly record struct Box(double X1Min, double X1Max, double X2Min, double X2Max)
    {
        public static Box Around(IReadOnlyList<double> x1, IReadOnlyList<double> x2)
        {
            static (double Min, double Max) Padded(IReadOnlyList<double> v)
            {
                var (min, max) = (v.Min(), v.Max());
                var pad = max > min ? (max - min) * 0.1 : 1;
                return (min - pad, max + pad);
            }

            var (a, b) = Padded(x1);
            var (c, d) = Padded(x2);
            return new Box(a, b, c, d);
        }

        // The segment of the line inside the box (the axis ranges are fixed to the box, so the ends beyond
        // it would only stretch the JSON). A line missing the box yields no points.
        public (ImmutableArray<double> X, ImmutableArray<double> Y) Clip(DecisionLine line)
        {
            var points = new List<(double X, double Y)>();
            if (line.W2 != 0)
            {
                foreach (var x in new[] { X1Min, X1Max })
                {
                    var y = -(line.W1 * x + line.Bias) / line.W2;
                    if (y >= X2Min && y <= X2Max)
                    {
                        points.Add((x, y));
                    }
                }
            }

            if (line.W1 != 0)
            {
                foreach (var y in new[] { X2Min, X2Max })
                {
                    var x = -(line.W2 * y + line.Bias) / line.W1;
                    if (x >= X1Min && x <= X1Max)
                    {
                        points.Add((x, y));
                    }
                }
            }

            var ends = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
            if (ends.Count > 2)
            {
                ends = [ends[0], ends[^1]];
            }

            return ([.. ends.Select(p => NumberText.Round(p.X, 8))], [.. ends.Select(p => NumberText.Round(p.Y, 8))]);
        }
    }
}

using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrossEntropy.Interactive.Charts;

/// <summary>
/// Writes a <see cref="Figure"/> as plotly.js JSON (<c>{"data":[…],"layout":{…},"frames":[…]}</c>).
/// </summary>
/// <remarks>
/// JSON has no NaN or Infinity, and plotly.js reads null as a gap, so every non-finite number is written as
/// null. Numbers use the shortest round-trip form, which does not depend on the culture. Text is written
/// as UTF-8 with only "&lt;/" and "&lt;!--" escaped (as "&lt;\/" and "&lt;\u0021--", both plain JSON escapes):
/// that is all an HTML &lt;script&gt; element needs to stay closed, and it keeps hover text such as
/// "&lt;br&gt;" and "x₁" at a few bytes instead of six per character.
/// </remarks>
public static class FigureJson
{
    /// <summary>The figure as compact JSON text.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="figure"/> is null.</exception>
    public static string Write(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteFigure(writer, figure);
        }

        // Outside strings JSON has no '<', so these replacements only touch string contents.
        return Encoding.UTF8.GetString(buffer.WrittenSpan)
            .Replace("</", "<\\/", StringComparison.Ordinal)
            .Replace("<!--", "<\\u0021--", StringComparison.Ordinal);
    }

    /// <summary>Writes the figure as one JSON object to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static void WriteFigure(Utf8JsonWriter writer, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(figure);
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        WriteTraces(writer, figure.Data);
        writer.WritePropertyName("layout");
        WriteLayout(writer, figure.Layout);
        if (!figure.Frames.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("frames");
            foreach (var frame in figure.Frames)
            {
                writer.WriteStartObject();
                writer.WriteString("name", frame.Name);
                writer.WritePropertyName("data");
                WriteTraces(writer, frame.Data);
                WriteInts(writer, "traces", frame.TraceIndices);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteTraces(Utf8JsonWriter writer, ImmutableArray<Trace> traces)
    {
        writer.WriteStartArray();
        if (!traces.IsDefault)
        {
            foreach (var trace in traces)
            {
                WriteTrace(writer, trace);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteTrace(Utf8JsonWriter writer, Trace trace)
    {
        writer.WriteStartObject();
        switch (trace)
        {
            case ScatterTrace scatter:
                writer.WriteString("type", "scatter");
                writer.WriteString("mode", scatter.Mode switch
                {
                    ScatterMode.Lines => "lines",
                    ScatterMode.Markers => "markers",
                    _ => "lines+markers",
                });
                WriteNumbers(writer, "x", scatter.X);
                WriteNumbers(writer, "y", scatter.Y);
                if (scatter.Line is { } line)
                {
                    writer.WritePropertyName("line");
                    WriteLine(writer, line);
                }

                if (scatter.Marker is { } marker)
                {
                    writer.WriteStartObject("marker");
                    WriteOptionalString(writer, "color", marker.Color);
                    WriteNumber(writer, "size", marker.Size);
                    writer.WriteString("symbol", marker.Symbol);
                    writer.WriteEndObject();
                }

                break;

            case BarTrace bar:
                writer.WriteString("type", "bar");
                WriteStrings(writer, "x", bar.Categories);
                WriteNumbers(writer, "y", bar.Values);
                if (!bar.BarText.IsDefaultOrEmpty)
                {
                    WriteStrings(writer, "text", bar.BarText);
                    writer.WriteString("textposition", "outside");
                    writer.WriteBoolean("cliponaxis", false);
                }

                if (!bar.Colors.IsDefaultOrEmpty || bar.Color is not null)
                {
                    writer.WriteStartObject("marker");
                    if (!bar.Colors.IsDefaultOrEmpty)
                    {
                        WriteStrings(writer, "color", bar.Colors);
                    }
                    else
                    {
                        writer.WriteString("color", bar.Color);
                    }

                    writer.WriteEndObject();
                }

                break;

            default:
                throw new ArgumentException($"Cannot write a trace of type {trace.GetType().Name}: only ScatterTrace and BarTrace are supported.", nameof(trace));
        }

        WriteOptionalString(writer, "name", trace.Name);
        if (!trace.ShowLegend)
        {
            writer.WriteBoolean("showlegend", false);
        }

        if (!trace.HoverText.IsDefaultOrEmpty)
        {
            WriteStrings(writer, "hovertext", trace.HoverText);
        }

        WriteOptionalString(writer, "hovertemplate", trace.HoverTemplate);
        if (trace.YAxis != "y")
        {
            writer.WriteString("yaxis", trace.YAxis);
        }

        writer.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter writer, Layout layout)
    {
        writer.WriteStartObject();
        // Left-aligned so that a long title does not run under the mode bar plotly.js puts at the top right.
        writer.WriteStartObject("title");
        writer.WriteString("text", layout.Title);
        writer.WriteNumber("x", 0);
        writer.WriteString("xref", "paper");
        writer.WriteString("xanchor", "left");
        writer.WriteEndObject();
        writer.WritePropertyName("xaxis");
        WriteAxis(writer, layout.XAxis, secondary: false);
        writer.WritePropertyName("yaxis");
        WriteAxis(writer, layout.YAxis, secondary: false);
        if (layout.YAxis2 is { } y2)
        {
            writer.WritePropertyName("yaxis2");
            WriteAxis(writer, y2, secondary: true);
        }

        writer.WriteBoolean("showlegend", layout.ShowLegend);
        if (layout.YAxis2 is not null && layout.ShowLegend)
        {
            // plotly.js puts the legend at the right edge, on top of a second axis's title: lay it out
            // horizontally above the plot instead.
            writer.WriteStartObject("legend");
            writer.WriteString("orientation", "h");
            writer.WriteNumber("x", 0);
            writer.WriteString("xanchor", "left");
            writer.WriteNumber("y", 1.02);
            writer.WriteString("yanchor", "bottom");
            writer.WriteEndObject();
        }

        writer.WriteBoolean("autosize", true);
        writer.WriteString("hovermode", "closest");
        writer.WriteStartObject("margin");
        writer.WriteNumber("t", layout.YAxis2 is not null && layout.ShowLegend ? 96 : 64);
        writer.WriteNumber("l", 64);
        writer.WriteNumber("r", layout.YAxis2 is null ? 24 : 64);
        writer.WriteNumber("b", layout.Sliders.IsDefaultOrEmpty ? 52 : 110);
        writer.WriteEndObject();

        if (!layout.Shapes.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("shapes");
            foreach (var shape in layout.Shapes)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "line");
                writer.WriteString("xref", "x");
                writer.WriteString("yref", "y");
                WriteNumber(writer, "x0", shape.X0);
                WriteNumber(writer, "y0", shape.Y0);
                WriteNumber(writer, "x1", shape.X1);
                WriteNumber(writer, "y1", shape.Y1);
                writer.WritePropertyName("line");
                WriteLine(writer, shape.Line);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!layout.Sliders.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("sliders");
            foreach (var slider in layout.Sliders)
            {
                WriteSlider(writer, slider);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSlider(Utf8JsonWriter writer, Slider slider)
    {
        writer.WriteStartObject();
        writer.WriteNumber("active", 0);
        writer.WriteNumber("y", -0.12);
        writer.WriteNumber("len", 1);
        writer.WriteStartObject("pad");
        writer.WriteNumber("t", 36);
        writer.WriteEndObject();
        writer.WriteStartObject("currentvalue");
        writer.WriteString("prefix", slider.Label);
        writer.WriteEndObject();
        writer.WriteStartArray("steps");
        foreach (var step in slider.Steps.IsDefault ? [] : slider.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("label", step.Label);
            writer.WriteString("method", "animate");
            writer.WriteStartArray("args");
            writer.WriteStartArray();
            writer.WriteStringValue(step.FrameName);
            writer.WriteEndArray();
            writer.WriteStartObject();
            writer.WriteString("mode", "immediate");
            writer.WriteStartObject("frame");
            writer.WriteNumber("duration", 0);
            writer.WriteBoolean("redraw", true);
            writer.WriteEndObject();
            writer.WriteStartObject("transition");
            writer.WriteNumber("duration", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter writer, Axis axis, bool secondary)
    {
        writer.WriteStartObject();
        WriteTitle(writer, axis.Title);
        if (axis.Min is not null || axis.Max is not null)
        {
            writer.WriteStartArray("range");
            WriteNumberValue(writer, axis.Min ?? double.NaN);
            WriteNumberValue(writer, axis.Max ?? double.NaN);
            writer.WriteEndArray();
        }

        WriteOptionalString(writer, "tickformat", axis.TickFormat);
        writer.WriteBoolean("zeroline", axis.ZeroLine);
        if (secondary)
        {
            writer.WriteString("overlaying", "y");
            writer.WriteString("side", "right");
            writer.WriteBoolean("showgrid", false);
        }

        writer.WriteEndObject();
    }

    private static void WriteTitle(Utf8JsonWriter writer, string title)
    {
        writer.WriteStartObject("title");
        writer.WriteString("text", title);
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, LineStyle line)
    {
        writer.WriteStartObject();
        WriteOptionalString(writer, "color", line.Color);
        WriteNumber(writer, "width", line.Width);
        writer.WriteString("dash", line.Dash);
        writer.WriteEndObject();
    }

    private static void WriteOptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteInts(Utf8JsonWriter writer, string name, ImmutableArray<int> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, ImmutableArray<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            WriteNumberValue(writer, value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteNumberValue(writer, value);
    }

    private static void WriteNumberValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

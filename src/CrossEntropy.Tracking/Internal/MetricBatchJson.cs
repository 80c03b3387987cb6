using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrossEntropy.Tracking.Internal;

/// <summary>
/// The stored form of one committed batch: a JSON array of <c>[name, step, value, unix_ms]</c> points.
/// </summary>
/// <remarks>
/// One row per batch instead of one row per value keeps logging far cheaper than a training step (one
/// INSERT per batch, no per-value binding), and JSON keeps the store readable with plain SQL: the
/// <c>metrics</c> view expands the batches with SQLite's <c>json_each</c>. JSON has no NaN or infinity,
/// so NaN is written as <c>null</c> and ±∞ as the strings "Infinity" and "-Infinity".
/// </remarks>
internal static class MetricBatchJson
{
    public static string Write(List<PendingPoint> batch)
    {
        var buffer = new ArrayBufferWriter<byte>(batch.Count * 48);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var point in batch)
            {
                json.WriteStartArray();
                json.WriteStringValue(point.Name);
                json.WriteNumberValue(point.Step);
                if (double.IsNaN(point.Value))
                    json.WriteNullValue();
                else if (double.IsInfinity(point.Value))
                    json.WriteStringValue(point.Value > 0 ? "Infinity" : "-Infinity");
                else
                    json.WriteNumberValue(point.Value);
                json.WriteNumberValue(point.WallTimeMs);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IEnumerable<PendingPoint> Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var points = new List<PendingPoint>(document.RootElement.GetArrayLength());
        foreach (var point in document.RootElement.EnumerateArray())
        {
            var value = point[2];
            points.Add(new PendingPoint(
                point[0].GetString()!,
                point[1].GetInt64(),
                value.ValueKind switch
                {
                    JsonValueKind.Null => double.NaN,
                    JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                    _ => value.GetDouble(),
                },
                point[3].GetInt64()));
        }

        return points;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossEntropy.Tracking.Internal;

/// <summary>
/// Turns a config object (an anonymous object, a record, a dictionary) into flat "key → text" pairs:
/// nested objects become dotted keys, numbers keep their shortest round-trip text. Flat text pairs are
/// what run tables compare and what a reader can paste back into code.
/// </summary>
internal static class ConfigFlattener
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static SortedDictionary<string, string> Flatten(object config)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.SerializeToElement(config, config.GetType(), s_options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"config of type {config.GetType().Name} cannot be recorded ({FirstLine(e.Message)}): pass plain values, e.g. new {{ LearningRate = 0.1, Seed = 42 }}.", nameof(config), e);
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new ArgumentException(
                $"config is a {root.ValueKind.ToString().ToLowerInvariant()}, not an object: pass named hyper-parameters, e.g. new {{ LearningRate = 0.1, Seed = 42 }}.", nameof(config));

        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(root, prefix: "", flat);
        return flat;
    }

    private static void Walk(JsonElement element, string prefix, SortedDictionary<string, string> flat)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(property.Value, key, flat);
                    break;
                case JsonValueKind.String:
                    flat[key] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    flat[key] = property.Value.TryGetInt64(out var whole)
                        ? whole.ToString(CultureInfo.InvariantCulture)
                        : property.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
                    break;
                case JsonValueKind.Null:
                    flat[key] = "null";
                    break;
                default: // true, false, arrays: their JSON text reads well as is
                    flat[key] = property.Value.GetRawText();
                    break;
            }
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CrossEntropy.Tests.Reference;

/// <summary>A tensor from the reference files: shape, dtype and the values flattened row-major.</summary>
public sealed record RefTensor(string Dtype, int[] Shape, double[] Data)
{
    public float[] AsFloat() => Array.ConvertAll(Data, d => (float)d);
    public int[] AsInt() => Array.ConvertAll(Data, d => checked((int)d));
    public double Scalar => Data.Length == 1 ? Data[0] : throw new InvalidOperationException($"tensor has {Data.Length} values, not 1");
}

/// <summary>One case of <c>Reference/data/*.json</c> (format xent-reference/1; see the README beside the data).</summary>
public sealed class RefCase
{
    public required string File { get; init; }
    public required string Id { get; init; }
    public required string Api { get; init; }
    public required JsonObject Args { get; init; }
    public required string[] Tags { get; init; }
    public required Dictionary<string, RefTensor> Inputs { get; init; }
    public required Dictionary<string, RefTensor> Outputs { get; init; }
    public required Dictionary<string, RefTensor> Grads { get; init; }
    public Dictionary<string, RefTensor>? F64Outputs { get; init; }
    public Dictionary<string, RefTensor>? F64Grads { get; init; }
    public RefTensor? GradOutput { get; init; }
    public double Rtol { get; init; } = 1e-5;
    public double Atol { get; init; } = 1e-6;
    public required JsonObject Raw { get; init; }

    public string? ArgString(string name) => Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    public double? ArgDouble(string name) => Args[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
    public bool? ArgBool(string name) => Args[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
    public bool HasTag(string tag) => Tags.Contains(tag);
    public override string ToString() => Id; // xunit shows this in test names
}

public static class ReferenceCases
{
    private static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "Reference", "data");

    public static IReadOnlyList<RefCase> Load(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, file + ".json")))!.AsObject();
        return root["cases"]!.AsArray().Select(c => Parse(file, c!.AsObject())).ToList();
    }

    /// <summary>xunit MemberData: one row per case id of <paramref name="file"/>, optionally filtered by api.</summary>
    public static TheoryData<string> Ids(string file, string? apiPrefix = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(file).Where(c => apiPrefix is null || c.Api.StartsWith(apiPrefix, StringComparison.Ordinal)))
            data.Add(c.Id);
        return data;
    }

    public static RefCase Get(string file, string id) => Load(file).Single(c => c.Id == id);

    private static RefCase Parse(string file, JsonObject c)
    {
        var tol = c["tol"] as JsonObject;
        var f64 = c["f64"] as JsonObject;
        return new RefCase
        {
            File = file,
            Id = (string)c["id"]!,
            Api = (string)c["api"]!,
            Args = c["args"] as JsonObject ?? [],
            Tags = c["tags"] is JsonArray tags ? tags.Select(t => (string)t!).ToArray() : [],
            Inputs = Tensors(c["inputs"]),
            Outputs = Tensors(c["outputs"]),
            Grads = Tensors(c["grads"]),
            F64Outputs = f64 is null ? null : Tensors(f64["outputs"]),
            F64Grads = f64 is null ? null : Tensors(f64["grads"]),
            GradOutput = c["grad_output"] is JsonObject g ? Tensor(g) : null,
            Rtol = tol?["rtol"]?.GetValue<double>() ?? 1e-5,
            Atol = tol?["atol"]?.GetValue<double>() ?? 1e-6,
            Raw = c,
        };
    }

    private static Dictionary<string, RefTensor> Tensors(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(kv => kv.Key, kv => Tensor(kv.Value!.AsObject())) : [];

    private static readonly JsonSerializerOptions Named = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static RefTensor Tensor(JsonObject t) => new(
        (string)t["dtype"]!,
        t["shape"]!.AsArray().Select(s => (int)s!).ToArray(),
        t["data"]!.AsArray().Select(v => v!.Deserialize<double>(Named)).ToArray());
}

/// <summary>Elementwise comparison with the reference README's rule: |a − e| ≤ atol + rtol·|e|, NaN = NaN, ±∞ exact.</summary>
public static class RefAssert
{
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rtol, double atol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}[{i}]: expected NaN, got {a:R}"); continue; }
            if (double.IsInfinity(e)) { Assert.True(e == a, $"{what}[{i}]: expected {e}, got {a:R}"); continue; }
            Assert.True(Math.Abs(a - e) <= atol + rtol * Math.Abs(e), $"{what}[{i}]: expected {e:R}, got {a:R} (rtol {rtol}, atol {atol})");
        }
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rtol, double atol, string what)
    {
        var widened = new double[actual.Length];
        for (var i = 0; i < actual.Length; i++) widened[i] = actual[i];
        Close(expected, widened, rtol, atol, what);
    }
}

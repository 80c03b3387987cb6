using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrossEntropy.Benchmarks.Baselines;
using CrossEntropy.Fused;
using CrossEntropy.Losses;

namespace CrossEntropy.Benchmarks;

/// <summary>
/// Softmax cross-entropy with class-index targets, N×C float rows, mean reduction. "Fused" is the public
/// <see cref="SoftmaxCrossEntropy"/> API (which dispatches to the fused kernel, all cores above 64K elements);
/// "Fused1T" pins it to one thread. Ratios are against the two-pass TensorPrimitives baseline of the same category.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CrossEntropyBenchmarks
{
    private float[] _logits = [];
    private int[] _targets = [];
    private float[] _gradient = [];
    private float[] _buffer = [];
    private float[] _scratch = [];
    private int _classes;

    [Params("64x10", "1024x10", "4096x1000", "65536x100", "512x32000")]
    public string Shape { get; set; } = "64x10";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        var rows = int.Parse(parts[0]);
        _classes = int.Parse(parts[1]);
        var random = new Random(42);
        _logits = new float[rows * _classes];
        for (var i = 0; i < _logits.Length; i++) _logits[i] = (float)(random.NextDouble() * 8 - 4);
        _targets = new int[rows];
        for (var r = 0; r < rows; r++) _targets[r] = random.Next(_classes);
        _gradient = new float[_logits.Length];
        _buffer = new float[_logits.Length];
        _scratch = new float[_classes];
    }

    [Benchmark, BenchmarkCategory("Forward")]
    public float Naive_Forward() => NaiveCrossEntropy.Forward(_logits, _targets, _classes);

    [Benchmark(Baseline = true), BenchmarkCategory("Forward")]
    public float TwoPass_Forward() => TwoPassCrossEntropy.Forward(_logits, _targets, _classes, _buffer, _scratch);

    [Benchmark, BenchmarkCategory("Forward")]
    public float Fused_Forward() => SoftmaxCrossEntropy.Forward<float>(_logits, _targets, _classes);

    [Benchmark, BenchmarkCategory("Forward")]
    public float Fused1T_Forward() => FusedSoftmaxCrossEntropy.Forward(_logits, _targets, _classes, options: new FusedOptions(MaxThreads: 1));

    [Benchmark, BenchmarkCategory("Forward")]
    public float Floor_Read() => MemoryFloor.Read(_logits);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Naive_ForwardBackward() => NaiveCrossEntropy.ForwardBackward(_logits, _targets, _classes, _gradient);

    [Benchmark(Baseline = true), BenchmarkCategory("ForwardBackward")]
    public float TwoPass_ForwardBackward() => TwoPassCrossEntropy.ForwardBackward(_logits, _targets, _classes, _buffer, _scratch, _gradient);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Fused_ForwardBackward() => SoftmaxCrossEntropy.ForwardBackward<float>(_logits, _targets, _classes, _gradient);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Fused1T_ForwardBackward() =>
        FusedSoftmaxCrossEntropy.ForwardBackward(_logits, _targets, _classes, _gradient, options: new FusedOptions(MaxThreads: 1));

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public void Floor_ReadWrite() => MemoryFloor.ReadWrite(_logits, _gradient);
}

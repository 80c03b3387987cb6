using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrossEntropy.Benchmarks.Baselines;
using CrossEntropy.Fused;
using CrossEntropy.Losses;

namespace CrossEntropy.Benchmarks;

/// <summary>
/// Binary cross-entropy from logits, mean reduction, soft targets. "Fused" is the public
/// <see cref="BinaryCrossEntropyWithLogits"/> API; "Fused1T" pins the fused kernel to one thread.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BinaryCrossEntropyBenchmarks
{
    private float[] _logits = [];
    private float[] _targets = [];
    private float[] _gradient = [];
    private float[] _buffer = [];
    private float[] _scratch = [];

    [Params(1 << 20, 1 << 24)]
    public int Length { get; set; } = 1 << 20;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _logits = new float[Length];
        _targets = new float[Length];
        for (var i = 0; i < Length; i++)
        {
            _logits[i] = (float)(random.NextDouble() * 8 - 4);
            _targets[i] = random.Next(2);
        }
        _gradient = new float[Length];
        _buffer = new float[Length];
        _scratch = new float[Length];
    }

    [Benchmark, BenchmarkCategory("Forward")]
    public float Naive_Forward() => NaiveBinaryCrossEntropy.Forward(_logits, _targets);

    [Benchmark(Baseline = true), BenchmarkCategory("Forward")]
    public float TwoPass_Forward() => TwoPassBinaryCrossEntropy.Forward(_logits, _targets, _buffer, _scratch);

    [Benchmark, BenchmarkCategory("Forward")]
    public float Fused_Forward() => BinaryCrossEntropyWithLogits.Forward<float>(_logits, _targets);

    [Benchmark, BenchmarkCategory("Forward")]
    public float Fused1T_Forward() => FusedBinaryCrossEntropyWithLogits.Forward(_logits, _targets, options: new FusedOptions(MaxThreads: 1));

    [Benchmark, BenchmarkCategory("Forward")]
    public float Floor_Read() => MemoryFloor.Read(_logits);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Naive_ForwardBackward() => NaiveBinaryCrossEntropy.ForwardBackward(_logits, _targets, _gradient);

    [Benchmark(Baseline = true), BenchmarkCategory("ForwardBackward")]
    public float TwoPass_ForwardBackward() => TwoPassBinaryCrossEntropy.ForwardBackward(_logits, _targets, _buffer, _scratch, _gradient);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Fused_ForwardBackward() => BinaryCrossEntropyWithLogits.ForwardBackward<float>(_logits, _targets, _gradient);

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public float Fused1T_ForwardBackward() =>
        FusedBinaryCrossEntropyWithLogits.ForwardBackward(_logits, _targets, _gradient, options: new FusedOptions(MaxThreads: 1));

    [Benchmark, BenchmarkCategory("ForwardBackward")]
    public void Floor_ReadWrite() => MemoryFloor.ReadWrite(_logits, _gradient);
}

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrossEntropy.Fused;

namespace CrossEntropy.Benchmarks;

/// <summary>
/// The register kernels for fewer than 16 classes against the portable scalar-transpose kernel they replace, at each
/// vector width, forward + backward, one thread. The public API picks the widest width the machine has, so this is
/// the only place the 128- and 256-bit kernels are timed on an AVX-512 machine; 128 bits is what Arm64 runs.
/// Only the cases this machine's register kernels take are listed (see <see cref="Cases"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public unsafe class SmallClassKernelBenchmarks
{
    private float* _logits;
    private int* _targets;
    private float* _gradient;
    private int _rows;
    private int _classes;

    private int _width;

    /// <summary>"N×C @ width bits" for each shape and width whose register kernel runs on this machine.</summary>
    public static IEnumerable<string> Cases()
    {
        foreach (var shape in new[] { "1024x10", "4096x3", "4096x15" })
            foreach (var width in new[] { 128, 256, 512 })
                if (RegisterKernelRuns(width, int.Parse(shape.Split('x')[1]))) yield return $"{shape} @ {width}";
    }

    private static bool RegisterKernelRuns(int width, int classes) => width switch
    {
        512 => SoftmaxCrossEntropySmallClasses512.IsSupported,
        256 => SoftmaxCrossEntropySmallClasses256.IsSupported,
        _ => SoftmaxCrossEntropySmallClasses128.Handles(classes),
    };

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "1024x10 @ 128";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(" @ ");
        var shape = parts[0].Split('x');
        _rows = int.Parse(shape[0]);
        _classes = int.Parse(shape[1]);
        _width = int.Parse(parts[1]);
        _logits = (float*)NativeMemory.Alloc((nuint)(_rows * _classes), sizeof(float));
        _gradient = (float*)NativeMemory.Alloc((nuint)(_rows * _classes), sizeof(float));
        _targets = (int*)NativeMemory.Alloc((nuint)_rows, sizeof(int));
        var random = new Random(42);
        for (var i = 0; i < _rows * _classes; i++) _logits[i] = (float)(random.NextDouble() * 8 - 4);
        for (var r = 0; r < _rows; r++) _targets[r] = random.Next(_classes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.Free(_logits);
        NativeMemory.Free(_gradient);
        NativeMemory.Free(_targets);
    }

    private SoftmaxCrossEntropyArgs Args => new()
    {
        Logits = _logits, Targets = _targets, Classes = _classes, Weight = null, WeightTotal = _classes, Smoothing = 0f,
        IgnoreIndex = -100, Losses = null, Gradient = _gradient, GradientScale = 1f / _rows, Upstream = null,
    };

    [Benchmark(Baseline = true)]
    public double Portable() => _width switch
    {
        512 => SoftmaxCrossEntropySmallClasses.Run<Vector512<float>, Simd512>(Args, 0, _rows),
        256 => SoftmaxCrossEntropySmallClasses.Run<Vector256<float>, Simd256>(Args, 0, _rows),
        _ => SoftmaxCrossEntropySmallClasses.Run<Vector128<float>, Simd128>(Args, 0, _rows),
    };

    [Benchmark]
    public double Register() => _width switch
    {
        512 => SoftmaxCrossEntropySmallClasses512.Run(Args, 0, _rows),
        256 => SoftmaxCrossEntropySmallClasses256.Run(Args, 0, _rows),
        _ => SoftmaxCrossEntropySmallClasses128.Run(Args, 0, _rows),
    };
}

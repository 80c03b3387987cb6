using BenchmarkDotNet.Attributes;
using CrossEntropy.Tracking;
using CrossEntropy.Training;

namespace CrossEntropy.Benchmarks;

/// <summary>
/// Gradient-descent steps per second: the students model (200 rows × 2 features, binary) and a
/// 10,000 × 100 → 10-class softmax regression, both full batch. Each benchmark runs several steps per
/// invocation and reports the time of one step (steps per second = 1 s / Mean).
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int StudentSteps = 200;
    private const int SoftmaxSteps = 3;

    private Dataset _students = null!;
    private Dataset _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        var raw = Datasets.Students(seed: 42, count: 200);
        _students = Standardizer.Fit(raw).Transform(raw);
        _large = SyntheticData.Classification(rows: 10_000, features: 100, classes: 10, seed: 1);
    }

    /// <summary>One full-batch step of the students model.</summary>
    [Benchmark(OperationsPerInvoke = StudentSteps)]
    public double Students_200x2_binary_step() =>
        new LogisticRegression(2).Fit(_students, new TrainingOptions { LearningRate = 0.5, Epochs = StudentSteps }).FinalTrainLoss;

    /// <summary>One full-batch step of a 10,000 × 100 → 10-class softmax regression.</summary>
    [Benchmark(OperationsPerInvoke = SoftmaxSteps)]
    public double Softmax_10000x100_to_10_step() =>
        new SoftmaxRegression(100, 10).Fit(_large, new TrainingOptions { LearningRate = 0.1, Epochs = SoftmaxSteps }).FinalTrainLoss;
}

/// <summary>
/// What tracking costs a training loop: a full-batch training run at 1,000 × 10 without tracking (the
/// baseline) against the same run logging every step (train loss and accuracy) to the run tracker, 50
/// steps per committed transaction. Both report the time of one step; the Ratio column minus 1 is the
/// tracking overhead per step (target: below 0.05). Commits happen on the run's background writer, so
/// on a busy machine they also compete for the CPU.
/// </summary>
[MemoryDiagnoser]
public class TrackerOverheadBenchmarks
{
    private const int Steps = 100;

    private Dataset _data = null!;
    private string _directory = null!;
    private RunTracker _tracker = null!;
    private Run _run = null!;
    private TrainingOptions _options = null!;
    private long _offset;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Classification(rows: 1_000, features: 10, classes: 2, seed: 2);
        _options = new TrainingOptions { LearningRate = 0.1, Epochs = Steps };
        _directory = Path.Combine(Path.GetTempPath(), "ce-bench-" + Guid.NewGuid().ToString("N"));
        _tracker = new RunTracker(Path.Combine(_directory, "runs.db"));
        _run = _tracker.StartRun("overhead", _options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _run.Dispose();
        _tracker.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One full-batch logistic-regression step on 1,000 rows × 10 features.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public double Training_step_1000x10() =>
        new LogisticRegression(10).Fit(_data, _options).FinalTrainLoss;

    /// <summary>The same step with its metrics logged to the tracker.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Training_step_1000x10_tracked()
    {
        // One long run across invocations: steps continue where the previous invocation stopped.
        var offset = _offset;
        var history = new LogisticRegression(10).Fit(_data, _options, onStep: s =>
            _run.Log(offset + s.Step, (TrainingMetrics.TrainLoss, s.TrainLoss), (TrainingMetrics.TrainAccuracy, s.TrainAccuracy)));
        _offset += Steps;
        return history.FinalTrainLoss;
    }
}

/// <summary>Gaussian features with labels from a random linear teacher: a classification problem of any size.</summary>
internal static class SyntheticData
{
    public static Dataset Classification(int rows, int features, int classes, ulong seed)
    {
        var random = new SeededRandom(seed);
        var teacher = new double[classes * features];
        for (var i = 0; i < teacher.Length; i++) teacher[i] = random.NextGaussian();
        var x = new double[rows * features];
        var labels = new int[rows];
        for (var n = 0; n < rows; n++)
        {
            for (var j = 0; j < features; j++) x[n * features + j] = random.NextGaussian();
            var best = 0;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                var score = random.NextGaussian(); // noise keeps the classes overlapping
                for (var j = 0; j < features; j++) score += teacher[c * features + j] * x[n * features + j];
                if (score > bestScore) (best, bestScore) = (c, score);
            }

            labels[n] = best;
        }

        return new Dataset(x, labels,
            [.. Enumerable.Range(0, features).Select(j => $"x{j}")],
            [.. Enumerable.Range(0, classes).Select(c => $"c{c}")]);
    }
}

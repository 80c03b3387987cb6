using System.Globalization;
using CrossEntropy.Tracking;

// Usage: CrossEntropy.Tracking.CrashHost <store path> <steps per batch>
// Logs steps 0, 1, 2, … of one run forever, printing "run <id>" once and "committed <step>" after every
// committed batch, so the test knows what must survive when it kills this process. It never completes
// the run; a 2-minute limit only guards against an orphan if the test itself dies.
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var batchSteps))
{
    Console.Error.WriteLine("usage: CrossEntropy.Tracking.CrashHost <store path> <steps per batch>");
    return 2;
}

using var tracker = new RunTracker(args[0]);
var run = tracker.StartRun("crash-test", new { LearningRate = 0.5, Seed = 7 }, batchSteps: batchSteps);
Console.WriteLine($"run {run.Id}");
Console.Out.Flush();

var deadline = DateTime.UtcNow.AddMinutes(2);
long? reported = null;
for (long step = 0; DateTime.UtcNow < deadline; step++)
{
    run.Log(step, ("loss", CrashHostValues.Loss(step)), ("accuracy", CrashHostValues.Accuracy(step)));
    if (run.LastCommittedStep != reported)
    {
        reported = run.LastCommittedStep;
        Console.WriteLine($"committed {reported}");
        Console.Out.Flush();
    }

    Thread.Sleep(1);
}

Environment.Exit(3); // exit without disposing: the run stays "running" like a crash would leave it
return 3;

/// <summary>The values the crash host logs, shared with the test by formula.</summary>
internal static class CrashHostValues
{
    public static double Loss(long step) => 1.0 / (1 + step);

    public static double Accuracy(long step) => step / (step + 10.0);
}

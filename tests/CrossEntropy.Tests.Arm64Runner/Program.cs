using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

// A minimal xunit v2 runner (the console runner package is not on the registry here): discover every test in
// CrossEntropy.Tests, run them one at a time, print each failure on one line, exit 1 if any failed.
// Usage: CrossEntropy.Tests.Arm64Runner [text]   (only tests whose display name contains the text)
Console.WriteLine($"{RuntimeInformation.ProcessArchitecture}: Vector128 accelerated {Vector128.IsHardwareAccelerated}, " +
                  $"Vector256 {Vector256.IsHardwareAccelerated}, AdvSimd.Arm64 {AdvSimd.Arm64.IsSupported}");
var assembly = Assembly.Load("CrossEntropy.Tests");
var filter = args.Length > 0 ? args[0] : null;
var framework = new XunitTestFramework(new Sink());

var discovery = new Sink();
framework.GetDiscoverer(Reflector.Wrap(assembly)).Find(includeSourceInformation: false, discovery, new Options());
discovery.Done.Wait();
var cases = discovery.Cases.Where(c => filter is null || c.DisplayName.Contains(filter, StringComparison.Ordinal)).ToList();
if (cases.Count == 0)
{
    Console.Error.WriteLine($"No test matches '{filter}': pass part of a test's name, or nothing to run them all.");
    return 2;
}

var run = new Sink();
framework.GetExecutor(assembly.GetName()).RunTests(cases, run, new Options());
run.Done.Wait();
Console.WriteLine($"{run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped (of {discovery.Cases.Count} discovered)");
return run.Failed == 0 && run.Passed > 0 ? 0 : 1;

/// <summary>Discovery and execution options: the defaults, with tests run one at a time (emulation is slow enough).</summary>
internal sealed class Options : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = new() { ["xunit.execution.DisableParallelization"] = true };

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) ? (TValue)value! : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}

/// <summary>Collects discovered test cases and counts results; prints each failure.</summary>
internal sealed class Sink : LongLivedMarshalByRefObject, IMessageSink
{
    public List<ITestCase> Cases { get; } = [];

    public ManualResetEventSlim Done { get; } = new();

    public int Passed;
    public int Failed;
    public int Skipped;

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestCaseDiscoveryMessage discovered:
                lock (Cases) Cases.Add(discovered.TestCase);
                break;
            case IDiscoveryCompleteMessage or ITestAssemblyFinished:
                Done.Set();
                break;
            case ITestPassed:
                Interlocked.Increment(ref Passed);
                break;
            case ITestSkipped:
                Interlocked.Increment(ref Skipped);
                break;
            case ITestFailed failed:
                Interlocked.Increment(ref Failed);
                Console.WriteLine($"FAIL {failed.Test.DisplayName}: {string.Join(" | ", failed.Messages).Split('\n')[0]}");
                break;
        }
        return true;
    }
}

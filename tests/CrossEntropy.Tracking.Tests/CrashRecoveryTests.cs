using System.Diagnostics;
using System.Globalization;

namespace CrossEntropy.Tracking.Tests;

public class CrashRecoveryTests
{
    private const int BatchSteps = 5;

    [Fact]
    public async Task A_killed_process_leaves_its_committed_batches_readable_and_its_run_marked_incomplete()
    {
        using var store = new TemporaryStore();
        using var host = StartCrashHost(store.Path);
        try
        {
            var runId = long.Parse((await ReadLine(host)).Split(' ')[1], CultureInfo.InvariantCulture);
            long reported;
            do
            {
                reported = long.Parse((await ReadLine(host)).Split(' ')[1], CultureInfo.InvariantCulture);
            }
            while (reported < 6 * BatchSteps - 1);

            // While the host lives, another tracker sees its run as running and its batches so far.
            using (var observer = store.Open())
            {
                Assert.Equal(RunStatus.Running, observer.GetRun(runId).Status);
                Assert.True(observer.GetRun(runId).LastStep >= reported);
            }

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();

            using var reopened = store.Open();
            var run = reopened.GetRun(runId);
            Assert.Equal(RunStatus.Incomplete, run.Status);
            Assert.Contains($"process {host.Id}", run.Error);
            Assert.NotNull(run.EndedUtc);

            var points = reopened.Metrics(runId);
            var loss = points.Where(p => p.Name == "loss").ToList();
            var accuracy = points.Where(p => p.Name == "accuracy").ToList();
            var lastStep = loss[^1].Step;
            Assert.True(lastStep >= reported, $"step {reported} was reported committed but the store ends at {lastStep}");
            Assert.Equal(0, (lastStep + 1) % BatchSteps); // only whole batches: no half-written transaction
            Assert.Equal(Enumerable.Range(0, (int)lastStep + 1).Select(s => (long)s), loss.Select(p => p.Step));
            Assert.Equal(loss.Select(p => p.Step), accuracy.Select(p => p.Step));
            Assert.All(loss, p => Assert.Equal(1.0 / (1 + p.Step), p.Value));
            Assert.All(accuracy, p => Assert.Equal(p.Step / (p.Step + 10.0), p.Value));
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    private static Process StartCrashHost(string storePath)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "CrossEntropy.Tracking.CrashHost.dll");
        Assert.True(File.Exists(hostDll), $"{hostDll} is missing: build tests/CrossEntropy.Tracking.CrashHost");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add(storePath);
        start.ArgumentList.Add(BatchSteps.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {dotnet} exec {hostDll}");
    }

    private static async Task<string> ReadLine(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var line = await host.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is not null) return line;
        }
        catch (OperationCanceledException)
        {
        }

        var error = host.HasExited ? await host.StandardError.ReadToEndAsync() : "(still running, silent)";
        throw new Xunit.Sdk.XunitException($"the crash host stopped reporting: {error}");
    }
}

using System.Reflection;
using System.Runtime.InteropServices;
using CrossEntropy.Tracking.Internal;

namespace CrossEntropy.Tracking;

/// <summary>Where a run ran: enough to explain a result that differs on another machine.</summary>
/// <param name="Runtime">The .NET runtime, e.g. ".NET 10.0.0".</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Architecture">The process architecture (X64, Arm64, …).</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="MachineName">The host name.</param>
/// <param name="LibraryVersion">The CrossEntropy library's informational version.</param>
/// <param name="GitCommit">The source commit, when known (build metadata, CI variables or the enclosing git checkout).</param>
public sealed record RunEnvironment(
    string Runtime,
    string OperatingSystem,
    string Architecture,
    int ProcessorCount,
    string MachineName,
    string LibraryVersion,
    string? GitCommit)
{
    /// <summary>The environment of the current process.</summary>
    public static RunEnvironment Current()
    {
        var version = typeof(CrossEntropy.Training.Dataset).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new RunEnvironment(
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            Environment.MachineName,
            version,
            GitCommitProbe.Find(version, Environment.CurrentDirectory));
    }
}

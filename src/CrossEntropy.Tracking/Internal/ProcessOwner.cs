using System.Diagnostics;

namespace CrossEntropy.Tracking.Internal;

/// <summary>
/// Who owns a running run: host, process id and process start time. The start time guards against
/// a recycled process id: a different process with the same id started at another moment.
/// </summary>
internal readonly record struct ProcessOwner(string Host, int ProcessId, long StartedUtcTicks)
{
    // Process start times are derived from boot time and uptime, which can disagree by a few
    // milliseconds between two reads; a second of slack is still far below any realistic id reuse.
    private static readonly long s_tolerance = TimeSpan.FromSeconds(1).Ticks;

    public static ProcessOwner Current { get; } = FromCurrentProcess();

    /// <summary>
    /// True when the owner is known to be alive (same host, same id, same start time), or cannot be
    /// checked from here (another host) and its heartbeat is recent.
    /// </summary>
    public static bool IsAlive(ProcessOwner owner, DateTimeOffset heartbeat, TimeSpan remoteStaleAfter)
    {
        if (!string.Equals(owner.Host, Current.Host, StringComparison.OrdinalIgnoreCase))
            return DateTimeOffset.UtcNow - heartbeat < remoteStaleAfter;
        if (owner.ProcessId == Current.ProcessId)
            return Math.Abs(owner.StartedUtcTicks - Current.StartedUtcTicks) <= s_tolerance;

        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            if (process.HasExited) return false;
            var started = process.StartTime.ToUniversalTime().Ticks;
            return Math.Abs(started - owner.StartedUtcTicks) <= s_tolerance;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // no such process (any more), or not inspectable: it is not our owner
        }
    }

    private static ProcessOwner FromCurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessOwner(Environment.MachineName, self.Id, self.StartTime.ToUniversalTime().Ticks);
    }
}

namespace CrossEntropy.Tests;

/// <summary>
/// The bytes a warm call allocates on the calling thread. The runtime itself sometimes allocates on this thread
/// while a call runs: a call that happens to cross a tiering point (the on-stack-replacement compile of a hot loop,
/// the tier-up bookkeeping) was seen to add ~8 KB once in about ten test runs. That is not the code under test, so
/// the call is warmed up a few times, then measured up to five times and the smallest count is returned. Code that
/// allocates on every call still shows it in every measurement, so the assertion keeps its teeth.
/// </summary>
internal static class AllocationProbe
{
    public static long Allocated(Action call)
    {
        for (var i = 0; i < 3; i++) call(); // JIT, static initialisation, first tier-up steps
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 5 && least > 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}

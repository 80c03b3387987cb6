using System.Buffers;

namespace CrossEntropy.Fused;

/// <summary>
/// Splits work into fixed blocks whose bounds depend only on the problem size, runs them on one thread or
/// many, and adds the per-block double sums in block order: the result is bit-identical whatever the
/// number of threads. Below <see cref="ParallelThreshold"/> elements everything stays on the calling
/// thread and nothing is allocated; above it the parallel path allocates a constant amount (the
/// Parallel.For closure, options and task bookkeeping: about 2 KB, measured) and rents the partials buffer.
/// </summary>
internal static class FixedBlocks
{
    /// <summary>Elements below which thread start-up costs more than it saves (measured: ~64K).</summary>
    public const long ParallelThreshold = 65_536;

    /// <summary>Elements per block: large enough to amortise scheduling, small enough to balance two to many cores.</summary>
    public const int BlockElements = 16_384;

    /// <summary>
    /// Runs <paramref name="body"/> over [0, <paramref name="items"/>) in blocks of <paramref name="itemsPerBlock"/>
    /// and returns the sum of the block results in block order.
    /// </summary>
    public static double Run<TBody>(TBody body, int items, int itemsPerBlock, long elements, int maxThreads)
        where TBody : struct, IBlockBody
    {
        var blocks = (int)((items + (long)itemsPerBlock - 1) / itemsPerBlock);
        var threads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        if (elements < ParallelThreshold || threads <= 1 || blocks <= 1)
        {
            double serial = 0;
            for (var b = 0; b < blocks; b++)
                serial += body.Run(b * itemsPerBlock, (int)Math.Min(items, (long)(b + 1) * itemsPerBlock));
            return serial;
        }

        return RunParallel(body, items, itemsPerBlock, blocks, threads);
    }

    // Separate so the lambda's closure is allocated only when the parallel path is taken.
    private static double RunParallel<TBody>(TBody body, int items, int itemsPerBlock, int blocks, int threads)
        where TBody : struct, IBlockBody
    {
        var partials = ArrayPool<double>.Shared.Rent(blocks);
        try
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
                partials[b] = body.Run(b * itemsPerBlock, (int)Math.Min(items, (long)(b + 1) * itemsPerBlock)));
            double total = 0;
            for (var b = 0; b < blocks; b++) total += partials[b];
            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
        }
    }
}

/// <summary>The work of one block: items [start, end) in, their loss sum out. A struct, so the serial path allocates nothing.</summary>
internal interface IBlockBody
{
    double Run(int start, int end);
}

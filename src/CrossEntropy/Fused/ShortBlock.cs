namespace CrossEntropy.Fused;

/// <summary>
/// The stack buffers a small-class kernel runs its short last block through (fewer rows than a whole block): the
/// rows are copied in and padded with ignored rows up to a whole block, and their losses and gradient copied back
/// out, so the kernel's one block body never reads or writes past the caller's rows. The kernel owns the buffers
/// (stackalloc of <c>blockRows × 16</c> floats for logits and gradient, <c>blockRows</c> for the rest), and its block
/// body writes a short block's losses and gradient into its own pointers to them directly (a property here stayed a
/// call in kernels at the JIT's inlining budget).
/// </summary>
internal readonly unsafe struct ShortBlock(float* logits, float* gradient, int* targets, float* upstream, float* losses)
{
    /// <summary>Copies <paramref name="rows"/> rows in, pads them to <paramref name="blockRows"/>, and points the arguments at the copies.</summary>
    public void CopyIn(int blockRows, int rows, int classes, int ignoreIndex, ref float* x, ref int* targetsIn, ref float* upstreamIn)
    {
        // A bulk copy and clear, not an element loop with a test: a 1-row call at 10 classes went 274 → 187 ns with it.
        var count = rows * classes;
        new ReadOnlySpan<float>(x, count).CopyTo(new Span<float>(logits, count));
        new Span<float>(logits + count, (blockRows - rows) * classes).Clear();
        for (var r = 0; r < blockRows; r++) targets[r] = r < rows ? targetsIn[r] : ignoreIndex;
        for (var r = 0; r < blockRows; r++) upstream[r] = r < rows && upstreamIn != null ? upstreamIn[r] : 0f;
        x = logits;
        targetsIn = targets;
        if (upstreamIn != null) upstreamIn = upstream;
    }

    /// <summary>Copies the real rows' losses and gradient from the buffers to the caller's (each when asked for).</summary>
    public void CopyOut(int rows, int classes, float* lossesOut, float* gradientOut)
    {
        if (lossesOut != null) new ReadOnlySpan<float>(losses, rows).CopyTo(new Span<float>(lossesOut, rows));
        if (gradientOut != null) new ReadOnlySpan<float>(gradient, rows * classes).CopyTo(new Span<float>(gradientOut, rows * classes));
    }
}

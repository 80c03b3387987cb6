namespace CrossEntropy.Notebooks.Ipynb;

/// <summary>
/// Replaces a file atomically: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target. An interrupted write leaves the original file as it was.
/// </summary>
/// <param name="wrapStream">
/// Wraps the temporary file's stream before writing; tests pass a stream that fails mid-write.
/// </param>
public sealed class AtomicFileWriter(Func<Stream, Stream>? wrapStream = null)
{
    /// <summary>The writer used by the tool.</summary>
    public static AtomicFileWriter Default { get; } = new();

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var target = wrapStream?.Invoke(file) ?? file;
                target.Write(bytes);
                target.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes UTF-8 text atomically.</summary>
    public void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temp file is named so it is recognisable; leaving it is better than hiding the real error.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

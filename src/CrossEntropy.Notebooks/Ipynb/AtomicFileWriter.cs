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
    /// <exception cref="UnauthorizedAccessException">When <paramref name="path"/> is a read-only file (it is left as it is).</exception>
    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var existing = File.Exists(full);
        // A rename replaces a file whatever its permissions (only the folder's count), so a read-only file would be
        // overwritten silently: refuse it, as an ordinary write would.
        if (existing && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
        {
            throw new UnauthorizedAccessException($"{full} is read-only (make it writable, e.g. chmod u+w, to let it be replaced)");
        }

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

            if (existing && !OperatingSystem.IsWindows())
            {
                // The replacement keeps the original's permissions (an executable bit, group write), not the umask's.
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
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

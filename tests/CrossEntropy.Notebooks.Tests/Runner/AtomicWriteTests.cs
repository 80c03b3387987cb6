using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Ipynb;
using CrossEntropy.Notebooks.Tests.Support;

namespace CrossEntropy.Notebooks.Tests.Runner;

public sealed class AtomicWriteTests
{
    [Fact]
    public void A_write_that_fails_midway_leaves_the_original_file_and_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("notebook.ipynb");
        File.WriteAllText(path, "original");
        var writer = new AtomicFileWriter(s => new FailingStream(s, failAfterBytes: 10));

        var e = Assert.Throws<IOException>(() => writer.Write(path, new byte[1000]));

        Assert.Equal("simulated crash mid-write", e.Message);
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_completed_write_replaces_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("notebook.ipynb");
        File.WriteAllText(path, "original");

        AtomicFileWriter.Default.WriteText(path, "replaced");

        Assert.Equal("replaced", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task An_in_place_run_whose_write_fails_midway_keeps_the_original_notebook_and_reports_it()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var before = await File.ReadAllBytesAsync(path);
        var writer = new AtomicFileWriter(s => new FailingStream(s, failAfterBytes: 100));

        var result = await ToolRun.RunAsync(["run", path, "--in-place"], writer: writer);

        Assert.Equal(ExitCodes.WriteFailed, result.ExitCode);
        Assert.Contains("could not write 01-fixture-basics.ipynb: simulated crash mid-write", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task An_in_place_run_on_a_read_only_notebook_reports_it_and_leaves_the_file_as_it_was()
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var before = await File.ReadAllBytesAsync(path);
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var result = await ToolRun.RunAsync(["run", path, "--in-place"]);

            Assert.Equal(ExitCodes.WriteFailed, result.ExitCode);
            Assert.Contains("could not write 01-fixture-basics.ipynb: ", result.Error, StringComparison.Ordinal);
            Assert.Contains("is read-only (make it writable", result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
            Assert.True(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
            Assert.Single(Directory.GetFiles(temp.Path));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    // A folder where the export's file must go makes the write itself fail, whoever runs the tests (root ignores
    // read-only modes); a path through a file is refused earlier, as a usage error (BadCommandLineTests).
    [Theory]
    [InlineData("--cs", "01-fixture-basics.cs", "could not write 01-fixture-basics.cs in ", "apps: only 0 of 1 file-based app(s) written")] // not "1 file-based app(s) written to"
    [InlineData("--html", "index.html", "could not write the site in ", null)]
    public async Task An_export_that_cannot_write_a_file_reports_it_once_and_does_not_claim_it_was_written(string option, string blocked, string error, string? summary)
    {
        using var temp = new TempFolder();
        var path = temp.CopyFixture("course/01-fixture-basics.ipynb");
        var output = temp.Combine("out");
        Directory.CreateDirectory(Path.Combine(output, blocked));

        var result = await ToolRun.RunAsync(["run", path, option, output]);

        Assert.Equal(ExitCodes.WriteFailed, result.ExitCode);
        Assert.Contains(error, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain(".;", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("app(s) written to", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("page(s) written to", result.Output, StringComparison.Ordinal);
        if (summary is not null)
        {
            Assert.Contains(summary, result.Output, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(output, blocked)));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        using var temp = new TempFolder();
        var path = temp.Combine("notebook.ipynb");
        File.WriteAllText(path, "original");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(path, mode);

        AtomicFileWriter.Default.WriteText(path, "replaced");

        Assert.Equal("replaced", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    /// <summary>Passes bytes through, then throws part-way, like a process killed during a write.</summary>
    private sealed class FailingStream(Stream inner, int failAfterBytes) : Stream
    {
        private int _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var allowed = Math.Max(0, Math.Min(buffer.Length, failAfterBytes - _written));
            inner.Write(buffer[..allowed]);
            inner.Flush();
            _written += allowed;
            if (allowed < buffer.Length)
            {
                throw new IOException("simulated crash mid-write");
            }
        }
    }
}

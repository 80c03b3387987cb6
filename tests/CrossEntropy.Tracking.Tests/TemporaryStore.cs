namespace CrossEntropy.Tracking.Tests;

/// <summary>A store file in a fresh temporary directory, deleted with the directory afterwards.</summary>
internal sealed class TemporaryStore : IDisposable
{
    public TemporaryStore()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ce-tracking-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "runs", "runs.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public RunTracker Open() => new(Path);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

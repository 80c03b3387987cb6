namespace CrossEntropy.Notebooks.Tests.Support;

/// <summary>A scratch folder deleted at the end of a test; fixtures are copied here so the sources stay untouched.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ce-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies a fixture file (path relative to Fixtures/) here and returns its new path.</summary>
    public string CopyFixture(string relative)
    {
        var target = System.IO.Path.Combine(Path, System.IO.Path.GetFileName(relative));
        File.Copy(System.IO.Path.Combine(RepoPaths.Fixtures, relative), target);
        return target;
    }

    /// <summary>Copies every notebook of a fixture folder here.</summary>
    public void CopyFixtureFolder(string relative)
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(RepoPaths.Fixtures, relative), "*.ipynb"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

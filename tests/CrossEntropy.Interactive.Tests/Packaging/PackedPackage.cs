using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace CrossEntropy.Interactive.Tests.Packaging;

/// <summary>
/// Runs the documented pack command once, on a private copy of the projects it needs (its own obj/bin, so it
/// cannot race other builds of the checkout), and opens the resulting nupkg.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private static readonly string[] s_copied =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", "LICENSE", "docs/extension.md",
         "src/CrossEntropy", "src/CrossEntropy.Tracking", "src/CrossEntropy.Interactive"];

    // Copied when present, so the copy builds under the same rules as the checkout.
    private static readonly string[] s_optional = ["Directory.Build.targets", ".editorconfig", "NuGet.config"];

    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "ce-pack-" + Guid.NewGuid().ToString("N"));

    public PackedPackage()
    {
        foreach (var item in s_copied)
            Copy(RepositoryPaths.File(item), Path.Combine(_workspace, item));
        foreach (var item in s_optional.Where(i => File.Exists(RepositoryPaths.File(i))))
            Copy(RepositoryPaths.File(item), Path.Combine(_workspace, item));

        var feed = Path.Combine(_workspace, "artifacts", "packages");
        var (exitCode, output) = Run("dotnet", ["pack", "src/CrossEntropy.Interactive", "-c", "Release", "-o", feed], _workspace);
        Assert.True(exitCode == 0, $"dotnet pack failed ({exitCode}):\n{output}");

        PackagePath = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        using var zip = ZipFile.OpenRead(PackagePath);
        Entries = [.. zip.Entries.Select(e => e.FullName)];
        using (var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
            Nuspec = XDocument.Load(nuspec);
        using var reader = new StreamReader(zip.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
        PackedExtensionDib = reader.ReadToEnd();
    }

    public string PackagePath { get; }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    public string PackedExtensionDib { get; }

    public string NuspecValue(string element) =>
        Nuspec.Descendants().First(e => e.Name.LocalName == element).Value;

    public IReadOnlyList<string> DependencyIds =>
        [.. Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static void Copy(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
                continue;
            Copy(file, Path.Combine(destination, relative));
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host runs under MSBuild's environment; the child pack must pick its own SDK.
        foreach (var variable in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

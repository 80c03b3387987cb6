using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossEntropy.Interactive.Tests.Packaging;

public class PackageContentTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    [Theory]
    [InlineData("lib/net10.0/CrossEntropy.Interactive.dll")]
    [InlineData("lib/net10.0/CrossEntropy.dll")]
    [InlineData("lib/net10.0/CrossEntropy.Tracking.dll")]
    [InlineData("interactive-extensions/dotnet/extension.dib")]
    [InlineData("README.md")]
    [InlineData("LICENSE")]
    public void The_package_contains(string entry) => Assert.Contains(entry, package.Entries);

    [Fact]
    public void The_packed_extension_dib_is_the_source_file() =>
        Assert.Equal(File.ReadAllText(RepositoryPaths.File("src", "CrossEntropy.Interactive", "extension.dib")), package.PackedExtensionDib);

    [Fact]
    public void Real_package_dependencies_are_declared_and_the_bundled_or_private_ones_are_not()
    {
        Assert.Contains("System.Numerics.Tensors", package.DependencyIds);
        Assert.Contains("Microsoft.Data.Sqlite", package.DependencyIds);
        Assert.DoesNotContain("Microsoft.DotNet.Interactive.Formatting", package.DependencyIds); // the kernel brings its own
        Assert.DoesNotContain("CrossEntropy", package.DependencyIds); // shipped inside, not a package
        Assert.DoesNotContain("CrossEntropy.Tracking", package.DependencyIds);
    }

    [Fact]
    public void Each_pack_gets_a_fresh_prerelease_version_stamped_with_the_UTC_time()
    {
        var version = package.NuspecValue("version");
        var match = Regex.Match(version, @"^0\.1\.0-dev\.(\d{14})$");
        Assert.True(match.Success, $"version {version} is not 0.1.0-dev.<yyyyMMddHHmmss>");
        var stamp = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.InRange(stamp, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.EndsWith($"CrossEntropy.Interactive.{version}.nupkg", package.PackagePath);
    }

    [Fact]
    public void The_license_is_MIT() => Assert.Equal("MIT", package.NuspecValue("license"));
}

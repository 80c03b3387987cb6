using CrossEntropy.Fused;

namespace CrossEntropy.Tests.Fused;

/// <summary>Every vector width, so each specialisation is tested on this machine whatever it accelerates.</summary>
public static class FusedWidths
{
    public static readonly int[] All = [128, 256, 512];

    internal static FusedOptions Options(int width, int maxThreads = 0) => new((SimdWidth)width, maxThreads);

    /// <summary>Reference-case ids of <paramref name="file"/> crossed with every width.</summary>
    public static TheoryData<string, int> Cases(string file, Func<Reference.RefCase, bool> include)
    {
        var data = new TheoryData<string, int>();
        foreach (var c in Reference.ReferenceCases.Load(file).Where(include))
            foreach (var w in All) data.Add(c.Id, w);
        return data;
    }
}

using System.Reflection;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// What <c>#r "nuget: CrossEntropy.Interactive"</c> brings into a kernel session: the project's libraries
/// and the packages their public API exposes. The runner references the copies it is itself built with,
/// so the display hook it connects is the one the notebook's code calls.
/// </summary>
internal static class ProjectAssemblies
{
    private static readonly string[] s_names =
    [
        "CrossEntropy",
        "CrossEntropy.Tracking",
        "CrossEntropy.Interactive",
        "System.Numerics.Tensors",
        "Microsoft.DotNet.Interactive.Formatting",
        "Microsoft.Data.Sqlite",
    ];

    /// <summary>The assemblies, loaded once.</summary>
    public static IReadOnlyList<Assembly> All { get; } = Load();

    private static List<Assembly> Load()
    {
        var loaded = new List<Assembly>();
        foreach (var name in s_names)
        {
            try
            {
                loaded.Add(Assembly.Load(new AssemblyName(name)));
            }
            catch (FileNotFoundException)
            {
                // An assembly the project does not ship (yet) is simply not referenced.
            }
        }

        return loaded;
    }
}

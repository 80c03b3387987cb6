using System.Text;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Export;

/// <summary>
/// Exports a notebook as a .NET 10 file-based app (<c>dotnet run chapter.cs</c>): <c>#:project</c> points
/// at CrossEntropy.Interactive, markdown becomes comments, cells run in order as top-level statements,
/// displayed values are printed as text (<c>CrossEntropyFormatters.ToPlainText</c>) and charts are written
/// as HTML files beside the app.
/// </summary>
/// <remarks>
/// What a script allows and a program does not is converted: using directives move to the top, type
/// declarations to the end, script fields become locals and methods local functions. A variable declared
/// again in a later cell (legal in a notebook, a duplicate local in a program) gets a new name from that cell on
/// (<see cref="VariableRenamer"/>); where a syntactic rename would be unsafe the export keeps the names, still writes
/// the app, and says which cell and name keep it from compiling in a warning.
/// </remarks>
internal static class FileBasedAppExporter
{
    private const string Helper = "NotebookExport";

    /// <summary>Writes <c>{directory}/{notebook}.cs</c> and returns its path.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="interactiveProject">Path of CrossEntropy.Interactive.csproj (made relative for <c>#:project</c>).</param>
    /// <param name="writer">The atomic writer.</param>
    /// <param name="warnings">Receives what will keep the app from compiling (see the remarks).</param>
    /// <exception cref="UnsupportedCellException">For a cell the runner would refuse too.</exception>
    public static string Export(NotebookDocument notebook, string directory, string interactiveProject, AtomicFileWriter writer, List<string>? warnings = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(Path.GetFullPath(directory), notebook.Name + ".cs");
        writer.WriteText(path, Generate(notebook, Path.GetRelativePath(Path.GetDirectoryName(path)!, interactiveProject), warnings));
        return path;
    }

    /// <summary>The app's source text; <paramref name="warnings"/>, when given, receives what will keep it from compiling.</summary>
    public static string Generate(NotebookDocument notebook, string projectReference, List<string>? warnings = null)
    {
        var firstDeclared = new Dictionary<string, int>(StringComparer.Ordinal); // variable → the cell that declared it
        var renamer = VariableRenamer.For(notebook.Cells.Where(c => c.Kind == CellKind.Code)
            .SelectMany(c => CellSegmenter.Split(c.Source)).Where(s => s.Kind == SegmentKind.CSharp).Select(s => s.Text));
        var usings = new List<string>(ScriptSession.KernelImports.Select(n => $"using {n};"));
        var types = new List<string>();
        var body = new StringBuilder();
        var hasCommands = false;
        foreach (var cell in notebook.Cells)
        {
            body.Append('\n');
            if (cell.Kind != CellKind.Code)
            {
                body.Append($"// ---- cell {cell.Number}: {cell.Kind.ToString().ToLowerInvariant()}\n");
                foreach (var line in cell.Source.TrimEnd().Split('\n'))
                {
                    body.Append(line.Length == 0 ? "//" : "// " + line.TrimEnd('\r')).Append('\n');
                }

                continue;
            }

            body.Append($"// ---- cell {cell.Number}\n");
            foreach (var segment in CellSegmenter.Split(cell.Source))
            {
                switch (segment.Kind)
                {
                    case SegmentKind.CSharp:
                        var pieces = ScriptToProgram.Convert(renamer.Rewrite(segment.Text, cell.Number), Helper + ".Display");
                        usings.AddRange(pieces.Usings.Where(u => !usings.Contains(u)));
                        types.AddRange(pieces.Types);
                        foreach (var name in pieces.Variables)
                        {
                            if (firstDeclared.TryGetValue(name, out var first))
                            {
                                warnings?.Add($"{notebook.FileName} cell {cell.Number} declares '{name}' again (first in cell {first}), and a lambda, " +
                                              $"loop or nested block declares it too, so the export cannot rename it: {notebook.Name}.cs will not compile " +
                                              "until one of them is renamed in the notebook.");
                            }

                            firstDeclared.TryAdd(name, cell.Number);
                        }

                        body.Append(pieces.Statements.TrimEnd()).Append('\n');
                        break;
                    case SegmentKind.CrossEntropyCommand:
                        hasCommands = true;
                        body.Append(Helper).Append(".Command(").Append(Literal(segment.Text)).Append(", ")
                            .Append(Resolver(renamer.Variables)).Append(");\n");
                        break;
                    case SegmentKind.ProjectPackageReference:
                        body.Append("// ").Append(segment.Text).Append(": the #:project line above references the library instead\n");
                        break;
                }
            }
        }

        var text = new StringBuilder();
        text.Append($"// {notebook.Title}: exported from {notebook.FileName} by CrossEntropy.Notebooks (run --cs).\n");
        text.Append($"// Run with: dotnet run {notebook.Name}.cs   Charts are written as HTML files next to this file.\n");
        text.Append($"#:project {projectReference.Replace('\\', '/')}\n");
        text.Append("#:property TreatWarningsAsErrors=false\n");
        text.Append("#:property PublishAot=false\n\n");
        foreach (var u in usings.Distinct())
        {
            text.Append(u).Append('\n');
        }

        text.Append($"\n{Helper}.Start(\"{notebook.Name}\");\n");
        text.Append(body);
        foreach (var type in types)
        {
            text.Append('\n').Append(type).Append('\n');
        }

        text.Append(HelperSource.Replace("__COMMAND__", hasCommands ? CommandSource : "", StringComparison.Ordinal));
        return text.ToString();
    }

    // Lets a magic line name notebook variables, as the runner's resolver does over the script state.
    // Keys are the notebook's names (what a magic line says), values the program's (what the app declares).
    private static string Resolver(IReadOnlyDictionary<string, string> variables)
    {
        if (variables.Count == 0)
        {
            return "static _ => (false, null)";
        }

        var arms = string.Concat(variables.Select(v => $"\"{v.Key}\" => (true, (object?){v.Value}), "));
        return $"name => name switch {{ {arms}_ => (false, (object?)null) }}";
    }

    private static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private const string HelperSource = """

        /// <summary>What the notebook runner does for display, for a console app: text out, charts to HTML files.</summary>
        static class NotebookExport
        {
            private static string s_name = "notebook";
            private static int s_charts;

            public static void Start(string name)
            {
                s_name = name;
                CrossEntropy.Interactive.Display.NotebookDisplay.Connect(Show);
            }

            public static void Display(object? value) => Show(value ?? "<null>");

        __COMMAND__
            private static Action<object> Show(object value)
            {
                string? chartFile = null;
                Write(value, ref chartFile, print: true);
                return update => Write(update, ref chartFile, print: chartFile is null);
            }

            private static void Write(object value, ref string? chartFile, bool print)
            {
                if (CrossEntropy.Interactive.Formatting.CrossEntropyFormatters.TryFormat(value, out var html, out var plain))
                {
                    if (html.Contains("class=\"ce-chart\"", StringComparison.Ordinal))
                    {
                        chartFile ??= Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", $"{s_name}-chart-{++s_charts}.html");
                        File.WriteAllText(chartFile, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + html + "\n</body></html>\n");
                        if (print)
                        {
                            Console.WriteLine(plain + $"  [chart: {Path.GetFileName(chartFile)}]");
                        }

                        return;
                    }

                    Console.WriteLine(plain);
                    return;
                }

                Console.WriteLine(Plain(value));
            }

            private static string Plain(object value) => value switch
            {
                string s => s,
                System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => i is null ? "<null>" : Plain(i))) + "]",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }

        """;

    // Only apps with #!cross-entropy lines reference the command code.
    private const string CommandSource = """
            public static void Command(string line, Func<string, (bool Found, object? Value)> variables)
            {
                var result = CrossEntropy.Interactive.Commands.CrossEntropyCommand.Execute(line, CrossEntropy.Interactive.Commands.VariableResolver.FromFunc(variables));
                foreach (var warning in result.Warnings)
                {
                    Console.Error.WriteLine("warning: " + warning);
                }

                if (result.Error is { } error)
                {
                    Console.Error.WriteLine(error);
                    Environment.Exit(1);
                }

                foreach (var value in result.Values)
                {
                    Show(value);
                }
            }

        """;
}

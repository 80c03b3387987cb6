using CrossEntropy.Notebooks.Cli;
using CrossEntropy.Notebooks.Execution;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Tests.Support;

/// <summary>Runs the tool's command line in-process and captures what it prints.</summary>
internal static class ToolRun
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs with the real command code (or <paramref name="magic"/>) and optionally a custom file writer.</summary>
    public static async Task<Result> RunAsync(string[] args, IMagicCommandRunner? magic = null, AtomicFileWriter? writer = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var factory = new Factory(magic, writer);
        var code = await CommandLine.InvokeAsync(args, output, error, factory);
        return new Result(code, output.ToString(), error.ToString());
    }

    private sealed class Factory(IMagicCommandRunner? magic, AtomicFileWriter? writer) : IRunnerFactory
    {
        public CourseRunner Create(TextWriter output, TextWriter error) =>
            RunnerFactory.Create(magic ?? new CrossEntropyCommandRunner(), writer ?? AtomicFileWriter.Default, output, error);
    }
}

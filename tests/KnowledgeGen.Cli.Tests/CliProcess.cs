using System.Diagnostics;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// Runs the <c>knowledgegen</c> command line as a child process, for what only a real process shows: standard streams that
/// are pipes, and reads that could block. A run that outlives <see cref="Timeout"/> is killed and fails the test, so a
/// regression fails CI rather than hanging it.
/// </summary>
internal static class CliProcess
{
    /// <summary>Far more than a run takes (about a second), even on a busy machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the tool with <paramref name="args"/>; with <paramref name="closeOutput"/>, its standard output is a pipe whose reader has gone before it writes.</summary>
    public static CliResult Run(string[] args, bool closeOutput = false) => Run(new ProcessStartInfo(DotnetHost()), args, closeOutput);

    /// <summary>
    /// Runs the tool with <paramref name="args"/> as <c>"$@"</c> in the POSIX shell <paramref name="script"/>, for
    /// redirections such as <c>"$@" &gt; "$LOG" 2&gt;&amp;1</c>, with <paramref name="environment"/> added to the shell's.
    /// </summary>
    public static CliResult RunInShell(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        foreach (var arg in new[] { "-c", script, "sh", DotnetHost() })
            start.ArgumentList.Add(arg);
        return Run(start, args, closeOutput: false);
    }

    private static CliResult Run(ProcessStartInfo start, string[] args, bool closeOutput)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGen.Cli.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The tool did not start.");
        var output = Task.FromResult("");
        if (closeOutput)
            process.StandardOutput.Close(); // the tool takes far longer to start than this takes
        else
            output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout) || !Task.WaitAll(new Task[] { output, error }, Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"knowledgegen {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} seconds.");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    // The dotnet host that runs the tests runs the tool's dll too.
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}

/// <summary>A fact that runs on Linux and macOS only: Windows has no named pipes in folders (<c>mkfifo</c>), nor SIGPIPE's exit code.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Unix only.";
    }
}

/// <summary>A theory that runs on Linux and macOS only, as <see cref="UnixFactAttribute"/>.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Unix only.";
    }
}

using System.CommandLine;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// Standard output closed early (<c>knowledgegen export | head -c 100</c>): the output was cut short, so the tool exits
/// <see cref="Program.BrokenPipe"/> (141, as a Unix tool ended by SIGPIPE), silently, whatever the command.
/// </summary>
public class BrokenPipeTests
{
    // Both exports are larger than a pipe's buffer (64 KiB on Linux), so the tool cannot finish writing before the reader
    // is gone, however the two processes are scheduled.
    [UnixTheory]
    [InlineData("json")]
    [InlineData("jsonld")]
    public void The_tool_whose_reader_has_gone_exits_141_without_a_word(string format)
    {
        var result = CliProcess.Run(new[] { "export", "--format", format }, closeOutput: true);

        Assert.Equal((Program.BrokenPipe, ""), (result.ExitCode, result.Error));
    }

    public static TheoryData<string[]> CommandsThatWrite() => new()
    {
        Array.Empty<string>(),
        new[] { "briefing" },
        new[] { "who", "Punjir" },
        new[] { "contested" },
        new[] { "timeline" },
        new[] { "export" },
        new[] { "export", "--format", "jsonld" },
        new[] { "graph" },
        new[] { "graph", "--format", "dot" },
        new[] { "validate", Path.Combine(TestFolders.RepoRoot(), "knowledge", "panjshir-2021") },
        new[] { "--help" },
        new[] { "--version" },
    };

    // Every command writes through the writer Program.Main gives it on a redirected standard output; here that writer is on
    // a pipe whose reading end is closed before the command starts.
    [UnixTheory]
    [MemberData(nameof(CommandsThatWrite))]
    public void Every_command_writing_to_a_pipe_whose_reader_has_gone_exits_141(string[] args)
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        pipe.DisposeLocalCopyOfClientHandle();
        var output = StandardStreams.Writer(new SafeFileHandle(pipe.SafePipeHandle.DangerousGetHandle(), ownsHandle: false));
        var error = new StringWriter();

        var exitCode = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((Program.BrokenPipe, ""), (exitCode, error.ToString()));
    }

    // Standard output and error that go to one file share its offset: each must write at it, not over the other's lines.
    [UnixFact]
    public void Output_and_error_sent_to_one_file_keep_all_their_lines_in_order()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "knowledgegen-streams-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "starter")))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            Directory.CreateSymbolicLink(Path.Combine(folder, "self"), folder); // named on standard error, before the summary
            var log = Path.Combine(folder, "log.txt");

            var result = CliProcess.RunInShell("\"$@\" > \"$LOG\" 2>&1", new Dictionary<string, string> { ["LOG"] = log }, "validate", folder);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(
                $"knowledgegen: skipped '{Path.Combine(folder, "self")}': it links back to '{folder}', whose files are read already.\n" +
                "5 files, 2 sources, 4 actors, 2 places, 3 claims: 0 errors, 0 warnings.\n",
                File.ReadAllText(log));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [UnixFact]
    public void A_reader_that_stays_gets_everything_and_exit_code_0()
    {
        var result = CliProcess.Run(new[] { "export" });

        var expected = new StringWriter();
        Export.ExportCommand.Write(Loading.PackLoader.LoadBuiltIn(), expected);
        Assert.Equal((0, "", expected.ToString()), (result.ExitCode, result.Error, result.Output));
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// What the tool reads by path is a regular file or a link to one, of at most <see cref="InputFile.MaxBytes"/>: a named
/// pipe, a socket or a device is named on standard error and never opened (a pipe would block the tool for good, a device
/// such as /dev/zero never ends), with exit code 2 as for any file that cannot be read. The runs that could block are child
/// processes with a timeout.
/// </summary>
public class SpecialFileTests
{
    public static TheoryData<string, string> NotFiles() => new()
    {
        { "named-pipe", "a named pipe" },
        { "socket", "a socket" },
        { "link-to-dev-null", "a character device" },
    };

    [UnixTheory]
    [MemberData(nameof(NotFiles))]
    public void A_pack_file_that_is_not_a_file_is_named_and_not_opened(string make, string described)
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var path = Path.Combine(folder, "odd.kg.yaml");
            using var socket = Make(make, path);

            var result = CliProcess.Run(new[] { "validate", folder });

            Assert.Equal((2, ""), (result.ExitCode, result.Output));
            Assert.Equal($"knowledgegen: '{path}' is {described}, not a file, so it was not read.", result.Error.TrimEnd());
        });
    }

    [UnixFact]
    public void A_named_pipe_among_the_documents_is_named_and_not_opened()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var documents = Directory.CreateDirectory(Path.Combine(folder, "documents")).FullName;
            var pipe = Path.Combine(documents, "report.txt");
            Make("named-pipe", pipe);

            var result = CliProcess.Run(new[] { "validate", folder, "--documents", documents });

            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"knowledgegen: '{pipe}' is a named pipe, not a file, so it was not read.", result.Error.TrimEnd());
        });
    }

    [UnixFact]
    public void A_pack_assembly_that_is_a_named_pipe_or_a_device_is_refused()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var pipe = Path.Combine(folder, "pack.dll");
            Make("named-pipe", pipe);

            var fromPipe = CliProcess.Run(new[] { "--pack", pipe });
            var fromDevice = CliProcess.Run(new[] { "export", "--pack", "/dev/zero" });

            Assert.Equal((2, "", $"knowledgegen: '{pipe}' is a named pipe, not a file; give the path of the pack's .dll file."),
                (fromPipe.ExitCode, fromPipe.Output, fromPipe.Error.TrimEnd()));
            Assert.Equal((2, "", "knowledgegen: '/dev/zero' is a character device, not a file; give the path of the pack's .dll file."),
                (fromDevice.ExitCode, fromDevice.Output, fromDevice.Error.TrimEnd()));
        });
    }

    [UnixFact]
    public void A_referenced_pack_that_is_a_named_pipe_or_a_device_is_refused()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var pipe = Path.Combine(folder, "other.dll");
            Make("named-pipe", pipe);

            var fromPipe = CliProcess.Run(new[] { "validate", folder, "--reference", pipe });
            var fromDevice = CliProcess.Run(new[] { "validate", folder, "--reference", "/dev/zero" });

            Assert.Equal((2, "", $"knowledgegen: '{pipe}' given to --reference is a named pipe, not a file; give the path of the pack's .dll file."),
                (fromPipe.ExitCode, fromPipe.Output, fromPipe.Error.TrimEnd()));
            Assert.Equal((2, "", "knowledgegen: '/dev/zero' given to --reference is a character device, not a file; give the path of the pack's .dll file."),
                (fromDevice.ExitCode, fromDevice.Output, fromDevice.Error.TrimEnd()));
        });
    }

    [Fact]
    public void A_folder_named_like_a_pack_file_is_searched_and_a_link_to_a_file_is_read()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            // The build's wildcard takes a folder named *.kg.yaml for a folder too.
            var named = Directory.CreateDirectory(Path.Combine(folder, "more.kg.yaml")).FullName;
            var moved = Directory.GetFiles(folder, "*.kg.yaml").Order(StringComparer.Ordinal).First();
            File.Move(moved, Path.Combine(named, "moved.yaml"));
            File.CreateSymbolicLink(moved, Path.Combine(named, "moved.yaml"));

            var result = CliRunner.Run("validate", folder);

            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            Assert.Equal("5 files, 2 sources, 4 actors, 2 places, 3 claims: 0 errors, 0 warnings.\n", result.Output.ReplaceLineEndings("\n"));
        });
    }

    [Fact]
    public void A_pack_file_larger_than_the_limit_is_named_and_not_read()
    {
        TestFolders.InCopyOfStarter(folder =>
        {
            var big = Path.Combine(folder, "big.kg.yaml");
            using (var file = File.Create(big))
                file.SetLength(InputFile.MaxBytes + 1); // sparse where the file system allows it: no disk is written

            var result = CliRunner.Run("validate", folder);

            Assert.Equal((2, ""), (result.ExitCode, result.Output));
            Assert.Equal($"knowledgegen: '{big}' is larger than 64 MiB, so it was not read.", result.Error.TrimEnd());
        });
    }

    // Makes what the theory names at the path; the socket is returned to be disposed, since it is bound while it is open.
    private static IDisposable? Make(string what, string path)
    {
        switch (what)
        {
            case "named-pipe":
                using (var mkfifo = Process.Start("mkfifo", new[] { path }))
                {
                    Assert.True(mkfifo.WaitForExit(CliProcess.Timeout), "mkfifo did not finish.");
                    Assert.Equal(0, mkfifo.ExitCode);
                }
                return null;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                return socket;
            case "link-to-dev-null":
                File.CreateSymbolicLink(path, "/dev/null");
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(what), what, null);
        }
    }
}

using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeGen.Cli;

/// <summary>
/// The tool's standard output and error. <see cref="Console.Out"/> pretends that a write to a pipe whose reader has gone
/// (<c>knowledgegen export | head -c 100</c>) succeeded, so the tool would exit 0 with its output cut short. On Linux and
/// macOS, when a stream is a pipe or a socket, the tool writes to its file descriptor itself, so such a write fails with an
/// <see cref="IOException"/> that <see cref="Program"/> turns into <see cref="Program.BrokenPipe"/>. Anything else keeps
/// the console: a terminal (its encoding, and the tables that Spectre.Console draws on it), a file (see
/// <see cref="Open"/>), and Windows, whose console has the same habit and no file descriptors.
/// </summary>
public static class StandardStreams
{
    // EPIPE: the error of a write to a pipe with no reader, the same number on Linux and macOS; .NET puts it in HResult.
    private const int BrokenPipeErrno = 32;

    /// <summary>Standard output: a writer that fails when the reader has gone, or the console.</summary>
    public static TextWriter Output() => Open(1, Console.IsOutputRedirected, Console.Out);

    /// <summary>Standard error, chosen as <see cref="Output"/> is.</summary>
    public static TextWriter Error() => Open(2, Console.IsErrorRedirected, Console.Error);

    // Only a pipe or a socket, which cannot seek, gets a writer of its own. A file keeps the console, which writes at the
    // offset that standard output and error share when both go to it (`> log 2>&1`); a FileStream keeps an offset of its
    // own and would write over the other stream's lines. A descriptor that is closed keeps the console too, whose writes
    // then fail as they always did.
    private static TextWriter Open(int descriptor, bool redirected, TextWriter console)
    {
        if (!redirected || OperatingSystem.IsWindows())
            return console;
        FileStream stream;
        try
        {
            stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return console;
        }
        return stream.CanSeek ? console : Writer(stream);
    }

    /// <summary>
    /// A writer on <paramref name="handle"/> in the console's encoding (without a byte-order mark) that writes each call
    /// through, as the console does, so output and error keep their order when both go to one pipe. It is never disposed:
    /// it does not own the descriptor, and after a failed write disposing it would only fail again.
    /// </summary>
    public static StreamWriter Writer(SafeFileHandle handle) => Writer(new FileStream(handle, FileAccess.Write, bufferSize: 0));

    private static StreamWriter Writer(FileStream stream) =>
        new(stream, Encoding.UTF8.CodePage == Console.OutputEncoding.CodePage
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            : Console.OutputEncoding) { AutoFlush = true };

    /// <summary>The stream under <paramref name="output"/> when it is one of these writers, for output written as bytes (the export).</summary>
    public static Stream? ByteStream(TextWriter output) =>
        output is StreamWriter { BaseStream: FileStream { SafeFileHandle.IsInvalid: false } stream } ? stream : null;

    /// <summary>True when <paramref name="e"/> is a write to a pipe whose reader has gone.</summary>
    public static bool IsBrokenPipe(Exception e) => e is IOException && !OperatingSystem.IsWindows() && e.HResult == BrokenPipeErrno;
}

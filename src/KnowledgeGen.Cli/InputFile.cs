using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace KnowledgeGen.Cli;

/// <summary>
/// The files the tool reads by path (a pack's <c>*.kg.yaml</c>, the documents its quotes are checked against, a pack
/// assembly): only regular files, or links to them, and only up to <see cref="MaxBytes"/>. Opening a named pipe waits for
/// a writer that may never come, and a device such as <c>/dev/zero</c> never ends; either would hang the tool or exhaust its
/// memory. Such a path is refused with an <see cref="IOException"/> whose message names it, which the commands report as
/// they report a file that cannot be read.
/// </summary>
public static partial class InputFile
{
    /// <summary>
    /// The largest file read: 64 MiB, about fourteen times the 10,000-fact pack of the benchmarks (4.5 million characters),
    /// and little enough that a pack file and its text fit in memory many times over.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>What a path names, following links.</summary>
    public enum Kind
    {
        /// <summary>A regular file, or a link to one; also what every path is where the kind cannot be told (Windows).</summary>
        File,
        /// <summary>Nothing: the path, or the end of a link, does not exist.</summary>
        Missing,
        Folder,
        NamedPipe,
        Socket,
        CharacterDevice,
        BlockDevice,
    }

    /// <summary>The text of the file at <paramref name="path"/>, read as <see cref="File.ReadAllText(string)"/> reads it (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <exception cref="IOException">The path is not a regular file, or the file is larger than <see cref="MaxBytes"/>, or it cannot be read.</exception>
    public static string ReadText(string path) => ReadText(path, out _);

    /// <summary>
    /// The text of the file at <paramref name="path"/>, read as <see cref="File.ReadAllText(string)"/> (and the compiler) read
    /// it, and the <paramref name="encoding"/> it was decoded with: UTF-8 unless a byte-order mark says otherwise.
    /// </summary>
    /// <exception cref="IOException">The path is not a regular file, or the file is larger than <see cref="MaxBytes"/>, or it cannot be read.</exception>
    public static string ReadText(string path, out Encoding encoding)
    {
        using var reader = new StreamReader(ReadBytes(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        encoding = reader.CurrentEncoding;
        return text;
    }

    /// <summary>The bytes of the file at <paramref name="path"/>, at most <see cref="MaxBytes"/>, from the start of the stream returned.</summary>
    /// <exception cref="IOException">The path is not a regular file, or the file is larger than <see cref="MaxBytes"/>, or it cannot be read.</exception>
    public static MemoryStream ReadBytes(string path)
    {
        EnsureFile(path);
        MemoryStream bytes;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            if (file.Length > MaxBytes)
                throw TooLarge(path);
            bytes = new MemoryStream((int)file.Length);
            var buffer = new byte[81920];
            int read;
            // The limit is also counted as the bytes come: a file can grow while it is read, and some (those of /proc)
            // say they are empty and are not.
            while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > MaxBytes)
                    throw TooLarge(path);
                bytes.Write(buffer, 0, read);
            }
        }
        bytes.Position = 0;
        return bytes;
    }

    private static IOException TooLarge(string path) =>
        new($"'{path}' is larger than {MaxBytes / (1024 * 1024)} MiB, so it was not read.");

    /// <summary>Throws unless <paramref name="path"/> is a regular file or a link to one.</summary>
    /// <exception cref="IOException">It is anything else, with a message that names the path and what it is.</exception>
    public static void EnsureFile(string path)
    {
        var kind = KindOf(path);
        if (kind == Kind.File)
            return;
        if (kind == Kind.Missing && new FileInfo(path).LinkTarget is { } target)
            throw new FileNotFoundException($"'{path}' is a link to '{target}', which does not exist.", path);
        if (kind == Kind.Missing)
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        throw new IOException($"'{path}' is {Describe(kind)}, not a file, so it was not read.");
    }

    /// <summary>"a named pipe", "a folder": the kind as a message names it.</summary>
    public static string Describe(Kind kind) => kind switch
    {
        Kind.File => "a file",
        Kind.Missing => "nothing",
        Kind.Folder => "a folder",
        Kind.NamedPipe => "a named pipe",
        Kind.Socket => "a socket",
        Kind.CharacterDevice => "a character device",
        Kind.BlockDevice => "a block device",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What <paramref name="path"/> names, following links.</summary>
    public static Kind KindOf(string path)
    {
        if (Directory.Exists(path))
            return Kind.Folder;
        if (!File.Exists(path))
            return Kind.Missing;
        // .NET has no public call for the type of a file, and FileInfo takes a pipe or a device for an empty file. Windows
        // lists no pipes or devices among a folder's files; elsewhere stat(2) says, through the runtime's own native library.
        if (OperatingSystem.IsWindows())
            return Kind.File;
        FileStatus status;
        try
        {
            if (Stat(path, out status) != 0)
                return Kind.Missing; // gone since File.Exists, or a link to nothing
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Kind.File; // a runtime without the call: read the file as before, up to MaxBytes
        }
        return (status.Mode & TypeMask) switch
        {
            TypeFifo => Kind.NamedPipe,
            TypeSocket => Kind.Socket,
            TypeCharacterDevice => Kind.CharacterDevice,
            TypeBlockDevice => Kind.BlockDevice,
            TypeDirectory => Kind.Folder,
            _ => Kind.File,
        };
    }

    // The file type bits of st_mode, the same on Linux and macOS; libSystem.Native passes st_mode through unchanged.
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeSocket = 0xC000;

    // libSystem.Native ships with every .NET runtime on Linux and macOS and is what File and Directory call for stat(2);
    // unlike libc's stat, its FileStatus has one layout on every platform: Flags, then Mode, then fields read here by none.
    // The struct is given more room than the runtime's (about 130 bytes) so that a field added to it cannot overrun ours.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out FileStatus status);
}

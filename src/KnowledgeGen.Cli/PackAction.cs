using System;
using System.CommandLine;
using System.IO;
using KnowledgeGen.Cli.Loading;

namespace KnowledgeGen.Cli;

/// <summary>
/// Runs a command's work on the pack the command line names, and turns every failure into one line on
/// standard error and a non-zero exit code: a user sees a message, never a stack trace.
/// </summary>
public static class PackAction
{
    /// <summary>Exit code when the pack cannot be loaded, or reading it fails.</summary>
    public const int PackError = 2;

    /// <summary>Loads the pack named by <paramref name="packOption"/> and runs <paramref name="body"/> on it with the command's output.</summary>
    public static int Run(ParseResult result, Option<string?> packOption, Func<KnowledgePack, TextWriter, int> body)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var pack = PackLoader.Load(result.GetValue(packOption));
            return body(pack, output);
        }
        catch (PackLoadException e)
        {
            error.WriteLine("knowledgegen: " + e.Message);
            return PackError;
        }
        // An output that cannot be written is not the pack's fault: Program.Main ends the tool with its own exit code.
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
        {
            // A pack built against another version of the runtime model can fail while its lazy
            // references resolve; that is a broken pack, reported as such.
            error.WriteLine($"knowledgegen: reading the pack failed: {e.GetBaseException().Message}");
            return PackError;
        }
    }
}

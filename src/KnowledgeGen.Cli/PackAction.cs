using System;
using System.CommandLine;
using System.IO;
using System.Reflection;
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
        // An assembly the pack needs (the pack it is built on) that cannot be found or loaded fails as the pack's references
        // resolve, with an IOException that is not the output's: it is the pack that cannot be read.
        catch (Exception e) when (FailedAssemblyLoad(e) is ({ } failed, { } name))
        {
            var assembly = SimpleName(name);
            error.WriteLine(failed is FileNotFoundException
                ? $"knowledgegen: {Described(result.GetValue(packOption))} needs the assembly {assembly}, which could not be found: put " +
                  $"{assembly}.dll beside it (a class library's build output does not hold the packs it is built on; 'dotnet publish' gathers them)."
                : $"knowledgegen: {Described(result.GetValue(packOption))} needs the assembly {assembly}, which could not be loaded: " +
                  failed.GetBaseException().Message);
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

    // The failure to find or load an assembly that caused e, if one did, with the assembly's name (the exception's FileName).
    private static (IOException Failure, string Name)? FailedAssemblyLoad(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case FileNotFoundException { FileName: { } name } notFound:
                    return (notFound, name);
                case FileLoadException { FileName: { } name } notLoaded:
                    return (notLoaded, name);
            }
        }
        return null;
    }

    // "Starter" of "Starter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null".
    private static string SimpleName(string assemblyName)
    {
        try
        {
            return new AssemblyName(assemblyName).Name ?? assemblyName;
        }
        catch (Exception)
        {
            return assemblyName;
        }
    }

    private static string Described(string? path) => path is null ? $"The built-in pack {PackLoader.BuiltInAssemblyName}" : $"'{path}'";
}

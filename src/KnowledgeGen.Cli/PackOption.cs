using System.CommandLine;

namespace KnowledgeGen.Cli;

/// <summary>The <c>--pack</c> option every command takes: the pack assembly to read instead of the built-in pack.</summary>
public static class PackOption
{
    /// <summary>Creates the option; it is recursive, so it is given once on the root and applies to every command.</summary>
    public static Option<string?> Create() => new("--pack")
    {
        Description = "Path of a compiled fact pack assembly (.dll) to read instead of the built-in Panjshir2021 pack.",
        HelpName = "path",
        Recursive = true,
    };
}

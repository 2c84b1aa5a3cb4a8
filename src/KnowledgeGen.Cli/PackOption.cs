using System.CommandLine;

namespace KnowledgeGen.Cli;

/// <summary>The <c>--pack</c> option of every command that reads a compiled pack: the pack assembly to read instead of the built-in pack.</summary>
public static class PackOption
{
    /// <summary>
    /// Creates the option. One instance is given to the root and to each command that reads a pack, so that it counts
    /// wherever it is written (<c>knowledgegen --pack x.dll export</c> is <c>knowledgegen export --pack x.dll</c>), and a
    /// command that reads no pack (<c>validate</c>) neither lists nor accepts it.
    /// </summary>
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--pack")
        {
            Description = "Path of a compiled fact pack assembly (.dll) to read instead of the built-in Panjshir2021 pack.",
            HelpName = "path",
        };
        option.Validators.Add(EmptyValue.IsAUsageError("--pack needs the path of a pack assembly (.dll)"));
        return option;
    }
}

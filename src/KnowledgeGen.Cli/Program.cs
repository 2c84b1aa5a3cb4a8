using System.CommandLine;
using System.CommandLine.Help;
using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Cli.Export;

namespace KnowledgeGen.Cli;

/// <summary>The <c>knowledgegen</c> command line: wires the commands, each of which lives in its own file.</summary>
public static class Program
{
    /// <summary>The command's name, as help and messages show it.</summary>
    public const string CommandName = "knowledgegen";

    /// <summary>Runs the tool.</summary>
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();

    /// <summary>The root command: with no command it prints the briefing of the pack.</summary>
    /// <remarks>
    /// A <see cref="Command"/> rather than a <see cref="RootCommand"/>, whose name is always the assembly's
    /// (<c>KnowledgeGen.Cli</c>); it takes the help and version options a root command would have.
    /// </remarks>
    public static Command CreateRootCommand()
    {
        var pack = PackOption.Create();
        var plain = BriefingCommand.CreatePlainOption();
        var root = new Command(CommandName, "Reads a compiled KnowledgeGen fact pack. " + BriefingCommand.Description)
        {
            new HelpOption(),
            new VersionOption(),
            pack,
            plain,
            BriefingCommand.Create(pack),
            ExportCommand.Create(pack),
        };
        BriefingCommand.SetAction(root, pack, plain);
        return root;
    }
}

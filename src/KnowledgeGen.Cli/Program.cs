using System;
using System.CommandLine;
using System.CommandLine.Help;
using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Cli.Graph;
using KnowledgeGen.Cli.Queries;
using KnowledgeGen.Cli.Validate;

namespace KnowledgeGen.Cli;

/// <summary>The <c>knowledgegen</c> command line: wires the commands, each of which lives in its own file.</summary>
public static class Program
{
    /// <summary>The command's name, as help and messages show it.</summary>
    public const string CommandName = "knowledgegen";

    /// <summary>The exit code when the tool's output cannot be written (a full disk, a closed stream).</summary>
    public const int OutputError = 3;

    /// <summary>Runs the tool.</summary>
    public static int Main(string[] args) => Run(args, new InvocationConfiguration());

    /// <summary>Runs the tool with <paramref name="configuration"/>'s output and error; one that cannot be written ends it with <see cref="OutputError"/>.</summary>
    public static int Run(string[] args, InvocationConfiguration configuration)
    {
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return CreateRootCommand().Parse(args).Invoke(configuration);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            // Standard output or error could not be written (a closed stream fails as access denied), so there is
            // nowhere to say more: the exit code says it.
            return OutputError;
        }
    }

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
            WhoCommand.Create(pack),
            ContestedCommand.Create(pack),
            TimelineCommand.Create(pack),
            ExportCommand.Create(pack),
            GraphCommand.Create(pack),
            ValidateCommand.Create(),
        };
        BriefingCommand.SetAction(root, pack, plain);
        return root;
    }
}

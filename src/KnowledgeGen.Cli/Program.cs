using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Cli.Graph;
using KnowledgeGen.Cli.Queries;
using KnowledgeGen.Cli.Validate;
using KnowledgeGen.Generator.Reading;

namespace KnowledgeGen.Cli;

/// <summary>The <c>knowledgegen</c> command line: wires the commands, each of which lives in its own file.</summary>
public static class Program
{
    /// <summary>The command's name, as help and messages show it.</summary>
    public const string CommandName = "knowledgegen";

    /// <summary>The exit code when the command line is wrong (an unknown command or option, a missing or wrong value).</summary>
    public const int UsageError = 1;

    /// <summary>The exit code when the tool's output cannot be written (a full disk, a closed stream).</summary>
    public const int OutputError = 3;

    /// <summary>
    /// The exit code when standard output or error is a pipe whose reader has gone (<c>knowledgegen export | head -c 100</c>).
    /// </summary>
    /// <remarks>
    /// 141 is 128 + SIGPIPE (13), the status a shell reports for a Unix tool that the signal ends in the same place
    /// (<c>yes | head</c>): the output was cut short, so it is not 0, and a script under <c>set -o pipefail</c> that lets
    /// 141 pass for "the reader had enough" treats the tool as it treats any other. The .NET runtime ignores SIGPIPE, so
    /// the tool returns the code itself.
    /// </remarks>
    public const int BrokenPipe = 141;

    /// <summary>Runs the tool on the process's standard output and error.</summary>
    public static int Main(string[] args) =>
        Run(args, new InvocationConfiguration { Output = StandardStreams.Output(), Error = StandardStreams.Error() });

    /// <summary>
    /// Runs the tool with <paramref name="configuration"/>'s output and error, and flushes them; one that cannot be written
    /// ends it with <see cref="BrokenPipe"/> when its reader has gone, else <see cref="OutputError"/>.
    /// </summary>
    public static int Run(string[] args, InvocationConfiguration configuration)
    {
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            var parsed = CreateRootCommand().Parse(args);
            var exitCode = parsed.Errors.Count == 0 ? parsed.Invoke(configuration) : ReportUsageErrors(parsed, configuration.Error);
            configuration.Output.Flush();
            configuration.Error.Flush();
            return exitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Standard output or error could not be written (a closed stream fails as access denied), so there is
            // nowhere to say more: the exit code says it.
            return StandardStreams.IsBrokenPipe(e) ? BrokenPipe : OutputError;
        }
    }

    // A wrong command line gets its errors, the names it may have meant and where to find help, all on standard error:
    // System.CommandLine would print help and suggestions to standard output, where they would land in the file that
    // `export --format xml > pack.json` meant to write.
    private static int ReportUsageErrors(ParseResult parsed, TextWriter error)
    {
        foreach (var problem in parsed.Errors)
            error.WriteLine("knowledgegen: " + problem.Message);
        var command = parsed.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Concat(command.Parents.OfType<Command>().SelectMany(root => root.Options).Where(o => o.Recursive).Select(o => o.Name));
        foreach (var token in parsed.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            var nearest = Suggestions.Nearest(token, names);
            if (nearest.Count > 0)
                error.WriteLine($"For '{token}', did you mean {string.Join(" or ", nearest.Select(n => "'" + n + "'"))}?");
        }
        error.WriteLine($"See '{CommandPath(parsed.CommandResult)} --help'.");
        return UsageError;
    }

    // "knowledgegen export": the names of the commands from the root to the one parsed.
    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? CommandPath(parent) + " " + command.Command.Name : command.Command.Name;

    /// <summary>The root command: with no command it prints the briefing of the pack.</summary>
    /// <remarks>
    /// A <see cref="Command"/> rather than a <see cref="RootCommand"/>, whose name is always the assembly's
    /// (<c>KnowledgeGen.Cli</c>); it takes the help and version options a root command would have.
    /// </remarks>
    public static Command CreateRootCommand()
    {
        var pack = PackOption.Create();
        var plain = PlainOption.Create();
        var root = new Command(CommandName, "Reads a compiled KnowledgeGen fact pack. " + BriefingCommand.Description)
        {
            new HelpOption(),
            new VersionOption(),
            pack,
            plain,
            BriefingCommand.Create(pack, plain),
            WhoCommand.Create(pack, plain),
            ContestedCommand.Create(pack, plain),
            TimelineCommand.Create(pack, plain),
            ExportCommand.Create(pack),
            GraphCommand.Create(pack),
            ValidateCommand.Create(),
        };
        BriefingCommand.SetAction(root, pack, plain);
        foreach (var command in root.Subcommands)
            command.Validators.Add(TakesTheRootsOptions);
        return root;
    }

    // An option written before the command (`knowledgegen --plain export`) is the root's; it counts only for a command
    // that takes the same option, and is an error for any other, rather than being silently ignored.
    private static void TakesTheRootsOptions(CommandResult command)
    {
        if (command.Parent is not CommandResult root)
            return;
        foreach (var option in root.Children.OfType<OptionResult>())
            if (!option.Implicit && !command.Command.Options.Contains(option.Option))
                command.AddError($"{option.Option.Name} does not apply to '{command.Command.Name}'.");
    }
}

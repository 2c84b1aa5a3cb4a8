using System.CommandLine;
using System.IO;

namespace KnowledgeGen.Cli.Briefing;

/// <summary>
/// <c>knowledgegen [briefing]</c>: counts, claims per claimant, contested claims and a timeline.
/// Tables in a terminal, plain text when the output is redirected or <c>--plain</c> is given.
/// </summary>
public static class BriefingCommand
{
    /// <summary>Description shared by the root command and the <c>briefing</c> command.</summary>
    public const string Description =
        "Print a briefing of the pack: counts, claims per claimant, contested claims with both sides, and a timeline of dated claims.";

    /// <summary>The <c>briefing</c> command, which does what the tool does with no command.</summary>
    public static Command Create(Option<string?> pack, Option<bool> plain)
    {
        var command = new Command("briefing", Description) { pack, plain };
        SetAction(command, pack, plain);
        return command;
    }

    /// <summary>Makes <paramref name="command"/> print the briefing.</summary>
    public static void SetAction(Command command, Option<string?> pack, Option<bool> plain) =>
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            Render(BriefingReport.Build(knowledge), output, PlainOption.IsPlain(result, plain, output));
            return 0;
        }));

    /// <summary>Writes the briefing as plain text, or as tables for a terminal.</summary>
    public static void Render(BriefingReport report, TextWriter output, bool plain)
    {
        if (plain)
        {
            BriefingText.Render(report, output);
            return;
        }
        BriefingTables.Render(report, Queries.TextOrTable.Terminal(output));
    }

    /// <summary>Writes what the pack is, as the briefing begins (its heading and its counts), as plain text or as tables for a terminal.</summary>
    public static void RenderPack(BriefingReport report, TextWriter output, bool plain)
    {
        if (plain)
        {
            BriefingText.RenderPack(report, output);
            return;
        }
        BriefingTables.RenderPack(report, Queries.TextOrTable.Terminal(output));
    }
}

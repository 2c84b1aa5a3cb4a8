using System.CommandLine;
using System.IO;
using System.Linq;

namespace KnowledgeGen.Cli.Queries;

/// <summary><c>knowledgegen timeline</c>: the dated claims in time order, each with the precision of its date.</summary>
public static class TimelineCommand
{
    /// <summary>Creates the <c>timeline</c> command.</summary>
    public static Command Create(Option<string?> pack, Option<bool> plain)
    {
        var command = new Command("timeline",
            "Print the dated claims in time order with the precision of each date. A month or a year sorts at its first day, after the claims dated that exact day; an approximate date after the exact one.")
        { pack, plain };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            if (PlainOption.IsPlain(result, plain, output))
                WriteText(knowledge, output);
            else
                WriteTable(knowledge, TextOrTable.Terminal(output));
            return 0;
        }));
        return command;
    }

    /// <summary>Writes the timeline as a table for a terminal, with the columns of the plain text (the id last, for <c>who</c>).</summary>
    public static void WriteTable(KnowledgePack pack, Spectre.Console.IAnsiConsole console) =>
        console.Write(TextOrTable.Table(Title(pack), new[] { "Date", "Precision", "Claimant", "Statement", "Status", "Id" },
            pack.Indexes.Timeline.Select(c => new[]
            {
                c.Date!.Value.ToString(), YamlNames.Of(c.Date!.Value.Precision), c.Claimant.Name, c.Statement, YamlNames.Of(c.Status), c.Id,
            })));

    /// <summary>Writes the timeline as plain text.</summary>
    public static void WriteText(KnowledgePack pack, TextWriter output)
    {
        output = DisplayText.Writer(output);
        var timeline = pack.Indexes.Timeline;
        output.WriteLine(Title(pack));
        if (timeline.Count == 0)
            return;
        var width = timeline.Max(c => c.Date!.Value.ToString().Length);
        var precisionWidth = timeline.Max(c => YamlNames.Of(c.Date!.Value.Precision).Length);
        foreach (var claim in timeline)
        {
            var date = claim.Date!.Value;
            output.WriteLine($"  {date.ToString().PadRight(width)}  {YamlNames.Of(date.Precision).PadRight(precisionWidth)}  {claim.Claimant.Name}: {claim.Statement} [{YamlNames.Of(claim.Status)}] ({claim.Id})");
        }
    }

    private static string Title(KnowledgePack pack)
    {
        var undated = pack.Claims.Count - pack.Indexes.Timeline.Count;
        return $"Timeline of {pack.Title}: {TextOrTable.Plural(pack.Indexes.Timeline.Count, "dated claim")}" +
            (undated == 0 ? "" : $" ({TextOrTable.Plural(undated, "claim")} without a date)");
    }
}

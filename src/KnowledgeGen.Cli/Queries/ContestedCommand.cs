using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace KnowledgeGen.Cli.Queries;

/// <summary><c>knowledgegen contested</c>: every contradiction, with both sides, their claimants and sources.</summary>
public static class ContestedCommand
{
    /// <summary>Creates the <c>contested</c> command.</summary>
    public static Command Create(Option<string?> pack, Option<bool> plain)
    {
        var command = new Command("contested", "Print every contradiction in the pack with both sides: statement, claimant, date, status, sources and corroboration.") { pack, plain };
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

    /// <summary>Writes the contradictions as a table for a terminal: both sides of each, with the fields of the plain text.</summary>
    public static void WriteTable(KnowledgePack pack, Spectre.Console.IAnsiConsole console)
    {
        var number = 0;
        console.Write(TextOrTable.Table(Title(pack), new[] { "#", "Side", "Claim", "Claimant", "Date", "Status", "Sources", "Corroboration" },
            pack.Indexes.Contradictions.SelectMany(pair =>
            {
                number++;
                return new[] { Row(pack, number.ToString(CultureInfo.InvariantCulture), "A", pair.First), Row(pack, "", "B", pair.Second) };
            })));
    }

    private static string[] Row(KnowledgePack pack, string number, string side, Claim claim) => new[]
    {
        number, side, claim.Statement, claim.Claimant.Name, claim.Date?.ToString() ?? "undated", YamlNames.Of(claim.Status),
        string.Join(", ", TextOrTable.CitationSources(pack, claim)), TextOrTable.CorroborationOf(pack, claim),
    };

    /// <summary>Writes the contradictions as plain text.</summary>
    public static void WriteText(KnowledgePack pack, TextWriter output)
    {
        output = DisplayText.Writer(output);
        var pairs = pack.Indexes.Contradictions;
        output.WriteLine(Title(pack));
        var width = pairs.Count.ToString(CultureInfo.InvariantCulture).Length;
        var indent = new string(' ', 2 + width + 2);
        var number = 0;
        foreach (var pair in pairs)
        {
            number++;
            output.WriteLine();
            output.WriteLine($"  {number.ToString(CultureInfo.InvariantCulture).PadLeft(width)}. {pair.First.Id} contradicts {pair.Second.Id}");
            WriteSide(pack, indent, "A", pair.First, output);
            WriteSide(pack, indent, "B", pair.Second, output);
        }
    }

    private static void WriteSide(KnowledgePack pack, string indent, string label, Claim claim, TextWriter output)
    {
        output.WriteLine($"{indent}{label}. {claim.Statement}");
        output.WriteLine($"{indent}   claimant: {claim.Claimant.Name}; date: {claim.Date?.ToString() ?? "undated"}; status: {YamlNames.Of(claim.Status)}");
        output.WriteLine($"{indent}   sources: {string.Join(", ", TextOrTable.CitationSources(pack, claim))}");
        output.WriteLine($"{indent}   corroboration: {TextOrTable.CorroborationOf(pack, claim)}");
    }

    private static string Title(KnowledgePack pack) =>
        $"Contested claims in {pack.Title}: {TextOrTable.Plural(pack.Indexes.Contradictions.Count, "contradiction")}";
}

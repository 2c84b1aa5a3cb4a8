using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace KnowledgeGen.Cli.Queries;

/// <summary>What the query commands share to write tables in a terminal (<see cref="PlainOption.IsPlain"/> says when) and their plain text.</summary>
public static class TextOrTable
{
    /// <summary>A console that writes to <paramref name="output"/>, as wide as the terminal (<see cref="PlainOption.TerminalWidth()"/>).</summary>
    public static IAnsiConsole Terminal(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = PlainOption.TerminalWidth();
        return console;
    }

    /// <summary>A table with the given headings, rows of escaped text.</summary>
    public static Table Table(string title, string[] headings, IEnumerable<string[]> rows)
    {
        var table = new Table { Title = new TableTitle(Shown(title)) };
        foreach (var heading in headings)
            table.AddColumn(Shown(heading));
        foreach (var row in rows)
            table.AddRow(Array.ConvertAll(row, Shown));
        return table;
    }

    // A pack's text in a cell: shown as DisplayText shows it, and taken as text, not as Spectre markup.
    private static string Shown(string text) => Markup.Escape(DisplayText.Of(text));

    /// <summary>"1 claim", "2 claims".</summary>
    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>
    /// A claim's corroboration as <see cref="KnowledgeGen.Corroboration.ToString"/> reads it (<c>3 reports, 1 independent origin
    /// (dashti-audio-message)</c>), but with each origin named by the text that finds it with <c>who</c>, as the sources are.
    /// </summary>
    public static string CorroborationOf(KnowledgePack pack, Claim claim) =>
        pack.Indexes.Corroboration(claim).ToString(origin => WhoCommand.KeyOf(pack, origin));

    /// <summary>
    /// The sources a claim's citations name: the document, with its channel as "doc via channel", each named by the text
    /// that finds it with <c>who</c> (<see cref="WhoCommand.KeyOf"/>).
    /// </summary>
    public static IEnumerable<string> CitationSources(KnowledgePack pack, Claim claim) =>
        claim.Citations.Select(c => c.Via is null ? WhoCommand.KeyOf(pack, c.Source) : $"{WhoCommand.KeyOf(pack, c.Source)} via {WhoCommand.KeyOf(pack, c.Via)}").Distinct();
}

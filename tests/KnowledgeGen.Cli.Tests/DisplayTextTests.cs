using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Cli.Loading;
using KnowledgeGen.Cli.Queries;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// A pack's text reaches the terminal without the characters that would drive it or reorder what it shows: a pack built
/// despite KG0024's warning cannot clear the screen, colour the output or write over a line of whoever reads it.
/// </summary>
public class DisplayTextTests
{
    // An escape that clears the screen in a name, one that colours text in the title and a statement, a carriage return
    // that would write "denied" over "confirmed", and a right-to-left override.
    private static readonly Lazy<string> Hostile = new(() => FixturePacks.EmitToFile("Hostile", new[]
    {
        ("/fixtures/hostile/pack.kg.yaml", """
            pack: { name: Hostile, namespace: Hostile.Facts, title: "Hostile\e[31m pack", description: "made\e]0;title\a here", version: 1.0.0 }
            sources:
              - { id: log, name: "The\u202E log", kind: other }
            actors:
              - { id: crier, name: "Town\e[2J crier", kind: person }
            claims:
              - id: said
                statement: "The bridge was confirmed\rThe bridge was denied"
                claimant: crier
                date: 2021-09-01
                contradicts: [other]
                citations: [ { source: log, quote: said } ]
              - { id: other, statement: "Nothing\e[0m happened.", claimant: crier, date: 2021-09-02, citations: [ { source: log, quote: said } ] }
            """),
    }));

    private static readonly char[] Hidden = { '\u001B', '\r', '\u0007', '\u202E' };

    private static void AssertShown(string text)
    {
        Assert.True(text.IndexOfAny(Hidden) < 0, "a hidden character reached the output: " + text.Replace("\u001B", "<ESC>"));
        Assert.Contains("\\u001B", text);
    }

    [Theory]
    [InlineData("briefing")]
    [InlineData("who", "crier")]
    [InlineData("who", "said")]
    [InlineData("timeline")]
    [InlineData("contested")]
    [InlineData("graph")]
    [InlineData("graph", "--format", "mermaid")]
    public void Plain_text_shows_control_and_override_characters_as_escapes(params string[] command)
    {
        var result = CliRunner.Run(command.Concat(new[] { "--pack", Hostile.Value }).ToArray());
        Assert.Equal(0, result.ExitCode);
        AssertShown(result.Output);
    }

    [Fact]
    public void The_carriage_return_cannot_write_one_statement_over_another()
    {
        var result = CliRunner.Run("who", "said", "--pack", Hostile.Value);
        Assert.Contains("The bridge was confirmed\\u000DThe bridge was denied", result.Output);
    }

    [Fact]
    public void Tables_show_them_as_escapes_too()
    {
        var pack = PackLoader.Load(Hostile.Value);
        var crier = pack.Find("crier")!;
        foreach (var write in new Action<Spectre.Console.IAnsiConsole>[]
                 {
                     console => BriefingTables.Render(BriefingReport.Build(pack), console),
                     console => WhoCommand.WriteTables(pack, crier, console),
                     console => TimelineCommand.WriteTable(pack, console),
                     console => ContestedCommand.WriteTable(pack, console),
                 })
            AssertShown(TableConsole.Render(160, write));
    }

    [Fact]
    public void A_name_the_card_does_not_show_is_shown_as_escapes_in_messages()
    {
        var result = CliRunner.Run("who", "Town", "--pack", Hostile.Value);
        Assert.Equal(WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("Nearest names: ", result.Error);
        AssertShown(result.Error);
    }

    [Fact]
    public void Exported_JSON_escapes_them_and_reads_back_the_same_text()
    {
        var result = CliRunner.Run("export", "--format", "json", "--pack", Hostile.Value);
        Assert.Equal(0, result.ExitCode);
        AssertShown(result.Output);
        Assert.Contains("\"The\\u202E log\"", result.Output);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal("The\u202E log", json.RootElement.GetProperty("sources")[0].GetProperty("name").GetString());
        Assert.Equal("Town\e[2J crier", json.RootElement.GetProperty("actors")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("plain text, a right-to-left mark \u200F and a joiner \u200C stay", "plain text, a right-to-left mark \u200F and a joiner \u200C stay")]
    [InlineData("lines\nand\ttabs stay", "lines\nand\ttabs stay")]
    [InlineData("\u001B[2J\r\b\u007F\u009B\u202A\u202E\u2066\u2069", "\\u001B[2J\\u000D\\u0008\\u007F\\u009B\\u202A\\u202E\\u2066\\u2069")]
    public void Only_characters_that_drive_the_terminal_or_reorder_text_are_escaped(string text, string shown) =>
        Assert.Equal(shown, DisplayText.Of(text));

    [Fact]
    public void Text_without_them_is_not_copied()
    {
        var text = "The Panjshir Valley";
        Assert.Same(text, DisplayText.Of(text));
    }
}

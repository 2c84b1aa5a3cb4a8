using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>Every command's plain-text output on the built-in Panjshir pack, as snapshots.</summary>
public class PanjshirCommandTests
{
    [Theory]
    [InlineData("Panjshir.briefing", "txt", "briefing")]
    [InlineData("Panjshir.who-punjir", "txt", "who", "Punjir")]
    [InlineData("Panjshir.who-dashti", "txt", "who", "fahim dashti")]
    [InlineData("Panjshir.who-audio-message", "txt", "who", "dashti-audio-message")]
    [InlineData("Panjshir.who-claim", "txt", "who", "fighting-began-tuesday-at-checkpoints")]
    [InlineData("Panjshir.contested", "txt", "contested")]
    [InlineData("Panjshir.timeline", "txt", "timeline")]
    [InlineData("Panjshir.graph-contested", "mmd", "graph", "--contested")]
    [InlineData("Panjshir.graph", "dot", "graph", "--format", "dot")]
    [InlineData("Panjshir.export", "json", "export")]
    [InlineData("Panjshir.export", "jsonld", "export", "--format", "jsonld")]
    public void Command_output_on_the_Panjshir_pack(string snapshot, string extension, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Output, snapshot, extension);
    }

    [Fact]
    public void Who_finds_an_alias_ignoring_case()
    {
        var result = CliRunner.Run("who", "punjir");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Panjshir Valley (panjshir-valley)", result.Output);
    }

    [Fact]
    public void Who_without_a_match_names_the_nearest_and_fails()
    {
        var result = CliRunner.Run("who", "Fahim Dasti");
        Assert.Equal(WhoCommandExitCode, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("nothing in Panjshir2021 is known as 'Fahim Dasti'", result.Error);
        Assert.Contains("Nearest names: Fahim Dashti", result.Error);
    }

    [Fact]
    public void Timeline_shows_each_precision()
    {
        var output = CliRunner.Run("timeline").Output;
        foreach (var precision in new[] { " day ", " month ", " year ", " approximate " })
            Assert.Contains(precision, output);
        // A month sorts at its first day: 2021-08 comes before 2021-08-15.
        Assert.True(output.IndexOf("2021-08      month", StringComparison.Ordinal) < output.IndexOf("2021-08-15", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Punjir")]
    [InlineData("fahim-dashti")]
    [InlineData("dashti-audio-message")]
    [InlineData("fighting-began-tuesday-at-checkpoints")]
    public void Who_renders_tables_for_a_terminal(string name)
    {
        var pack = global::Panjshir2021.Pack.Instance;
        var output = TableConsole.Render(160, console => Queries.WhoCommand.WriteTables(pack, pack.Find(name)!, console));
        var plain = new StringWriter();
        Queries.WhoCommand.WriteText(pack, pack.Find(name)!, plain);
        Assert.StartsWith(plain.ToString().Split('\n')[0], output);
        Assert.Contains(pack.Find(name)!.EntityKind switch
        {
            EntityKind.Claim => "Contradicts",
            EntityKind.Source => "Claims citing",
            _ => "Mentioned in",
        }, output);
    }

    private const int WhoCommandExitCode = Queries.WhoCommand.NotFound;
}

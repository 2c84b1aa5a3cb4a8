using Xunit;

namespace KnowledgeGen.Cli.Tests;

// `who` over a pack built on another: finding the other pack's entities by id, by the key the JSON export gives them, by
// <pack>:<text> and by the JSON-LD @id of their nodes, and what it says when a text finds nothing.
public partial class CrossPackTests
{
    [Fact]
    public void Who_finds_a_referenced_packs_entity_and_names_its_pack()
    {
        var dashti = CliRunner.Run("--pack", Harbour, "who", "fahim-dashti", "--plain");
        Assert.Equal((0, ""), (dashti.ExitCode, dashti.Error));
        Assert.StartsWith("Fahim Dashti (fahim-dashti)\n  kind: actor (person)\n  pack: Starter, which Harbour refers to\n  aliases: Dashti\n", dashti.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Claims by Fahim Dashti (1)\n  dashti-at-the-harbour", dashti.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Claims about Fahim Dashti (1)\n  master-denies", dashti.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Mentioned in (3)\n  harbour-log: The harbour log (other)\n  report-001: ", dashti.Output.ReplaceLineEndings("\n"));

        var report = CliRunner.Run("--pack", Harbour, "who", "report-001", "--plain");
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("  pack: Starter, which Harbour refers to\n", report.Output.ReplaceLineEndings("\n"));
        Assert.Contains("(1)\n  dashti-at-the-harbour", report.Output.ReplaceLineEndings("\n"));

        // The pack's own entity wins over a referenced one with the same id; a name only the referenced one has finds it.
        Assert.StartsWith("Daily Trust, harbour edition (daily-trust)\n  kind: actor (media)\n", CliRunner.Run("--pack", Harbour, "who", "daily-trust", "--plain").Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("Daily Trust (Starter:daily-trust)\n  kind: actor (media)\n  pack: Starter,", CliRunner.Run("--pack", Harbour, "who", "Daily Trust", "--plain").Output.ReplaceLineEndings("\n"));
    }

    // docs/cli.md, who: every entity of the JSON export is found by the name the export gives it in a reference, its id or,
    // for the starter's daily-trust, whose id Harbour also uses, Starter:daily-trust, and its card is headed so; the plain id still
    // finds Harbour's own.
    [Fact]
    public void Who_finds_every_entity_by_the_key_the_json_export_refers_to_it_by()
    {
        var root = Export("json");
        var group = Assert.Single(root.GetProperty("referencedPacks").EnumerateArray());
        var entities = Entities(root, null).Concat(Entities(group, "Starter")).ToList();
        var idCounts = entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());
        var references = entities.SelectMany(e => References(e.Kind, e.Element)).ToHashSet();
        Assert.Contains("Starter:daily-trust", references);
        foreach (var entity in entities)
        {
            var key = entity.Pack is null || idCounts[entity.Id] == 1 ? entity.Id : entity.Pack + ":" + entity.Id;
            var result = CliRunner.Run("--pack", Harbour, "who", key, "--plain");
            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
            Assert.Equal($"{entity.Element.GetProperty("name").GetString()} ({key})", lines[0]);
            Assert.Equal(entity.Pack is null ? "" : "  pack: Starter, which Harbour refers to", lines.FirstOrDefault(l => l.StartsWith("  pack: ", StringComparison.Ordinal)) ?? "");
        }
    }

    // docs/cli.md, who: every entity node of the JSON-LD export, Harbour's own and the starter's (daily-trust of both among
    // them), is found by its @id, copied as the export writes it: its card is the one <pack>:<id> shows.
    [Fact]
    public void Who_finds_every_entity_by_its_json_ld_id()
    {
        var nodes = Export("jsonld").GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").GetString() != "Dataset").ToList();
        var ids = nodes.Select(n => n.GetProperty("@id").GetString()!).ToList();
        Assert.Contains("urn:knowledgegen:Harbour:daily-trust", ids);
        Assert.Contains("urn:knowledgegen:Starter:daily-trust", ids);
        foreach (var node in nodes)
        {
            var id = node.GetProperty("@id").GetString()!;
            var owner = id.Split(':')[2];
            Assert.Equal($"urn:knowledgegen:{owner}:{node.GetProperty("identifier").GetString()}", id);
            var result = CliRunner.Run("--pack", Harbour, "who", id, "--plain");
            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            Assert.Equal(Card(Harbour, owner + ":" + node.GetProperty("identifier").GetString()), result.Output.ReplaceLineEndings("\n"));
        }
    }

    // An @id is compared as any text is, but for the exact one first: ignoring case and what surrounds it.
    [Theory]
    [InlineData(" urn:knowledgegen:Starter:daily-trust\u200F", "Daily Trust (Starter:daily-trust)")]
    [InlineData("URN:KnowledgeGen:starter:DAILY-TRUST", "Daily Trust (Starter:daily-trust)")]
    [InlineData("urn:knowledgegen:harbour:daily-trust", "Daily Trust, harbour edition (daily-trust)")]
    public void Who_finds_a_json_ld_id_as_it_finds_any_text(string text, string heading)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith(heading + "\n", result.Output.ReplaceLineEndings("\n"));
    }

    // The @id of the pack's own Dataset node shows what the pack is, as its briefing begins: its heading and its counts.
    [Fact]
    public void Who_shows_the_pack_for_the_json_ld_id_of_its_own_dataset()
    {
        var result = CliRunner.Run("--pack", Harbour, "who", "urn:knowledgegen:Harbour", "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var briefing = CliRunner.Run("--pack", Harbour, "briefing", "--plain").Output.ReplaceLineEndings("\n");
        Assert.Equal(briefing[..briefing.IndexOf("\nClaims per claimant", StringComparison.Ordinal)], result.Output.ReplaceLineEndings("\n"));
    }

    // An @id that names no node of the export but the pack's own Dataset (none at all, the Dataset of the pack it refers to,
    // a citation past the claim's last, a starter entity Harbour does not refer to, another pack's) is a name nothing is
    // known by.
    [Theory]
    [InlineData("urn:knowledgegen:Harbour:no-such-entity")]
    [InlineData("urn:knowledgegen:Starter")]
    [InlineData("urn:knowledgegen:Harbour:master-denies:citation-2")]
    [InlineData("urn:knowledgegen:Starter:nrf-source")]
    [InlineData("urn:knowledgegen:Elsewhere:daily-trust")]
    [InlineData("urn:knowledgegen:Elsewhere:")]
    [InlineData("urn:")]
    [InlineData("_:daily-trust")]
    public void Who_finds_nothing_for_a_json_ld_id_of_no_entity(string text)
    {
        var result = WhoFindsNothing(text);
        Assert.DoesNotContain("   at ", result.Error);
    }

    // Only the start of an @id (a prefix with nothing after it, or only ':' or the name of the pack or of one it refers to
    // and ':') names no node, and any @id would be as near to it as the next: standard error says that the id after it is
    // missing, and gives a whole @id of the export, of the pack named when one is; the exit code is that of a name nothing
    // is known by.
    [Theory]
    [InlineData("urn:knowledgegen:", "urn:knowledgegen:", "urn:knowledgegen:Harbour:harbour-log")]
    [InlineData("urn:knowledgegen::", "urn:knowledgegen::", "urn:knowledgegen:Harbour:harbour-log")]
    [InlineData("_:", "_:", "urn:knowledgegen:Harbour:harbour-log")]
    [InlineData("urn:knowledgegen:Harbour:", "urn:knowledgegen:Harbour:", "urn:knowledgegen:Harbour:harbour-log")]
    [InlineData(" URN:KnowledgeGen:starter:\u200F", "URN:KnowledgeGen:starter:", "urn:knowledgegen:Starter:report-001")]
    public void Who_says_the_id_is_missing_after_the_start_of_a_json_ld_id(string text, string shown, string example)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.Equal($"knowledgegen: the id is missing after '{shown}'; give a whole JSON-LD @id, such as '{example}'.",
            result.Error.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal(0, CliRunner.Run("--pack", Harbour, "who", example, "--plain").ExitCode);
    }

    // The @id of a citation of Harbour's own claim shows that claim's card, and says which citation it is.
    [Fact]
    public void Who_shows_a_claims_card_for_the_json_ld_id_of_its_citation()
    {
        var result = CliRunner.Run("--pack", Harbour, "who", "urn:knowledgegen:Harbour:dashti-at-the-harbour:citation-1", "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Card(Harbour, "dashti-at-the-harbour"), result.Output.ReplaceLineEndings("\n"));
        Assert.Equal("knowledgegen: 'urn:knowledgegen:Harbour:dashti-at-the-harbour:citation-1' is the JSON-LD @id of citation 1 " +
            "(cited in report-001 via dashti-audio-message) of the claim dashti-at-the-harbour, whose card is shown.", result.Error.TrimEnd());
    }

    // A mistyped @id is offered the @ids nearest to it, as a mistyped name is offered names; so is one written as a blank node
    // (_:), the other form of @id the export writes, and one without its pack's name.
    [Theory]
    [InlineData("urn:knowledgegen:Harbour:harbour-mastr", "urn:knowledgegen:Harbour:harbour-master")]
    [InlineData("urn:knowledgegen:Starter:fahim-dasht", "urn:knowledgegen:Starter:fahim-dashti")]
    [InlineData("urn:knowledgegen:Harbour:fahim-dashti", "urn:knowledgegen:Starter:fahim-dashti")]
    [InlineData("_:harbour-mastr", "urn:knowledgegen:Harbour:harbour-master")]
    [InlineData("_:daily-trust", "urn:knowledgegen:Harbour:daily-trust")]
    [InlineData("urn:knowledgegen:harbour-master", "urn:knowledgegen:Harbour:harbour-master")]
    public void Who_suggests_the_nearest_json_ld_ids_for_a_mistyped_one(string text, string nearest)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("\nNearest names: " + nearest, result.Error.ReplaceLineEndings("\n"));
    }

    // <pack>:<text> looks in that pack only, by id, name or alias, ignoring case as a plain text does; the pack's own name
    // finds its own entity. A starter entity that Harbour does not refer to, or a pack it does not know, finds nothing.
    [Theory]
    [InlineData("Starter:daily-trust", "Daily Trust (Starter:daily-trust)", "Starter")]
    [InlineData(" starter : DAILY-TRUST ", "Daily Trust (Starter:daily-trust)", "Starter")]
    [InlineData("Starter:Daily Trust", "Daily Trust (Starter:daily-trust)", "Starter")]
    [InlineData("Starter:Dashti", "Fahim Dashti (fahim-dashti)", "Starter")]
    [InlineData("Harbour:daily-trust", "Daily Trust, harbour edition (daily-trust)", null)]
    [InlineData("daily-trust", "Daily Trust, harbour edition (daily-trust)", null)]
    public void Who_takes_a_pack_name_before_an_id_name_or_alias(string text, string heading, string? pack)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.StartsWith(heading + "\n", output);
        Assert.Equal(pack is not null, output.Contains($"  pack: {pack}, which Harbour refers to\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Starter:nrf-source")]
    [InlineData("Elsewhere:daily-trust")]
    [InlineData("Starter:")]
    [InlineData(":daily-trust")]
    public void Who_finds_nothing_for_a_pack_name_with_no_such_entity(string text) => WhoFindsNothing(text);

    // `who <text>` on Harbour: the exit code of a name nothing is known by, nothing on standard output, and standard error
    // saying so first.
    private static CliResult WhoFindsNothing(string text)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.StartsWith($"knowledgegen: nothing in Harbour is known as '{text}'.\n", result.Error.ReplaceLineEndings("\n"));
        return result;
    }

    [Fact]
    public void Who_suggests_a_shared_id_of_another_pack_as_the_export_names_it()
    {
        var result = CliRunner.Run("--pack", Harbour, "who", "Starter:daily-trus", "--plain");
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("Nearest names: Starter:daily-trust", result.Error);
    }
}

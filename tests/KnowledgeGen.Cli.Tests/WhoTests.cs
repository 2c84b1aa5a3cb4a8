using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary><c>who</c> with names that are not plainly one entity's: shared by two, invisible characters, too long to read.</summary>
public class WhoTests
{
    // 'Twin' is the name of one actor and an alias of another (KG0019 warns of it; a pack may accept it).
    private static readonly Lazy<string> Twins = new(() => FixturePacks.EmitToFile("Twins", new[]
    {
        ("/fixtures/twins/pack.kg.yaml", """
            pack: { name: Twins, namespace: Twins.Facts, title: Twins, version: 1.0.0 }
            sources:
              - { id: log, name: The log, kind: other }
            actors:
              - { id: twin-a, name: Twin, kind: person }
              - { id: twin-b, name: The other twin, aliases: [Twin], kind: person }
            claims:
              - { id: said, statement: Something was said., aliases: [The saying], claimant: twin-b, citations: [ { source: log, quote: said } ] }
            """),
    }));

    [Fact]
    public void A_name_two_entities_bear_shows_one_card_and_names_the_other()
    {
        var result = CliRunner.Run("who", "twin", "--pack", Twins.Value);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Twin (twin-a)", result.Output);
        Assert.Equal("knowledgegen: 'twin' also names twin-b (The other twin); give an id to see its card, as in 'knowledgegen who twin-b'.",
            result.Error.TrimEnd());
    }

    [Fact]
    public void An_id_names_one_entity_and_gets_no_note()
    {
        var result = CliRunner.Run("who", "twin-b", "--pack", Twins.Value);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("The other twin (twin-b)", result.Output);
        Assert.Equal("", result.Error);
    }

    // A mistyped claim id is offered the claims' ids nearest to it, ranked with the other entities' names, aliases and ids;
    // each suggestion typed back into who finds that claim. So is a mistyped @id of a claim's node.
    [Theory]
    [InlineData("valley-north-of-kabul-00", "valley-north-of-kabul-000, valley-north-of-kabul-003")]
    [InlineData("taliban-lost-40-fightrs", "taliban-lost-40-fighters, Taliban")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fightrs",
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban-supporters, urn:knowledgegen:Panjshir2021:taliban")]
    public void A_mistyped_claim_id_is_offered_the_nearest_claims(string text, string nearest)
    {
        var result = CliRunner.Run("who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.Equal($"knowledgegen: nothing in Panjshir2021 is known as '{text}'.\nNearest names: {nearest}",
            result.Error.ReplaceLineEndings("\n").TrimEnd());
        var pack = global::Panjshir2021.Pack.Instance;
        var first = nearest.Split(", ")[0];
        Assert.IsType<Claim>(Queries.WhoCommand.Find(pack, first));
    }

    // A mistyped @id of a citation or a quantity, whose claim's @id is right, is offered the @ids of the nodes that claim's node
    // holds nearest to it first (all of them when none is near: a quantity asked of a claim without one is offered its
    // citation), then the claim's @id; the first typed back into who shows that claim, as the @id of one of its nodes.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000:citaton-1", "valley-north-of-kabul-000",
        "urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000:citation-1, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-003")]
    [InlineData("urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000:quantty", "valley-north-of-kabul-000",
        "urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000:citation-1, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-003")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:quantty", "taliban-lost-40-fighters",
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:quantity, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban")]
    [InlineData("URN:KnowledgeGen:panjshir2021:taliban-lost-40-fighters:citaton-2", "taliban-lost-40-fighters",
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-2, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-1, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-3, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban")]
    public void A_mistyped_json_ld_id_of_a_citation_or_a_quantity_is_offered_its_claims_nearest(string text, string claim, string nearest) =>
        AssertOfferedFirst(text, claim, nearest);

    // A citation's or a quantity's @id whose claim's @id is mistyped is offered first the @id of the node by that name of the
    // claim nearest to it, which typed back into who shows that claim, then the @ids offered for the claim's @id alone; a
    // node that nearest claim does not hold (a citation past its last) is not offered, nor is any claim's node for a node's
    // name after the pack's name alone, where no claim's @id was written.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fightrs:citation-1", "taliban-lost-40-fighters",
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-1, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban")]
    [InlineData(" URN:KnowledgeGen:panjshir2021:Taliban-Lost-40-Fightrs:Quantity ", "taliban-lost-40-fighters",
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:quantity, urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban")]
    [InlineData("urn:knowledgegen:Panjshir2021:valley-north-of-kabul-00:citation-1", "valley-north-of-kabul-000",
        "urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000:citation-1, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-000, urn:knowledgegen:Panjshir2021:valley-north-of-kabul-003")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fightrs:citation-4", null,
        "urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters, urn:knowledgegen:Panjshir2021:taliban")]
    [InlineData("urn:knowledgegen:Panjshir2021:citation-1", null,
        "urn:knowledgegen:Panjshir2021:charikar, urn:knowledgegen:Panjshir2021:taliban")]
    public void A_json_ld_id_of_a_citation_or_a_quantity_of_a_mistyped_claim_is_offered_the_nearest_claims_node(string text, string? claim, string nearest) =>
        AssertOfferedFirst(text, claim, nearest);

    // who finds nothing for text and offers nearest; the first offered, typed back, is a node of claim (none when claim is null).
    private static void AssertOfferedFirst(string text, string? claim, string nearest)
    {
        var result = CliRunner.Run("who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.Equal($"knowledgegen: nothing in Panjshir2021 is known as '{text}'.\nNearest names: {nearest}",
            result.Error.ReplaceLineEndings("\n").TrimEnd());
        var pack = global::Panjshir2021.Pack.Instance;
        var (found, _, part) = Queries.WhoCommand.Lookup(pack, nearest.Split(", ")[0]);
        if (claim is null)
        {
            Assert.Null(part);
            return;
        }
        Assert.Same(pack.Find(claim), found);
        Assert.NotNull(part);
    }

    // Only the start of a JSON-LD @id is not offered five @ids as nearest, all as near as any other: standard error says
    // plainly that the id after it is missing, with a whole @id of the pack, and the exit code is that of a name nothing is
    // known by.
    [Theory]
    [InlineData("urn:knowledgegen:")]
    [InlineData("_:")]
    [InlineData("urn:knowledgegen:Panjshir2021:")]
    public void The_start_of_a_json_ld_id_alone_is_told_the_id_is_missing(string text)
    {
        var result = CliRunner.Run("who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.Equal($"knowledgegen: the id is missing after '{text}'; give a whole JSON-LD @id, such as 'urn:knowledgegen:Panjshir2021:report-000'.",
            result.Error.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("\"@id\": \"urn:knowledgegen:Panjshir2021:report-000\"", CliRunner.Run("export", "--format", "jsonld").Output);
    }

    // A claim is found by its id or an alias, not by its statement: a mistyped alias is offered the alias, a mistyped
    // statement nothing.
    [Theory]
    [InlineData("the sayng", "knowledgegen: nothing in Twins is known as 'the sayng'.\nNearest names: The saying")]
    [InlineData("Something was sad.", "knowledgegen: nothing in Twins is known as 'Something was sad.'.")]
    public void A_claim_is_offered_by_its_alias_and_not_its_statement(string text, string error)
    {
        var result = CliRunner.Run("who", text, "--pack", Twins.Value, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.Equal(error, result.Error.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal("said", Queries.WhoCommand.Find(Loading.PackLoader.LoadFrom(Twins.Value), "The saying")?.Id);
    }

    [Theory]
    [InlineData("Pun\u200Fjir", @"'Pun\u200Fjir'", "U+200F")] // a right-to-left mark, as text copied from Dari carries
    [InlineData("Pun\u0001jir", @"'Pun\u0001jir'", "U+0001")]
    [InlineData("Pun\tjir\u200E", @"'Pun\u0009jir\u200E'", "U+0009, U+200E")]
    public void A_name_with_characters_that_do_not_show_names_them(string text, string quoted, string codes)
    {
        var result = CliRunner.Run("who", text);
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"nothing in Panjshir2021 is known as {quoted} (the text holds ", result.Error);
        Assert.Contains($"not show: {codes})", result.Error);
        Assert.Contains("Nearest names: Punjir", result.Error);
    }

    // Find ignores what does not show around a name (a mark copied with it from a right-to-left page), so such a name is
    // found; the note above is for a name that such a character is inside of.
    [Theory]
    [InlineData("\u200FPunjir")]
    [InlineData("Punjir\u200E ")]
    public void A_name_with_invisible_characters_around_it_is_found(string text)
    {
        var plain = CliRunner.Run("who", "Punjir");
        var result = CliRunner.Run("who", text);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(plain.Output, result.Output);
    }

    // README and docs/cli.md: the @id export --format jsonld gives an entity's node shows the card its name shows.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021:panjshir-valley", "Punjir")]
    [InlineData("urn:knowledgegen:Panjshir2021:fahim-dashti", "fahim-dashti")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters", "taliban-lost-40-fighters")]
    public void A_json_ld_id_shows_its_entitys_card(string id, string text)
    {
        Assert.Contains($"\"@id\": \"{id}\"", CliRunner.Run("export", "--format", "jsonld").Output);
        var result = CliRunner.Run("who", id, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(CliRunner.Run("who", text, "--plain").Output, result.Output);
    }

    // docs/cli.md: the @id export --format jsonld gives the pack's own Dataset node (no id after the pack's name) shows what
    // the pack is, as the briefing begins: its title, name, version and description, then its counts; compared as any text is.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021")]
    [InlineData(" URN:KnowledgeGen:panjshir2021\u200F ")]
    public void The_json_ld_id_of_the_packs_dataset_shows_the_pack(string text)
    {
        using (var export = System.Text.Json.JsonDocument.Parse(CliRunner.Run("export", "--format", "jsonld").Output))
        {
            var dataset = export.RootElement.GetProperty("@graph")[0];
            Assert.Equal(("Dataset", "urn:knowledgegen:Panjshir2021"), (dataset.GetProperty("@type").GetString(), dataset.GetProperty("@id").GetString()));
        }
        var result = CliRunner.Run("who", text, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.StartsWith("The Battle of Panjshir, September 2021 (Panjshir2021 1.0.0)\n", output);
        Assert.Contains("\nCounts\n  sources     29\n", output);
        var briefing = CliRunner.Run("briefing", "--plain").Output.ReplaceLineEndings("\n");
        Assert.Equal(briefing[..briefing.IndexOf("\nClaims per claimant", StringComparison.Ordinal)], output);
    }

    // docs/cli.md: the @id export --format jsonld gives a node inside a claim's node (a citation, a quantity) shows that claim's
    // card, as its id does; standard error says which node of the claim the @id is.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-2", "taliban-lost-40-fighters",
        "is the JSON-LD @id of citation 2 (cited in report-001 via dashti-audio-message) of the claim taliban-lost-40-fighters, whose card is shown.")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:quantity", "taliban-lost-40-fighters",
        "is the JSON-LD @id of the quantity of the claim taliban-lost-40-fighters, whose card is shown.")]
    [InlineData("urn:knowledgegen:Panjshir2021:dashti-7-or-8-taliban-killed-monday:quantity", "dashti-7-or-8-taliban-killed-monday",
        "is the JSON-LD @id of the quantity of the claim dashti-7-or-8-taliban-killed-monday, whose card is shown.")]
    public void A_json_ld_id_of_a_citation_or_a_quantity_shows_its_claims_card(string id, string claim, string note)
    {
        Assert.Contains($"\"@id\": \"{id}\"", CliRunner.Run("export", "--format", "jsonld").Output);
        var result = CliRunner.Run("who", id, "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliRunner.Run("who", claim, "--plain").Output, result.Output);
        Assert.Equal($"knowledgegen: '{id}' {note}", result.Error.TrimEnd());
        // In a terminal too: the same card as tables.
        var tables = CliRunner.Run("who", id);
        Assert.Equal((0, CliRunner.Run("who", claim).Output), (tables.ExitCode, tables.Output));
    }

    // Every citation and quantity node of the Panjshir export finds the claim whose node holds it; its @id is compared as any
    // text is, ignoring case and what surrounds it, as an entity's is.
    [Fact]
    public void Every_citation_and_quantity_node_of_the_export_finds_its_claim()
    {
        var pack = global::Panjshir2021.Pack.Instance;
        using var export = System.Text.Json.JsonDocument.Parse(Export.ExportJsonLd.ToJson(pack));
        var parts = 0;
        foreach (var node in export.RootElement.GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").GetString() == "Claim"))
        {
            var claim = pack.Find(node.GetProperty("identifier").GetString()!);
            Assert.NotNull(claim);
            var inside = node.TryGetProperty("kg:citation", out var citations) ? citations.EnumerateArray().ToList() : new();
            if (node.TryGetProperty("kg:quantity", out var quantity))
                inside.Add(quantity);
            foreach (var id in inside.Select(n => n.GetProperty("@id").GetString()!))
            {
                parts++;
                Assert.Same(claim, Queries.WhoCommand.Find(pack, id));
                Assert.Same(claim, Queries.WhoCommand.Find(pack, " \u200F" + id.ToUpperInvariant()));
                var (found, others, part) = Queries.WhoCommand.Lookup(pack, id);
                Assert.Same(claim, found);
                Assert.Empty(others);
                Assert.Equal(id, part?.Id);
            }
        }
        Assert.Equal(pack.Claims.Sum(c => c.Citations.Count) + pack.Claims.Count(c => c.Quantity is not null), parts);
    }

    // An @id like a citation's that no claim's node holds (a citation past the claim's last, a claim the pack does not have, a
    // quantity of a claim without one) finds nothing; nor does an entity's @id with its claim's.
    [Theory]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-4")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-40-fighters:citation-0")]
    [InlineData("urn:knowledgegen:Panjshir2021:no-such-claim:citation-1")]
    [InlineData("urn:knowledgegen:Panjshir2021:taliban-lost-heavy-equipment:quantity")]
    [InlineData("urn:knowledgegen:Panjshir2021:fahim-dashti:citation-1")]
    public void A_json_ld_id_like_a_citations_that_no_claim_holds_finds_nothing(string id)
    {
        Assert.Null(Queries.WhoCommand.Find(global::Panjshir2021.Pack.Instance, id));
        var result = CliRunner.Run("who", id, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.StartsWith($"knowledgegen: nothing in Panjshir2021 is known as '{id}'.", result.Error);
    }

    // A claim's quantity is part of what it says ("40 fighters"); the card shows it as Quantity reads itself: a range with
    // its dash, an approximate one with "about".
    [Theory]
    [InlineData("taliban-lost-40-fighters", "40 Taliban fighters lost")]
    [InlineData("dashti-7-or-8-taliban-killed-monday", "7–8 Taliban fighters killed")]
    [InlineData("nrf-has-about-10000-fighters", "about 10000 fighters")]
    public void A_claims_card_shows_its_quantity_after_its_date(string id, string quantity)
    {
        var pack = global::Panjshir2021.Pack.Instance;
        Assert.Equal(quantity, ((Claim)pack.Find(id)!).Quantity.ToString());
        var result = CliRunner.Run("who", id);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        var date = Array.FindIndex(lines, l => l.StartsWith("  date: ", StringComparison.Ordinal));
        Assert.Equal("  quantity: " + quantity, lines[date + 1]);
        var table = TableConsole.Render(160, console => Queries.WhoCommand.WriteTables(pack, pack.Find(id)!, console));
        Assert.Contains("\n  quantity: " + quantity + "\n", table);
    }

    // A pack built on Berth, whose pilot bears 'Skipper' as an alias and whose later captain has it as a name (KG0019 warns
    // of it; a pack may accept it). Berth's Find takes names before aliases, so 'Skipper' is the captain there.
    private static readonly Lazy<string> Mooring = new(() => FixturePacks.EmitBuiltOnToFile("Berth", new[]
    {
        ("/berth/pack.kg.yaml", """
            pack: { name: Berth, namespace: Berth.Facts, title: The berth, version: 1.0.0 }
            sources:
              - { id: berth-log, name: The berth log, kind: other }
            actors:
              - { id: pilot, name: The pilot, aliases: [Skipper], kind: person }
              - { id: captain, name: Skipper, kind: person }
            """),
    }, "Mooring", new[]
    {
        ("/mooring/pack.kg.yaml", """
            pack: { name: Mooring, namespace: Mooring.Facts, title: The mooring, version: 1.0.0 }
            claims:
              - id: moored
                statement: The boat was moored.
                claimant: pilot
                about: [captain]
                citations: [ { source: berth-log, quote: moored } ]
            """),
    }));

    // who looks among another pack's entities in the order of that pack's Find: ids, then names, then aliases.
    [Theory]
    [InlineData("Berth:Skipper")]
    [InlineData("skipper")]
    public void Another_packs_entity_is_found_by_name_before_another_by_alias_as_its_Find_finds_it(string text)
    {
        var live = Loading.PackLoader.LoadFrom(Mooring.Value);
        var berth = Assert.Single(ReferencedPacks.Of(live).Groups).Pack!;
        Assert.Equal("captain", berth.Find("Skipper")?.Id);

        var result = CliRunner.Run("--pack", Mooring.Value, "who", text, "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Skipper (captain)\n  kind: actor (person)\n  pack: Berth, which Mooring refers to\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Contains("also names pilot (The pilot)", result.Error);
    }

    [Fact]
    public void A_very_long_name_is_cut_in_the_message()
    {
        var result = CliRunner.Run("who", new string('x', 5000));
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains($"known as '{new string('x', 100)}…' (5000 characters).", result.Error);
        Assert.True(result.Error.Length < 300, result.Error);
    }
}

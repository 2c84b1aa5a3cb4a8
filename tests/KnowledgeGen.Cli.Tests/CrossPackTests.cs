using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// A pack built on another, read through <c>--pack</c> as a user reads it: the Harbour pack's claims, sources, actors and
/// places refer to the starter pack's actors, places and sources, and its assembly lies beside the starter's. Every
/// reference the tool writes names an entity or a node of the same output, and the starter's entities carry the
/// starter's name.
/// </summary>
public class CrossPackTests
{
    private const string Manifest = """
        pack:
          name: Harbour
          namespace: Harbour.Facts
          title: The harbour log
          version: 1.0.0
        """;

    // Every reference field that can name another pack's entity names a starter one here. Harbour also has an actor of its
    // own with the id of a starter actor (daily-trust), which the starter's report-001 names as its outlet.
    private const string Facts = """
        sources:
          - id: harbour-log
            name: The harbour log
            kind: other
            outlet: daily-trust
            relays: [dashti-audio-message]
        actors:
          - id: harbour-master
            name: The harbour master
            kind: person
            roles:
              - { title: liaison, of: national-resistance-front }
          - id: daily-trust
            name: Daily Trust, harbour edition
            kind: media
        places:
          - id: harbour
            name: The harbour
            kind: site
            in: panjshir-valley
        claims:
          - id: dashti-at-the-harbour
            statement: Dashti spoke at the harbour.
            claimant: fahim-dashti
            about: [harbour, panjshir-valley]
            date: 2021-09-04
            citations:
              - source: report-001
                quote: the Taliban lost 40
                via: dashti-audio-message
          - id: master-denies
            statement: Dashti never came to the harbour.
            claimant: harbour-master
            about: [fahim-dashti]
            date: 2021-09-05
            status: disputed
            citations:
              - source: harbour-log
                quote: Dashti never came
            contradicts: [dashti-at-the-harbour]
        """;

    private static readonly Lazy<string> LazyHarbour = new(() =>
        FixturePacks.EmitBuiltOnStarterToFile("Harbour", new[] { ("/harbour/pack.kg.yaml", Manifest), ("/harbour/facts.kg.yaml", Facts) }));

    private static string Harbour => LazyHarbour.Value;

    // The starter's entities Harbour refers to, and those they refer to (report-001's outlet, the audio message's author,
    // the valley's country, Dashti's role); not nrf-source, which nothing here names.
    private static readonly string[] StarterEntities =
        { "report-001", "dashti-audio-message", "fahim-dashti", "national-resistance-front", "daily-trust", "afghanistan", "panjshir-valley" };

    [Fact]
    public void Json_export_lists_the_referenced_packs_entities_under_their_pack_and_every_reference_resolves()
    {
        var root = Export("json");
        Assert.Equal(new[] { "pack", "sources", "actors", "places", "claims", "referencedPacks" }, Names(root));
        // The pack's own lists hold its own entities only.
        Assert.Equal(new[] { "harbour-log" }, Ids(root, "sources"));
        Assert.Equal(new[] { "harbour-master", "daily-trust" }, Ids(root, "actors"));
        Assert.Equal(new[] { "harbour" }, Ids(root, "places"));
        Assert.Equal(new[] { "dashti-at-the-harbour", "master-denies" }, Ids(root, "claims"));

        var group = Assert.Single(root.GetProperty("referencedPacks").EnumerateArray());
        Assert.Equal(new[] { "pack", "sources", "actors", "places", "claims" }, Names(group));
        Assert.Equal("Starter", group.GetProperty("pack").GetProperty("name").GetString());
        Assert.Equal("Starter.Facts", group.GetProperty("pack").GetProperty("namespace").GetString());
        Assert.Equal(new[] { "report-001", "dashti-audio-message" }, Ids(group, "sources"));
        Assert.Equal(new[] { "fahim-dashti", "national-resistance-front", "daily-trust" }, Ids(group, "actors"));
        Assert.Equal(new[] { "afghanistan", "panjshir-valley" }, Ids(group, "places"));
        Assert.Empty(Ids(group, "claims"));
        // The starter's entities are written whole, with every field of their kind.
        var valley = group.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "panjshir-valley");
        Assert.Equal(new[] { "id", "name", "aliases", "kind", "in", "note" }, Names(valley));
        Assert.Equal("Panjshir Valley", valley.GetProperty("name").GetString());

        // Each entity's key: its id, or <pack>:<id> for another pack's entity whose id the export holds twice.
        var entities = Entities(root, null).Concat(Entities(group, "Starter")).ToList();
        var idCounts = entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());
        var keys = entities.Select(e => e.Pack is null || idCounts[e.Id] == 1 ? e.Id : e.Pack + ":" + e.Id).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var references = entities.SelectMany(e => References(e.Kind, e.Element)).ToList();
        Assert.Equal(14 + 5, references.Count); // Harbour's references, then those of the starter's entities
        Assert.All(references, reference => Assert.Contains(reference, keys));

        var claim = root.GetProperty("claims")[0];
        Assert.Equal("fahim-dashti", claim.GetProperty("claimant").GetString());
        Assert.Equal("report-001", claim.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Equal("daily-trust", root.GetProperty("sources")[0].GetProperty("outlet").GetString());
        Assert.Equal("Starter:daily-trust", group.GetProperty("sources")[0].GetProperty("outlet").GetString());
    }

    [Fact]
    public void JsonLd_export_has_a_node_for_every_referenced_entity_with_its_own_packs_id()
    {
        var root = Export("jsonld");
        var nodes = new List<JsonElement>();
        var references = new List<string>();
        foreach (var node in root.GetProperty("@graph").EnumerateArray())
            Collect(node, nodes, references);
        var ids = nodes.Select(n => n.GetProperty("@id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(references, reference => Assert.Contains(reference, ids));
        Assert.True(references.Count >= 15, $"only {references.Count} references were found");

        Assert.Contains("urn:knowledgegen:Starter", ids); // the Dataset node of the referenced pack
        foreach (var id in StarterEntities)
        {
            Assert.Contains("urn:knowledgegen:Starter:" + id, ids);
            if (id != "daily-trust")
                Assert.DoesNotContain("urn:knowledgegen:Harbour:" + id, ids.Concat(references));
        }
        Assert.DoesNotContain(ids, id => id.EndsWith(":nrf-source", StringComparison.Ordinal));
        Assert.Contains("urn:knowledgegen:Harbour:daily-trust", ids);
        Assert.Equal(1 + 6 + 1 + StarterEntities.Length, nodes.Count(n => !n.GetProperty("@type").GetString()!.StartsWith("kg:", StringComparison.Ordinal)));

        var claim = nodes.Single(n => n.GetProperty("@id").GetString() == "urn:knowledgegen:Harbour:dashti-at-the-harbour");
        Assert.Equal("urn:knowledgegen:Starter:fahim-dashti", claim.GetProperty("author").GetProperty("@id").GetString());
        var report = nodes.Single(n => n.GetProperty("@id").GetString() == "urn:knowledgegen:Starter:report-001");
        Assert.Equal("urn:knowledgegen:Starter:daily-trust", report.GetProperty("publisher").GetProperty("@id").GetString());
        var log = nodes.Single(n => n.GetProperty("@id").GetString() == "urn:knowledgegen:Harbour:harbour-log");
        Assert.Equal("urn:knowledgegen:Harbour:daily-trust", log.GetProperty("publisher").GetProperty("@id").GetString());
    }

    [Theory]
    [InlineData("mermaid")]
    [InlineData("dot")]
    public void Graph_draws_the_referenced_packs_claimants_and_subjects_as_nodes_named_by_their_pack(string format)
    {
        var result = CliRunner.Run("--pack", Harbour, "graph", "--format", format);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var declared = Regex.Matches(result.Output, format == "dot"
                ? "^    ([a-z]_[A-Za-z0-9_]+) \\[shape="
                : "^    ([a-z]_[A-Za-z0-9_]+)(\\[\"|\\(\\[\"|\\{\\{\")", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        var edges = Regex.Matches(result.Output, format == "dot"
                ? "^    ([a-z]_[A-Za-z0-9_]+) -> ([a-z]_[A-Za-z0-9_]+)"
                : "^    ([a-z]_[A-Za-z0-9_]+) (?:-->|-\\.->|-- supports -->|<-- contradicts -->) ([a-z]_[A-Za-z0-9_]+)$", RegexOptions.Multiline)
            .Select(m => (From: m.Groups[1].Value, To: m.Groups[2].Value)).ToList();
        Assert.Equal(2 + 3 + 1, edges.Count); // made, about, contradicts
        Assert.All(edges, edge => Assert.Contains(edge.From, declared));
        Assert.All(edges, edge => Assert.Contains(edge.To, declared));

        Assert.Equal(new[] { "a_Starter_fahim_dashti", "a_harbour_master", "c_dashti_at_the_harbour", "c_master_denies", "p_Starter_panjshir_valley", "p_harbour" },
            declared.Order(StringComparer.Ordinal));
        Assert.Contains(("a_Starter_fahim_dashti", "c_dashti_at_the_harbour"), edges);
        Assert.Contains(("c_dashti_at_the_harbour", "p_Starter_panjshir_valley"), edges);
    }

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
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.StartsWith($"knowledgegen: nothing in Harbour is known as '{text}'.\n", result.Error.ReplaceLineEndings("\n"));
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
    public void Who_finds_nothing_for_a_pack_name_with_no_such_entity(string text)
    {
        var result = CliRunner.Run("--pack", Harbour, "who", text, "--plain");
        Assert.Equal((Queries.WhoCommand.NotFound, ""), (result.ExitCode, result.Output));
        Assert.StartsWith($"knowledgegen: nothing in Harbour is known as '{text}'.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Who_suggests_a_shared_id_of_another_pack_as_the_export_names_it()
    {
        var result = CliRunner.Run("--pack", Harbour, "who", "Starter:daily-trus", "--plain");
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("Nearest names: Starter:daily-trust", result.Error);
    }

    // A pack built on Quay, whose source bears as an alias the id of its actor (KG0019 warns of it; a pack may accept it):
    // Quay's Find gives the actor for that text, since ids come first, however the text is wrapped.
    private static readonly Lazy<string> Ferry = new(() => FixturePacks.EmitBuiltOnToFile("Quay", new[]
    {
        ("/quay/pack.kg.yaml", """
            pack: { name: Quay, namespace: Quay.Facts, title: The quay, version: 1.0.0 }
            sources:
              - { id: keepers-log, name: The keeper's log, aliases: [keeper], kind: other }
            actors:
              - { id: keeper, name: The quay keeper, kind: person }
            """),
    }, "Ferry", new[]
    {
        ("/ferry/pack.kg.yaml", """
            pack: { name: Ferry, namespace: Ferry.Facts, title: The ferry, version: 1.0.0 }
            claims:
              - id: ferry-late
                statement: The ferry was late.
                claimant: keeper
                citations: [ { source: keepers-log, quote: late } ]
            """),
    }));

    // who looks among another pack's entities by the rule of that pack's Find (the runtime's NameKeys): an id wrapped in a
    // right-to-left mark or a byte order mark is still the id, found before the alias another entity bears.
    [Theory]
    [InlineData("Quay:\u200Fkeeper")]
    [InlineData("Quay:keeper\uFEFF")]
    [InlineData("\u200FQuay:keeper")]
    [InlineData("\u200Fkeeper")]
    public void Who_finds_another_packs_entity_by_the_rule_of_its_packs_Find(string text)
    {
        var live = Loading.PackLoader.LoadFrom(Ferry.Value);
        var quay = Assert.Single(ReferencedPacks.Of(live).Groups).Pack!;
        var rest = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal("keeper", quay.Find(rest)?.Id);
        Assert.Equal("keeper", quay.Find("keeper")?.Id);

        var result = CliRunner.Run("--pack", Ferry.Value, "who", text, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(Card(Ferry.Value, "Quay:keeper"), result.Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("The quay keeper (keeper)\n  kind: actor (person)\n  pack: Quay, which Ferry refers to\n", result.Output.ReplaceLineEndings("\n"));
    }

    // A pack whose own actor has the id and the name of a starter actor that it reaches through the starter's report-001.
    private static readonly Lazy<string> Docks = new(() => FixturePacks.EmitBuiltOnStarterToFile("Docks", new[]
    {
        ("/docks/pack.kg.yaml", """
            pack: { name: Docks, namespace: Docks.Facts, title: The docks, version: 1.0.0 }
            actors:
              - { id: daily-trust, name: Daily Trust, kind: media }
            claims:
              - id: docks-quiet
                statement: The docks were quiet.
                claimant: daily-trust
                citations: [ { source: report-001, quote: the Taliban } ]
            """),
    }));

    // The note that a name names another entity too gives the text that finds it: here the other pack's entity, whose plain
    // id would find the pack's own again.
    [Fact]
    public void Who_names_another_packs_entity_that_shares_a_name_and_id_as_the_text_that_finds_it()
    {
        var result = CliRunner.Run("--pack", Docks.Value, "who", "Daily Trust", "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Daily Trust (daily-trust)\n  kind: actor (media)\n\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal("knowledgegen: 'Daily Trust' also names Starter:daily-trust (Daily Trust); give an id to see its card, as in 'knowledgegen who Starter:daily-trust'.",
            result.Error.TrimEnd());

        var other = CliRunner.Run("--pack", Docks.Value, "who", "Starter:daily-trust", "--plain");
        Assert.Equal((0, ""), (other.ExitCode, other.Error));
        Assert.StartsWith("Daily Trust (Starter:daily-trust)\n  kind: actor (media)\n  pack: Starter, which Docks refers to\n", other.Output.ReplaceLineEndings("\n"));
    }

    // A pack whose own entities shadow starter entities it refers to, so that the plain id of each finds the pack's own: a
    // source with the id of the audio message that the starter's report-001 relays, a source that has report-001 as an alias
    // (filed under the report's name), and a place named Afghanistan, the id of the starter's country (Find ignores case).
    // Its claims cite report-001, as document and as channel, and contradict each other, so that contested shows them.
    private static readonly Lazy<string> Wharf = new(() => FixturePacks.EmitBuiltOnStarterToFile("Wharf", new[]
    {
        ("/wharf/pack.kg.yaml", """
            pack: { name: Wharf, namespace: Wharf.Facts, title: The wharf, version: 1.0.0 }
            sources:
              - { id: dashti-audio-message, name: The wharf's own recording, kind: audio-message }
              - { id: wharf-copy, name: The wharf's copy of the report, aliases: [Report-001], kind: other }
            actors:
              - { id: wharf-keeper, name: The wharf keeper, kind: person }
            places:
              - { id: afghan-state, name: Afghanistan, kind: country }
              - { id: wharf, name: The wharf, kind: site, in: panjshir-valley }
            claims:
              - id: dashti-came-by-boat
                statement: Dashti came to the wharf by boat.
                claimant: wharf-keeper
                about: [fahim-dashti, wharf]
                date: 2021-09-05
                citations: [ { source: report-001, quote: the Taliban } ]
              - id: dashti-never-came
                statement: Dashti never came to the wharf.
                claimant: wharf-keeper
                about: [fahim-dashti, afghan-state]
                date: 2021-09-06
                status: disputed
                citations: [ { source: wharf-copy, quote: never came, via: report-001 } ]
                contradicts: [dashti-came-by-boat]
            """),
    }));

    // `who` run as a user runs it, the card on standard output.
    private static string Card(string pack, string text)
    {
        var result = CliRunner.Run("--pack", pack, "who", text, "--plain");
        Assert.True(result.ExitCode == 0, $"who '{text}' failed: {result.Error}");
        return result.Output.ReplaceLineEndings("\n");
    }

    // The text a card's heading, "<name> (<text>)", names its entity by.
    private static string HeadingKey(string card) =>
        Regex.Match(card.Split('\n')[0], @"\(([^()]*)\)$").Groups[1].Value;

    // Every entity of the export, found as <pack>:<id> (which finds any of them), has a card whose heading names it by a
    // text that shows that card again: its plain id, unless that finds another entity.
    [Theory]
    [InlineData("Harbour", "Starter:daily-trust")]
    [InlineData("Docks", "Starter:daily-trust")]
    [InlineData("Wharf", "Starter:dashti-audio-message", "Starter:report-001", "Starter:afghanistan")]
    public void Who_heads_a_card_with_the_text_that_finds_its_entity(string name, params string[] qualified)
    {
        var pack = name switch { "Harbour" => Harbour, "Docks" => Docks.Value, _ => Wharf.Value };
        var root = JsonDocument.Parse(CliRunner.Run("--pack", pack, "export").Output).RootElement;
        var group = Assert.Single(root.GetProperty("referencedPacks").EnumerateArray());
        var keys = new List<string>();
        foreach (var (owner, _, id, element) in Entities(root, name).Concat(Entities(group, "Starter")))
        {
            var card = Card(pack, owner + ":" + id);
            Assert.StartsWith(element.GetProperty("name").GetString() + " (", card);
            var key = HeadingKey(card);
            Assert.Equal(card, Card(pack, key));
            keys.Add(key);
        }
        // A shadowed entity is named with its pack; every other keeps its plain id.
        Assert.Equal(qualified.Order(StringComparer.Ordinal), keys.Where(k => k.Contains(':', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    // Every source a card names by its id (a source's relays, a claim's citations, the sources an actor is mentioned in) is
    // named by the text that finds it: typed back into who, that text shows the card that <pack>:<name> shows.
    [Fact]
    public void Who_names_the_sources_a_card_lists_by_the_text_that_finds_each()
    {
        var pack = Wharf.Value;
        var audio = Card(pack, "Starter:Fahim Dashti's audio message");
        var report = Card(pack, "Starter:Daily Trust report");
        var copy = Card(pack, "Wharf:The wharf's copy of the report");

        var relays = Regex.Match(report, "^  relays: (.+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("Starter:dashti-audio-message", relays);
        Assert.Equal(audio, Card(pack, relays));

        var viaReport = Regex.Match(Card(pack, "dashti-never-came"), "^  cited in (\\S+) via (\\S+): ", RegexOptions.Multiline);
        Assert.Equal(("wharf-copy", "Starter:report-001"), (viaReport.Groups[1].Value, viaReport.Groups[2].Value));
        Assert.Equal(copy, Card(pack, viaReport.Groups[1].Value));
        Assert.Equal(report, Card(pack, viaReport.Groups[2].Value));
        var inReport = Regex.Match(Card(pack, "dashti-came-by-boat"), "^  cited in (\\S+): ", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("Starter:report-001", inReport);
        Assert.Equal(report, Card(pack, inReport));

        var dashti = Card(pack, "fahim-dashti");
        var mentioned = dashti[dashti.IndexOf("\nMentioned in (", StringComparison.Ordinal)..].Split('\n').Skip(2).Where(l => l.Length > 0)
            .Select(l => l[2..l.IndexOf(": ", StringComparison.Ordinal)]).ToList();
        Assert.Equal(new[] { "wharf-copy", "Starter:report-001", "Starter:dashti-audio-message" }, mentioned);
        Assert.Equal(new[] { copy, report, audio }, mentioned.Select(key => Card(pack, key)));

        // The tables name them so too.
        var live = Loading.PackLoader.LoadFrom(pack);
        var table = TableConsole.Render(200, console => Queries.WhoCommand.WriteTables(live, Queries.WhoCommand.Find(live, "fahim-dashti")!, console));
        var rows = Regex.Matches(table[table.IndexOf("Mentioned in (3)", StringComparison.Ordinal)..], "^│ (\\S+) +│", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Where(cell => cell != "Source");
        Assert.Equal(mentioned, rows);
    }

    // The sources the briefing and contested give for each side of a contradiction are named by the text that finds them:
    // Wharf's claims cite the starter's report-001, whose plain id finds Wharf's own copy, which has it as an alias.
    [Theory]
    [InlineData("briefing", false)]
    [InlineData("contested", false)]
    [InlineData("briefing", true)]
    [InlineData("contested", true)]
    public void Briefing_and_contested_name_each_source_by_the_text_that_finds_it(string command, bool tables)
    {
        var pack = Wharf.Value;
        List<string> sources;
        if (tables)
        {
            var live = Loading.PackLoader.LoadFrom(pack);
            sources = Column(TableConsole.Render(200, console =>
            {
                if (command == "briefing")
                    Briefing.BriefingTables.Render(Briefing.BriefingReport.Build(live), console);
                else
                    Queries.ContestedCommand.WriteTable(live, console);
            }), "Sources");
        }
        else
        {
            var result = CliRunner.Run("--pack", pack, command, "--plain");
            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            sources = Regex.Matches(result.Output, "sources: (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.TrimEnd()).ToList();
        }
        Assert.Equal(new[] { "Starter:report-001", "wharf-copy via Starter:report-001" }, sources);
        var report = Card(pack, "Starter:Daily Trust report");
        Assert.Equal(report, Card(pack, "Starter:report-001"));
        Assert.Equal(Card(pack, "Wharf:The wharf's copy of the report"), Card(pack, "wharf-copy"));
    }

    // A claim's corroboration names its origins as the sources are named: Wharf's claims have one origin, the starter's
    // report-001 (as document, and as the channel of the copy), whose plain id finds Wharf's own copy.
    [Fact]
    public void Corroboration_names_each_origin_by_the_text_that_finds_it()
    {
        var pack = Wharf.Value;
        var live = Loading.PackLoader.LoadFrom(pack);
        var outputs = new[]
        {
            Card(pack, "dashti-came-by-boat"), // corroboration: …
            Card(pack, "fahim-dashti"), // under each claim by or about him
            CliRunner.Run("--pack", pack, "contested", "--plain").Output,
            TableConsole.Render(200, console => Queries.ContestedCommand.WriteTable(live, console)),
            TableConsole.Render(200, console => Queries.WhoCommand.WriteTables(live, Queries.WhoCommand.Find(live, "fahim-dashti")!, console)),
        };
        foreach (var output in outputs)
        {
            var origins = Regex.Matches(output, "1 report, 1 independent origin \\(([^)]*)\\)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(origins);
            Assert.All(origins, origin => Assert.Equal("Starter:report-001", origin));
        }
        Assert.Equal(Card(pack, "Starter:Daily Trust report"), Card(pack, "Starter:report-001"));
    }

    // The note that a text names other entities too gives, for each, the text that finds it: here a starter entity whose id
    // is not Wharf's, but which Wharf's own bears as a name (Afghanistan) or an alias (Report-001), so that the plain id
    // shows Wharf's own card again.
    [Theory]
    [InlineData("Afghanistan", "Afghanistan (afghan-state)", "Starter:afghanistan", "Afghanistan", "Starter:Afghanistan")]
    [InlineData("report-001", "The wharf's copy of the report (wharf-copy)", "Starter:report-001", "Militants fight back as Taliban moves to capture Afghanistan's last territory", "Starter:Daily Trust report")]
    public void Who_names_the_other_entities_a_name_finds_by_the_text_that_finds_each(string text, string heading, string key, string name, string other)
    {
        var pack = Wharf.Value;
        var result = CliRunner.Run("--pack", pack, "who", text, "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(heading + "\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal($"knowledgegen: '{text}' also names {key} ({name}); give an id to see its card, as in 'knowledgegen who {key}'.", result.Error.TrimEnd());
        var suggested = Regex.Match(result.Error, "as in 'knowledgegen who (.+)'\\.").Groups[1].Value;
        Assert.Equal(Card(pack, other), Card(pack, suggested));
    }

    [Fact]
    public void Who_suggests_another_packs_entity_by_the_text_that_finds_it()
    {
        var result = CliRunner.Run("--pack", Wharf.Value, "who", "Starter:afghanista", "--plain");
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("Nearest names: Starter:afghanistan", result.Error);
    }

    // The cells of a table's column, below its heading, one per row that has text there.
    private static List<string> Column(string table, string heading)
    {
        var lines = table.ReplaceLineEndings("\n").Split('\n');
        var header = System.Array.FindIndex(lines, l => l.StartsWith('│') && l.Split('│').Any(c => c.Trim() == heading));
        Assert.True(header >= 0, $"no column {heading} in\n{table}");
        var index = System.Array.FindIndex(lines[header].Split('│'), c => c.Trim() == heading);
        return lines.Skip(header + 1).TakeWhile(l => !l.StartsWith('└')).Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│')[index].Trim()).Where(c => c.Length > 0).ToList();
    }

    [Theory]
    [InlineData("briefing")]
    [InlineData("contested")]
    [InlineData("timeline")]
    public void Text_commands_name_the_referenced_packs_entities_and_who_finds_each_source_they_name(string command)
    {
        var result = CliRunner.Run("--pack", Harbour, command, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("Fahim Dashti", result.Output);
        foreach (Match sources in Regex.Matches(result.Output, "sources: (.+)$", RegexOptions.Multiline))
            foreach (var id in sources.Groups[1].Value.Trim().Split(new[] { ", ", " via " }, StringSplitOptions.None))
                Assert.Equal(0, CliRunner.Run("--pack", Harbour, "who", id, "--plain").ExitCode);
        if (command != "timeline")
            Assert.Contains("report-001 via dashti-audio-message", result.Output);
    }

    // A scratch folder holding the pack built on the starter (its manifest and facts), deleted after the action.
    private static void InFolderOfHarbourPack(Action<string> action)
    {
        var folder = Directory.CreateTempSubdirectory("kg-validate-reference-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.kg.yaml"), Manifest);
            File.WriteAllText(Path.Combine(folder, "facts.kg.yaml"), Facts);
            action(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // docs/cli.md, validate: --reference makes the ids of the pack the YAML is built on known, as a build knows them.
    [Fact]
    public void Validate_knows_the_ids_of_a_pack_given_with_reference_and_reports_what_the_build_reports()
    {
        InFolderOfHarbourPack(folder =>
        {
            var alone = CliRunner.Run("validate", folder);
            Assert.Equal(1, alone.ExitCode);
            Assert.Contains("refers to 'fahim-dashti', but the pack has no entity with that id", alone.Output);

            var referenced = CliRunner.Run("validate", folder, "--reference", FixturePacks.StarterFile);
            Assert.Equal((0, "", "2 files, 1 source, 2 actors, 1 place, 2 claims: 0 errors, 0 warnings.\n"),
                (referenced.ExitCode, referenced.Error, referenced.Output.ReplaceLineEndings("\n")));

            // Mistakes in a pack built on the starter, and the namespace of the starter's own: what the build says, word for word.
            var manifest = Manifest.Replace("namespace: Harbour.Facts", "namespace: Starter.Facts", StringComparison.Ordinal);
            var facts = Facts.Replace("claimant: fahim-dashti", "claimant: fahim-dashtii", StringComparison.Ordinal)
                .Replace("in: panjshir-valley", "in: nrf-source", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "pack.kg.yaml"), manifest);
            File.WriteAllText(Path.Combine(folder, "facts.kg.yaml"), facts);
            var build = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { ("pack.kg.yaml", manifest), ("facts.kg.yaml", facts) }
                    .Select(f => (AdditionalText)new InMemoryAdditionalText(Path.Combine(folder, f.Item1), f.Item2))),
                GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(FixturePacks.StarterFile)));
            var expected = build.GeneratorDiagnostics.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " +
                    $"{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }).Order(StringComparer.Ordinal).ToList();
            Assert.Contains(expected, l => l.Contains(" KG0009: ", StringComparison.Ordinal));
            Assert.Contains(expected, l => l.Contains("'fahim-dashtii'", StringComparison.Ordinal));
            Assert.Contains(expected, l => l.Contains("'nrf-source'", StringComparison.Ordinal));

            var broken = CliRunner.Run("validate", folder, "--reference", FixturePacks.StarterFile);
            Assert.Equal((1, ""), (broken.ExitCode, broken.Error));
            Assert.Equal(expected, broken.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').SkipLast(1).Order(StringComparer.Ordinal));
        });
    }

    // The tool reads a referenced pack from its metadata, as the generator reads it through Roslyn, which the tool does not
    // ship: the same entities, for a generated pack and for one written by hand with every case the generator passes over.
    [Fact]
    public void Validate_reads_the_entities_of_a_referenced_pack_that_the_generator_reads()
    {
        var handMade = FixturePacks.EmitCSharpToFile("HandMadeEntities", """
            [assembly: KnowledgeGen.KnowledgePack(typeof(Hand.Made.Pack), "HandMade")]
            namespace Hand.Made
            {
                public static class Pack
                {
                    public static KnowledgeGen.KnowledgePack Instance => null!;
                }

                // A kind too large for one class keeps members in base classes, reached through the kind's class.
                public abstract class Actors : ActorsPart1
                {
                    private Actors() { }
                    [KnowledgeGen.KnowledgeId("in-the-class", Name = "In the class")] public static KnowledgeGen.Actor InTheClass => null!;
                    [KnowledgeGen.KnowledgeId("Not An Id")] public static KnowledgeGen.Actor NotAnId => null!;
                }

                public abstract class ActorsPart1 : ActorsPart2
                {
                    [KnowledgeGen.KnowledgeId("in-a-base")] public static KnowledgeGen.Actor InABase => null!;
                    [KnowledgeGen.KnowledgeId("not-public")] internal static KnowledgeGen.Actor NotPublic => null!;
                    [KnowledgeGen.KnowledgeId("not-static")] public KnowledgeGen.Actor NotStatic => null!;
                }

                public abstract class ActorsPart2
                {
                    [KnowledgeGen.KnowledgeId("in-a-base-of-a-base", Name = "")] public static KnowledgeGen.Actor Deeper => null!;
                }

                public static class Places
                {
                    [KnowledgeGen.KnowledgeId("somewhere", Name = "Somewhere")] public static KnowledgeGen.Place Somewhere => null!;
                    public static KnowledgeGen.Place Unmarked => null!;
                }

                internal static class Sources
                {
                    [KnowledgeGen.KnowledgeId("hidden")] public static KnowledgeGen.Source Hidden => null!;
                }

                public static class Claims
                {
                    [KnowledgeGen.KnowledgeId("a-claim")] public static KnowledgeGen.Claim AClaim => null!;
                }

                namespace Deeper
                {
                    public static class Actors
                    {
                        [KnowledgeGen.KnowledgeId("another-namespace")] public static KnowledgeGen.Actor Elsewhere => null!;
                    }
                }
            }
            """);
        foreach (var pack in new[] { FixturePacks.StarterFile, handMade })
        {
            var compilation = GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(pack));
            var roslyn = KnowledgeGen.Generator.Linking.ReferencedPacks.Read(compilation, CancellationToken.None);
            var metadata = KnowledgeGen.Cli.Validate.PackReferences.Read(new[] { pack });
            Assert.NotEmpty(roslyn.Entities);
            Assert.Equal(roslyn, metadata);
        }
        Assert.Equal(new[] { "in-a-base", "in-a-base-of-a-base", "in-the-class", "somewhere" },
            KnowledgeGen.Cli.Validate.PackReferences.Read(new[] { handMade }).Entities.Select(e => e.Id));
    }

    // A real process, whose tool has no Roslyn beside it: reading a referenced pack must not need it.
    [Fact]
    public void Validate_with_reference_runs_in_the_tool_alone()
    {
        InFolderOfHarbourPack(folder =>
        {
            var result = CliProcess.Run(new[] { "validate", folder, "--reference", FixturePacks.StarterFile });
            Assert.Equal((0, "", "2 files, 1 source, 2 actors, 1 place, 2 claims: 0 errors, 0 warnings.\n"),
                (result.ExitCode, result.Error, result.Output.ReplaceLineEndings("\n")));
        });
    }

    // docs/cli.md, exit codes: a pack that fails to load is exit code 2 and one line. A class library's build output does not
    // hold the packages it references, so a pack built on a pack package is often found alone: reading the other pack's
    // entities then fails to load its assembly, which is not an output that could not be written (exit code 3, silent).
    [Theory]
    [InlineData("briefing", "--plain")]
    [InlineData("who", "harbour-master", "--plain")]
    [InlineData("contested", "--plain")]
    [InlineData("timeline", "--plain")]
    [InlineData("export")]
    [InlineData("export", "--format", "jsonld")]
    [InlineData("graph")]
    public void A_pack_whose_referenced_pack_is_not_beside_it_is_a_clear_error(params string[] command)
    {
        var alone = Path.Combine(Directory.CreateTempSubdirectory("kg-alone-").FullName, "Harbour.dll");
        try
        {
            File.Copy(Harbour, alone);
            var result = CliRunner.Run(new[] { "--pack", alone }.Concat(command).ToArray());
            Assert.Equal(PackAction.PackError, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.Contains($"knowledgegen: '{alone}' needs the assembly Starter, which could not be found: ", result.Error);
            Assert.Contains("put Starter.dll beside it", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(alone)!, recursive: true);
        }
    }

    // A Starter.dll beside it that is another assembly fails to load (a FileLoadException, an IOException too).
    [Fact]
    public void A_pack_whose_referenced_pack_beside_it_is_another_assembly_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("kg-wrong-").FullName;
        try
        {
            var harbour = Path.Combine(folder, "Harbour.dll");
            File.Copy(Harbour, harbour);
            File.Copy(typeof(System.CommandLine.Command).Assembly.Location, Path.Combine(folder, "Starter.dll"));
            var result = CliRunner.Run("--pack", harbour, "timeline", "--plain");
            Assert.Equal((PackAction.PackError, ""), (result.ExitCode, result.Output));
            Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.StartsWith($"knowledgegen: '{harbour}' needs the assembly Starter, which could not be loaded: ", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_entity_that_no_pack_holds_is_written_in_a_group_without_a_pack_and_as_a_blank_node()
    {
        // Only a pack made by hand can refer to an entity that no pack's lists hold.
        var stranger = new Actor("stranger", "A stranger", System.Array.Empty<string>(), null, ActorKind.Person, false, null, System.Array.Empty<Role>());
        var pack = new PackWithAStranger(stranger);

        using var json = JsonDocument.Parse(KnowledgeGen.Cli.Export.ExportJson.ToJson(pack));
        var group = Assert.Single(json.RootElement.GetProperty("referencedPacks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, group.GetProperty("pack").ValueKind);
        Assert.Equal(new[] { "stranger" }, Ids(group, "actors"));
        Assert.Equal("stranger", json.RootElement.GetProperty("claims")[0].GetProperty("claimant").GetString());

        using var jsonLd = JsonDocument.Parse(KnowledgeGen.Cli.Export.ExportJsonLd.ToJson(pack));
        var graph = jsonLd.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Contains(graph, n => n.GetProperty("@id").GetString() == "_:stranger" && n.GetProperty("@type").GetString() == "Person");
        Assert.Equal("_:stranger", graph.Single(n => n.GetProperty("@type").GetString() == "Claim").GetProperty("author").GetProperty("@id").GetString());
        // who finds it by that @id too, as by any other; a mistyped one is offered that @id, whichever prefix it is written with.
        Assert.Same(stranger, Queries.WhoCommand.Find(pack, "_:stranger"));
        Assert.Equal(new[] { "_:stranger" }, Queries.WhoCommand.Nearest(pack, "_:strangr"));
        Assert.Equal(new[] { "_:stranger" }, Queries.WhoCommand.Nearest(pack, "urn:knowledgegen:strangr"));
        // The claim that names it is found by the @id of its citation, as the export writes it.
        Assert.Equal("urn:knowledgegen:Strangers:said:citation-1",
            graph.Single(n => n.GetProperty("@type").GetString() == "Claim").GetProperty("kg:citation")[0].GetProperty("@id").GetString());
        Assert.Same(pack.Claims[0], Queries.WhoCommand.Find(pack, "urn:knowledgegen:Strangers:said:citation-1"));
    }

    private sealed class PackWithAStranger : KnowledgePack
    {
        public PackWithAStranger(Actor stranger)
        {
            var source = new Source("note", "A note", System.Array.Empty<string>(), null, SourceKind.Other, null, null, null, null, null, null, null, null);
            Sources = new[] { source };
            Claims = new[]
            {
                new Claim("said", "said", System.Array.Empty<string>(), null, "Something was said.", () => stranger, null, null, ClaimStatus.Reported, null,
                    new[] { new Citation(() => source, "something") }, null, null, null),
            };
        }

        public override string Name => "Strangers";
        public override string Namespace => "Strangers";
        public override string Title => "A pack that names a stranger";
        public override string Version => "1.0.0";
        public override string? Description => null;
        public override IReadOnlyList<Source> Sources { get; }
        public override IReadOnlyList<Actor> Actors { get; } = System.Array.Empty<Actor>();
        public override IReadOnlyList<Place> Places { get; } = System.Array.Empty<Place>();
        public override IReadOnlyList<Claim> Claims { get; }
    }

    private static JsonElement Export(string format)
    {
        var result = CliRunner.Run("--pack", Harbour, "export", "--format", format);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static IEnumerable<(string? Pack, string Kind, string Id, JsonElement Element)> Entities(JsonElement lists, string? pack) =>
        new[] { "sources", "actors", "places", "claims" }.SelectMany(kind =>
            lists.GetProperty(kind).EnumerateArray().Select(e => (pack, kind, e.GetProperty("id").GetString()!, e)));

    // Every reference field of the JSON export, as ExportJsonTests reads them.
    private static IEnumerable<string> References(string kind, JsonElement entity) => kind switch
    {
        "sources" => Strings(entity, "outlet", "author").Concat(Array(entity, "relays")),
        "actors" => entity.GetProperty("roles").EnumerateArray().SelectMany(r => Strings(r, "of")),
        "places" => Strings(entity, "in"),
        _ => Strings(entity, "claimant").Concat(Array(entity, "about")).Concat(Array(entity, "contradicts")).Concat(Array(entity, "supports"))
            .Concat(entity.GetProperty("citations").EnumerateArray().SelectMany(c => Strings(c, "source", "via"))),
    };

    // A node object and the nodes inside it; an object that is {"@id"} alone is a reference.
    private static void Collect(JsonElement node, List<JsonElement> nodes, List<string> references)
    {
        Assert.True(node.TryGetProperty("@id", out _), "node without @id: " + node);
        nodes.Add(node);
        foreach (var property in node.EnumerateObject())
        {
            var values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : new List<JsonElement> { property.Value };
            foreach (var value in values.Where(v => v.ValueKind == JsonValueKind.Object))
            {
                if (value.EnumerateObject().Count() == 1 && value.TryGetProperty("@id", out var reference))
                    references.Add(reference.GetString()!);
                else
                    Collect(value, nodes, references);
            }
        }
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static string[] Ids(JsonElement root, string list) =>
        root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    private static string[] Array(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static IEnumerable<string> Strings(JsonElement element, params string[] names) =>
        names.Select(n => element.GetProperty(n)).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// A pack built on another, read through <c>--pack</c> as a user reads it: the Harbour pack's claims, sources, actors and
/// places refer to the starter pack's actors, places and sources, and its assembly lies beside the starter's. Every
/// reference the tool writes names an entity or a node of the same output, and the starter's entities carry the
/// starter's name.
/// </summary>
public partial class CrossPackTests
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

using System.Text.Json;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>The JSON export: its shape, its order, and text that survives the trip exactly.</summary>
public class ExportJsonTests
{
    private static readonly Dictionary<string, string[]> EntityFields = new()
    {
        ["sources"] = new[] { "id", "name", "aliases", "kind", "outlet", "author", "language", "translatedFrom", "published", "document", "url", "relays", "note" },
        ["actors"] = new[] { "id", "name", "aliases", "kind", "anonymous", "description", "roles", "note" },
        ["places"] = new[] { "id", "name", "aliases", "kind", "in", "note" },
        ["claims"] = new[] { "id", "name", "aliases", "statement", "claimant", "about", "date", "status", "quantity", "citations", "contradicts", "supports", "note" },
    };

    [Fact]
    public void Export_of_the_starter_pack()
    {
        Snapshot.Match(ExportJson.ToJson(FixturePacks.Starter), "Export.starter", "json");
    }

    [Fact]
    public void Every_entity_has_every_field_and_nothing_else()
    {
        using var document = JsonDocument.Parse(ExportJson.ToJson(FixturePacks.Starter));
        var root = document.RootElement;
        Assert.Equal(new[] { "pack", "sources", "actors", "places", "claims" }, Names(root));
        Assert.Equal(new[] { "name", "namespace", "title", "version", "description" }, Names(root.GetProperty("pack")));

        foreach (var (list, fields) in EntityFields)
        {
            var entities = root.GetProperty(list).EnumerateArray().ToList();
            Assert.NotEmpty(entities);
            foreach (var entity in entities)
                Assert.Equal(fields, Names(entity));
        }
        foreach (var actor in root.GetProperty("actors").EnumerateArray())
            foreach (var role in actor.GetProperty("roles").EnumerateArray())
                Assert.Equal(new[] { "title", "of", "former", "note" }, Names(role));
        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            foreach (var citation in claim.GetProperty("citations").EnumerateArray())
                Assert.Equal(new[] { "source", "quote", "via" }, Names(citation));
            if (claim.GetProperty("quantity").ValueKind != JsonValueKind.Null)
                Assert.Equal(new[] { "min", "max", "unit", "approximate" }, Names(claim.GetProperty("quantity")));
            if (claim.GetProperty("date").ValueKind != JsonValueKind.Null)
                Assert.Equal(new[] { "date", "precision" }, Names(claim.GetProperty("date")));
        }
    }

    [Fact]
    public void Lists_keep_the_packs_order_and_references_are_ids_of_the_pack()
    {
        var pack = FixturePacks.Starter;
        using var document = JsonDocument.Parse(ExportJson.ToJson(pack));
        var root = document.RootElement;
        Assert.Equal(pack.Sources.Select(s => s.Id), Ids(root, "sources"));
        Assert.Equal(pack.Actors.Select(a => a.Id), Ids(root, "actors"));
        Assert.Equal(pack.Places.Select(p => p.Id), Ids(root, "places"));
        Assert.Equal(pack.Claims.Select(c => c.Id), Ids(root, "claims"));

        var ids = pack.Entities.Select(e => e.Id).ToHashSet();
        var references = new List<string>();
        foreach (var source in root.GetProperty("sources").EnumerateArray())
            references.AddRange(Strings(source, "outlet", "author").Concat(Array(source, "relays")));
        foreach (var actor in root.GetProperty("actors").EnumerateArray())
            references.AddRange(actor.GetProperty("roles").EnumerateArray().SelectMany(r => Strings(r, "of")));
        foreach (var place in root.GetProperty("places").EnumerateArray())
            references.AddRange(Strings(place, "in"));
        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            references.AddRange(Strings(claim, "claimant").Concat(Array(claim, "about")).Concat(Array(claim, "contradicts")).Concat(Array(claim, "supports")));
            references.AddRange(claim.GetProperty("citations").EnumerateArray().SelectMany(c => Strings(c, "source", "via")));
        }
        Assert.True(references.Count >= 12, $"only {references.Count} references were found");
        Assert.All(references, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Dates_quantities_and_enums_read_as_the_yaml_writes_them()
    {
        using var document = JsonDocument.Parse(ExportJson.ToJson(FixturePacks.Starter));
        var root = document.RootElement;
        var claims = root.GetProperty("claims");
        Assert.Equal("""{"date":"2021-09-02","precision":"day"}""", Compact(claims[0].GetProperty("date")));
        Assert.Equal("""{"date":"2021-09","precision":"month"}""", Compact(claims[1].GetProperty("date")));
        Assert.Equal("""{"date":"2021","precision":"year"}""", Compact(claims[2].GetProperty("date")));
        Assert.Equal("""{"date":"2021-09-03","precision":"approximate"}""", Compact(root.GetProperty("sources")[0].GetProperty("published")));
        Assert.Equal("""{"min":40,"max":40,"unit":"fighters killed","approximate":false}""", Compact(claims[0].GetProperty("quantity")));
        Assert.Equal("""{"min":7,"max":8.5,"unit":"days","approximate":true}""", Compact(claims[2].GetProperty("quantity")));
        Assert.Equal(JsonValueKind.Null, claims[1].GetProperty("quantity").ValueKind);
        Assert.Equal("news-report", root.GetProperty("sources")[0].GetProperty("kind").GetString());
        Assert.Equal("audio-message", root.GetProperty("sources")[1].GetProperty("kind").GetString());
        Assert.Equal("unverified", claims[0].GetProperty("status").GetString());
        Assert.Equal("reported", claims[1].GetProperty("status").GetString());
    }

    [Fact]
    public void Contradiction_is_listed_on_both_claims()
    {
        using var document = JsonDocument.Parse(ExportJson.ToJson(FixturePacks.Starter));
        var claims = document.RootElement.GetProperty("claims");
        Assert.Equal(new[] { "valley-fell" }, Array(claims[1], "contradicts"));
        Assert.Equal(new[] { "clashes-still-ongoing" }, Array(claims[2], "contradicts"));
    }

    [Fact]
    public void Text_round_trips_exactly_and_non_ascii_is_written_as_itself()
    {
        var pack = new HandMadePack();
        var json = ExportJson.ToJson(pack);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(pack.Title, root.GetProperty("pack").GetProperty("title").GetString());
        Assert.Equal(pack.Version, root.GetProperty("pack").GetProperty("version").GetString());
        var source = root.GetProperty("sources")[0];
        Assert.Equal(pack.Sources[0].Name, source.GetProperty("name").GetString());
        Assert.Equal(HandMadePack.Awkward, source.GetProperty("aliases")[0].GetString());
        Assert.Equal(pack.Sources[0].Url, source.GetProperty("url").GetString());
        var actor = root.GetProperty("actors")[0];
        Assert.Equal(pack.Actors[0].Name, actor.GetProperty("name").GetString());
        Assert.Equal(HandMadePack.Awkward, actor.GetProperty("description").GetString());
        Assert.Equal("leader «of»", actor.GetProperty("roles")[0].GetProperty("title").GetString());
        var claim = root.GetProperty("claims")[0];
        Assert.Equal(HandMadePack.Awkward, claim.GetProperty("statement").GetString());
        Assert.Equal(pack.Claims[0].Citations[0].Quote, claim.GetProperty("citations")[0].GetProperty("quote").GetString());
        Assert.Equal("""{"min":-1.5,"max":10000,"unit":"fighters — “approximately”","approximate":true}""",
            JsonSerializer.Serialize(claim.GetProperty("quantity"), new JsonSerializerOptions { Encoder = JsonTextEncoder.Instance }));

        // Written as the characters themselves, not \u escapes: Dari, Cyrillic, emoji, typographic quotes.
        AssertHas(json, HandMadePack.DariName);
        AssertHas(json, "Ахмад Масуд " + HandMadePack.Emoji);
        AssertHas(json, "«of»");
        AssertHas(json, "\u2028");
        AssertHas(json, "nbsp\u00a0, bom\ufeff,");
        // Control characters, quotes and backslashes are escaped the way JSON spells them.
        AssertHas(json, """tab\there, nul\u0000, bell\u0007, quote \" backslash \\ slash / line""");
        AssertHas(json, """del\u007F""");
        Assert.False(json.Contains('\0'), "a raw NUL character in the JSON");
        AssertHas(json, "\"fa\"");
        AssertHas(json, "\"translatedFrom\": \"ps\"");
        AssertHas(json, "\"kind\": \"mountain-range\"");
        AssertHas(json, "\"kind\": \"social-media-post\"");
        AssertHas(json, "\"status\": \"corroborated\"");
    }

    [Fact]
    public void Empty_pack_exports_empty_lists()
    {
        using var document = JsonDocument.Parse(ExportJson.ToJson(new HandMadePack(empty: true)));
        foreach (var list in EntityFields.Keys)
            Assert.Equal(0, document.RootElement.GetProperty(list).GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("pack").GetProperty("description").ValueKind);
    }

    /// <summary>Ordinal search: culture-aware search skips characters such as NUL and U+2028.</summary>
    private static void AssertHas(string json, string expected) =>
        Assert.True(json.Contains(expected, StringComparison.Ordinal), $"The JSON does not contain {JsonSerializer.Serialize(expected)}.");

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static IEnumerable<string> Ids(JsonElement root, string list) =>
        root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetString()!);

    private static string[] Array(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static IEnumerable<string> Strings(JsonElement element, params string[] names) =>
        names.Select(n => element.GetProperty(n)).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}

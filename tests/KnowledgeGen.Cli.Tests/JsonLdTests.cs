using System.Text.Json;
using KnowledgeGen.Cli.Export;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>
/// The JSON-LD export follows the structural rules of JSON-LD 1.1 that matter to a consumer (no JSON-LD
/// library is available here to expand it): it is JSON; it has an @context with the schema.org vocabulary;
/// every node object has an @id and an @type; every reference is an {"@id"} object that resolves to a node
/// of the graph; every property is a JSON-LD keyword, a schema.org term the export means to use, or a
/// compact IRI whose prefix the context defines.
/// </summary>
public class JsonLdTests
{
    private static readonly KnowledgePack Pack = global::Panjshir2021.Pack.Instance;

    // The schema.org properties and types the export uses (checked against https://schema.org by hand).
    private static readonly HashSet<string> SchemaProperties = new()
    {
        "name", "alternateName", "identifier", "description", "version", "genre", "publisher", "author", "inLanguage",
        "datePublished", "url", "isBasedOn", "jobTitle", "additionalType", "containedInPlace", "text", "about",
        "appearance", "temporalCoverage", "value", "minValue", "maxValue", "unitText",
    };

    private static readonly HashSet<string> SchemaTypes = new()
    {
        "Dataset", "NewsArticle", "SocialMediaPosting", "AudioObject", "VideoObject", "CreativeWork", "Person",
        "Organization", "NewsMediaOrganization", "Country", "AdministrativeArea", "City", "RiverBodyOfWater", "Mountain", "Place", "Claim",
        "QuantitativeValue",
    };

    private static readonly JsonDocument Document = JsonDocument.Parse(ExportJsonLd.ToJson(Pack));

    [Fact]
    public void The_context_maps_the_schema_org_vocabulary_and_the_kg_prefix()
    {
        var context = Document.RootElement.GetProperty("@context");
        Assert.Equal("https://schema.org/", context.GetProperty("@vocab").GetString());
        Assert.Equal(ExportJsonLd.Vocabulary, context.GetProperty("kg").GetString());
        Assert.Equal(new[] { "@context", "@graph" }, Document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_node_has_an_id_and_a_known_type_and_every_reference_resolves()
    {
        var nodes = new List<JsonElement>();
        var references = new List<string>();
        foreach (var node in Document.RootElement.GetProperty("@graph").EnumerateArray())
            Collect(node, nodes, references);
        var ids = nodes.Select(n => n.GetProperty("@id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("urn:knowledgegen:", id));
        Assert.All(references, r => Assert.Contains(r, ids));
        Assert.Equal(1 + Pack.Sources.Count + Pack.Actors.Count + Pack.Places.Count + Pack.Claims.Count + Pack.Claims.Sum(c => c.Citations.Count)
            + Pack.Claims.Count(c => c.Quantity is not null), nodes.Count);
    }

    [Fact]
    public void Claims_have_author_appearance_and_about()
    {
        var claims = Document.RootElement.GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").GetString() == "Claim").ToList();
        Assert.Equal(Pack.Claims.Count, claims.Count);
        foreach (var claim in claims)
        {
            Assert.True(claim.TryGetProperty("author", out _));
            Assert.True(claim.TryGetProperty("appearance", out _));
            Assert.True(claim.TryGetProperty("text", out _));
        }
        Assert.Contains(claims, c => c.TryGetProperty("about", out _));
    }

    // A date is written at its precision, and its precision beside it: without it an approximate date (most of the
    // Panjshir reports' publication dates) would read as exact. Both exports say the same of every dated entity.
    [Fact]
    public void Every_date_carries_its_precision_as_the_JSON_export_writes_it()
    {
        using var json = JsonDocument.Parse(ExportJson.ToJson(Pack));
        var nodes = Document.RootElement.GetProperty("@graph").EnumerateArray().ToDictionary(n => n.GetProperty("identifier").GetString()!);
        var dated = 0;
        foreach (var (list, field, dateProperty) in new[] { ("sources", "published", "datePublished"), ("claims", "date", "temporalCoverage") })
            foreach (var entity in json.RootElement.GetProperty(list).EnumerateArray())
            {
                var node = nodes[entity.GetProperty("id").GetString()!];
                var date = entity.GetProperty(field);
                if (date.ValueKind == JsonValueKind.Null)
                {
                    Assert.False(node.TryGetProperty(dateProperty, out _));
                    Assert.False(node.TryGetProperty("kg:datePrecision", out _));
                    continue;
                }
                dated++;
                Assert.Equal(date.GetProperty("date").GetString(), node.GetProperty(dateProperty).GetString());
                Assert.Equal(date.GetProperty("precision").GetString(), node.GetProperty("kg:datePrecision").GetString());
            }
        Assert.Equal(Pack.Sources.Count(s => s.Published is not null) + Pack.Claims.Count(c => c.Date is not null), dated);
        Assert.Contains(Pack.Sources, s => s.Published?.Precision == DatePrecision.Approximate);
    }

    // A quantity is numbers, as the JSON export writes it, not its display text: a QuantitativeValue node with value (one
    // number) or minValue and maxValue (a range), unitText, and kg:approximate when the documents say "about".
    [Fact]
    public void Every_quantity_is_a_QuantitativeValue_with_the_numbers_of_the_JSON_export()
    {
        using var json = JsonDocument.Parse(ExportJson.ToJson(Pack));
        var nodes = Document.RootElement.GetProperty("@graph").EnumerateArray().ToDictionary(n => n.GetProperty("identifier").GetString()!);
        var quantities = 0;
        foreach (var claim in json.RootElement.GetProperty("claims").EnumerateArray())
        {
            var node = nodes[claim.GetProperty("id").GetString()!];
            var quantity = claim.GetProperty("quantity");
            if (quantity.ValueKind == JsonValueKind.Null)
            {
                Assert.False(node.TryGetProperty("kg:quantity", out _));
                continue;
            }
            quantities++;
            var value = node.GetProperty("kg:quantity");
            Assert.Equal(node.GetProperty("@id").GetString() + ":quantity", value.GetProperty("@id").GetString());
            Assert.Equal("QuantitativeValue", value.GetProperty("@type").GetString());
            var (min, max) = (quantity.GetProperty("min").GetDecimal(), quantity.GetProperty("max").GetDecimal());
            if (min == max)
            {
                Assert.Equal(min, value.GetProperty("value").GetDecimal());
                Assert.False(value.TryGetProperty("minValue", out _) || value.TryGetProperty("maxValue", out _));
            }
            else
            {
                Assert.Equal((min, max), (value.GetProperty("minValue").GetDecimal(), value.GetProperty("maxValue").GetDecimal()));
                Assert.False(value.TryGetProperty("value", out _));
            }
            Assert.Equal(quantity.GetProperty("unit").GetString(), value.GetProperty("unitText").GetString());
            Assert.Equal(quantity.GetProperty("approximate").GetBoolean(), value.TryGetProperty("kg:approximate", out var approximate) && approximate.GetBoolean());
        }
        Assert.Equal(Pack.Claims.Count(c => c.Quantity is not null), quantities);
        // Both forms and both kinds are there to check.
        Assert.Contains(Pack.Claims, c => c.Quantity is { IsRange: true });
        Assert.Contains(Pack.Claims, c => c.Quantity is { Approximate: true });
    }

    [Fact]
    public void A_quantity_is_written_field_by_field()
    {
        var document = JsonDocument.Parse(ExportJsonLd.ToJson(new QuantityPack(
            new Quantity(40m, 40m, "fighters killed"), new Quantity(7m, 8.5m, "days", Approximate: true), new Quantity(3m, 3m, ""))));
        var written = document.RootElement.GetProperty("@graph").EnumerateArray()
            .Where(n => n.GetProperty("@type").GetString() == "Claim").Select(n => n.GetProperty("kg:quantity"))
            .Select(q => string.Join(", ", q.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetRawText()}"))).ToList();
        Assert.Equal(new[]
        {
            "@id=\"urn:knowledgegen:Quantities:q1:quantity\", @type=\"QuantitativeValue\", value=40, unitText=\"fighters killed\"",
            "@id=\"urn:knowledgegen:Quantities:q2:quantity\", @type=\"QuantitativeValue\", minValue=7, maxValue=8.5, unitText=\"days\", kg:approximate=true",
            "@id=\"urn:knowledgegen:Quantities:q3:quantity\", @type=\"QuantitativeValue\", value=3",
        }, written);
    }

    // A pack of one claim per quantity given.
    private sealed class QuantityPack : KnowledgePack
    {
        public QuantityPack(params Quantity[] quantities)
        {
            var source = new Source("note", "A note", Array.Empty<string>(), null, SourceKind.Other, null, null, null, null, null, null, null, null);
            var actor = new Actor("clerk", "The clerk", Array.Empty<string>(), null, ActorKind.Person, false, null, Array.Empty<Role>());
            Sources = new[] { source };
            Actors = new[] { actor };
            Claims = quantities.Select((quantity, i) => new Claim($"q{i + 1}", $"q{i + 1}", Array.Empty<string>(), null, $"Counted {quantity}.",
                () => actor, null, null, ClaimStatus.Reported, quantity, new[] { new Citation(() => source, "counted") }, null, null, null)).ToArray();
        }

        public override string Name => "Quantities";
        public override string Namespace => "Quantities";
        public override string Title => "Quantities";
        public override string Version => "1.0.0";
        public override string? Description => null;
        public override IReadOnlyList<Source> Sources { get; }
        public override IReadOnlyList<Actor> Actors { get; }
        public override IReadOnlyList<Place> Places { get; } = Array.Empty<Place>();
        public override IReadOnlyList<Claim> Claims { get; }
    }

    // A node object: every property is a keyword, a known schema.org term or kg:-prefixed; every
    // object value is either a reference ({"@id"} alone) or an embedded node.
    private static void Collect(JsonElement node, List<JsonElement> nodes, List<string> references)
    {
        Assert.Equal(JsonValueKind.Object, node.ValueKind);
        Assert.True(node.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String, "node without @id: " + node);
        Assert.True(node.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String, "node without @type: " + node);
        var typeName = type.GetString()!;
        Assert.True(SchemaTypes.Contains(typeName) || typeName.StartsWith("kg:", StringComparison.Ordinal), "unknown type " + typeName);
        nodes.Add(node);
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name is "@id" or "@type")
                continue;
            Assert.True(SchemaProperties.Contains(property.Name) || property.Name.StartsWith("kg:", StringComparison.Ordinal), "undefined term " + property.Name);
            var values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : new List<JsonElement> { property.Value };
            foreach (var value in values)
            {
                Assert.NotEqual(JsonValueKind.Null, value.ValueKind);
                if (value.ValueKind != JsonValueKind.Object)
                    continue;
                if (value.EnumerateObject().Count() == 1 && value.TryGetProperty("@id", out var reference))
                    references.Add(reference.GetString()!);
                else
                    Collect(value, nodes, references);
            }
        }
    }
}

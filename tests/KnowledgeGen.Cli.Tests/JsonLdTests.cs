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
        "appearance", "temporalCoverage",
    };

    private static readonly HashSet<string> SchemaTypes = new()
    {
        "Dataset", "NewsArticle", "SocialMediaPosting", "AudioObject", "VideoObject", "CreativeWork", "Person",
        "Organization", "NewsMediaOrganization", "Country", "AdministrativeArea", "City", "RiverBodyOfWater", "Mountain", "Place", "Claim",
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
        Assert.Equal(1 + Pack.Sources.Count + Pack.Actors.Count + Pack.Places.Count + Pack.Claims.Count + Pack.Claims.Sum(c => c.Citations.Count), nodes.Count);
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

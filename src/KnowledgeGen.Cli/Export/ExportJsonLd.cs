using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace KnowledgeGen.Cli.Export;

/// <summary>
/// Writes a pack as JSON-LD with the schema.org vocabulary: one <c>@graph</c> of node objects, each with an
/// <c>@id</c> (<c>urn:knowledgegen:&lt;pack&gt;:&lt;id&gt;</c>) and an <c>@type</c>. Actors are Person or
/// Organization (media: NewsMediaOrganization), places Country, AdministrativeArea, City or Place with
/// <c>containedInPlace</c>, sources NewsArticle, SocialMediaPosting, AudioObject, VideoObject or CreativeWork,
/// and claims schema:Claim with <c>author</c> (the claimant), <c>appearance</c> (the sources carrying it) and
/// <c>about</c>. Facts schema.org has no property for (status, contradictions, support, quotes) use the
/// <c>kg:</c> prefix the context defines. References are always <c>{"@id": …}</c> objects; each citation is a <c>kg:Citation</c> node of its own
/// (<c>…:&lt;claim&gt;:citation-1</c>).
/// </summary>
public static class ExportJsonLd
{
    /// <summary>The IRI the <c>kg:</c> prefix stands for.</summary>
    public const string Vocabulary = "urn:knowledgegen:vocab:";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JsonTextEncoder.Instance };

    /// <summary>Writes <paramref name="pack"/> to <paramref name="stream"/> as UTF-8 JSON-LD, ending with a newline.</summary>
    public static void Write(KnowledgePack pack, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            json.WriteString("@vocab", "https://schema.org/");
            json.WriteString("kg", Vocabulary);
            json.WriteEndObject();
            json.WriteStartArray("@graph");
            WriteDataset(json, pack);
            foreach (var source in pack.Sources)
                WriteSource(json, pack, source);
            foreach (var actor in pack.Actors)
                WriteActor(json, pack, actor);
            foreach (var place in pack.Places)
                WritePlace(json, pack, place);
            foreach (var claim in pack.Claims)
                WriteClaim(json, pack, claim);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The JSON-LD of <paramref name="pack"/> as a string.</summary>
    public static string ToJson(KnowledgePack pack)
    {
        using var stream = new MemoryStream();
        Write(pack, stream);
        return new UTF8Encoding(false).GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The node id of an entity: <c>urn:knowledgegen:panjshir-2021:fahim-dashti</c>.</summary>
    public static string Id(KnowledgePack pack, Entity entity) => PackId(pack) + ":" + entity.Id;

    private static string PackId(KnowledgePack pack) => "urn:knowledgegen:" + pack.Name;

    private static void WriteDataset(Utf8JsonWriter json, KnowledgePack pack)
    {
        json.WriteStartObject();
        json.WriteString("@id", PackId(pack));
        json.WriteString("@type", "Dataset");
        json.WriteString("name", pack.Title);
        json.WriteString("identifier", pack.Name);
        json.WriteString("version", pack.Version);
        if (pack.Description is not null)
            json.WriteString("description", pack.Description);
        json.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter json, KnowledgePack pack, Entity entity, string type)
    {
        json.WriteStartObject();
        json.WriteString("@id", Id(pack, entity));
        json.WriteString("@type", type);
        json.WriteString("identifier", entity.Id);
        json.WriteString("name", entity.Name);
        if (entity.Aliases.Count > 0)
        {
            json.WriteStartArray("alternateName");
            foreach (var alias in entity.Aliases)
                json.WriteStringValue(alias);
            json.WriteEndArray();
        }
    }

    private static void End(Utf8JsonWriter json, Entity entity)
    {
        if (entity.Note is not null)
            json.WriteString("kg:note", entity.Note);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, KnowledgePack pack, Source source)
    {
        Start(json, pack, source, source.Kind switch
        {
            SourceKind.NewsReport => "NewsArticle",
            SourceKind.SocialMediaPost => "SocialMediaPosting",
            SourceKind.AudioMessage => "AudioObject",
            SourceKind.VideoMessage => "VideoObject",
            _ => "CreativeWork",
        });
        json.WriteString("genre", YamlNames.Of(source.Kind));
        json.WriteReference(pack, "publisher", source.Outlet);
        json.WriteReference(pack, "author", source.Author);
        if (source.Language is not null)
            json.WriteString("inLanguage", source.Language);
        if (source.Published is { } published)
            json.WriteString("datePublished", IsoDate(published));
        if (source.Url is not null)
            json.WriteString("url", source.Url);
        json.WriteReferences(pack, "isBasedOn", source.Relays);
        End(json, source);
    }

    private static void WriteActor(Utf8JsonWriter json, KnowledgePack pack, Actor actor)
    {
        Start(json, pack, actor, actor.Kind switch
        {
            ActorKind.Person => "Person",
            ActorKind.Media => "NewsMediaOrganization",
            _ => "Organization",
        });
        if (actor.Description is not null)
            json.WriteString("description", actor.Description);
        if (actor.Roles.Count > 0)
        {
            json.WriteStartArray(actor.Kind == ActorKind.Person ? "jobTitle" : "kg:role");
            foreach (var role in actor.Roles)
                json.WriteStringValue(role.ToString());
            json.WriteEndArray();
        }
        if (actor.Anonymous)
            json.WriteBoolean("kg:anonymous", true);
        End(json, actor);
    }

    private static void WritePlace(Utf8JsonWriter json, KnowledgePack pack, Place place)
    {
        Start(json, pack, place, place.Kind switch
        {
            PlaceKind.Country => "Country",
            PlaceKind.Province or PlaceKind.District => "AdministrativeArea",
            PlaceKind.City => "City",
            PlaceKind.River => "RiverBodyOfWater",
            PlaceKind.MountainRange => "Mountain",
            _ => "Place",
        });
        json.WriteString("additionalType", YamlNames.Of(place.Kind));
        json.WriteReference(pack, "containedInPlace", place.In);
        End(json, place);
    }

    private static void WriteClaim(Utf8JsonWriter json, KnowledgePack pack, Claim claim)
    {
        Start(json, pack, claim, "Claim");
        json.WriteString("text", claim.Statement);
        json.WriteReference(pack, "author", claim.Claimant);
        json.WriteReferences(pack, "about", claim.About);
        var appearances = new List<Source>();
        foreach (var citation in claim.Citations)
            foreach (var source in citation.Via is null ? new[] { citation.Source } : new[] { citation.Source, citation.Via })
                if (!appearances.Contains(source))
                    appearances.Add(source);
        json.WriteReferences(pack, "appearance", appearances);
        if (claim.Date is { } date)
        {
            json.WriteString("temporalCoverage", IsoDate(date));
            json.WriteString("kg:datePrecision", YamlNames.Of(date.Precision));
        }
        json.WriteString("kg:status", YamlNames.Of(claim.Status));
        if (claim.Quantity is { } quantity)
            json.WriteString("kg:quantity", quantity.ToString());
        if (claim.Citations.Count > 0)
        {
            json.WriteStartArray("kg:citation");
            var number = 0;
            foreach (var citation in claim.Citations)
            {
                json.WriteStartObject();
                json.WriteString("@id", $"{Id(pack, claim)}:citation-{++number}");
                json.WriteString("@type", "kg:Citation");
                json.WriteReference(pack, "kg:source", citation.Source);
                json.WriteReference(pack, "kg:via", citation.Via);
                json.WriteString("kg:quote", citation.Quote);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        var corroboration = pack.Indexes.Corroboration(claim);
        json.WriteNumber("kg:independentOrigins", corroboration.IndependentOrigins);
        json.WriteReferences(pack, "kg:contradicts", claim.Contradicts);
        json.WriteReferences(pack, "kg:supports", claim.Supports);
        End(json, claim);
    }

    // ISO 8601 at the date's precision; an approximate date is written as its day (its precision says it is approximate).
    private static string IsoDate(FactDate date) => date.Precision switch
    {
        DatePrecision.Year => date.Date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => date.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static void WriteReference(this Utf8JsonWriter json, KnowledgePack pack, string name, Entity? entity)
    {
        if (entity is null)
            return;
        json.WriteStartObject(name);
        json.WriteString("@id", Id(pack, entity));
        json.WriteEndObject();
    }

    private static void WriteReferences(this Utf8JsonWriter json, KnowledgePack pack, string name, IEnumerable<Entity> entities)
    {
        var list = entities.ToList();
        if (list.Count == 0)
            return;
        json.WriteStartArray(name);
        foreach (var entity in list)
        {
            json.WriteStartObject();
            json.WriteString("@id", Id(pack, entity));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace KnowledgeGen.Cli.Export;

/// <summary>
/// Writes a whole pack as JSON, in the pack's order: a <c>pack</c> object and the arrays <c>sources</c>,
/// <c>actors</c>, <c>places</c> and <c>claims</c>. Every field is present on every entity (null or empty
/// when the YAML leaves it out); references are ids; enum values are kebab-case as in the YAML; a date is
/// <c>{ "date": "2021-09", "precision": "month" }</c> written at its precision; a quantity is always
/// <c>{ "min", "max", "unit", "approximate" }</c>, with <c>min == max</c> for a single value. A pack that refers to
/// entities of other packs gets one more array, <c>referencedPacks</c>: for each of those packs, its <c>pack</c> object
/// and the entities referred to, so that every reference names an entity of the export (<see cref="ReferencedPacks"/>).
/// docs/cli.md describes the shape.
/// </summary>
public static class ExportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JsonTextEncoder.Instance };

    /// <summary>Writes <paramref name="pack"/> to <paramref name="stream"/> as UTF-8 JSON, ending with a newline.</summary>
    public static void Write(KnowledgePack pack, Stream stream)
    {
        var references = ReferencedPacks.Of(pack);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            WritePack(json, pack);
            WriteLists(json, references, pack.Sources, pack.Actors, pack.Places, pack.Claims);
            // Only a pack that refers to another pack's entities has the array, so a pack on its own exports as it always did.
            if (references.Groups.Count > 0)
            {
                json.WriteStartArray("referencedPacks");
                foreach (var group in references.Groups)
                {
                    json.WriteStartObject();
                    if (group.Pack is null)
                        json.WriteNull("pack");
                    else
                        WritePack(json, group.Pack);
                    WriteLists(json, references, group.Sources, group.Actors, group.Places, group.Claims);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The JSON of <paramref name="pack"/> as a string.</summary>
    public static string ToJson(KnowledgePack pack)
    {
        using var stream = new MemoryStream();
        Write(pack, stream);
        return new UTF8Encoding(false).GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WritePack(Utf8JsonWriter json, KnowledgePack pack)
    {
        json.WriteStartObject("pack");
        json.WriteString("name", pack.Name);
        json.WriteString("namespace", pack.Namespace);
        json.WriteString("title", pack.Title);
        json.WriteString("version", pack.Version);
        json.WriteString("description", pack.Description);
        json.WriteEndObject();
    }

    private static void WriteLists(Utf8JsonWriter json, ReferencedPacks references,
        IReadOnlyList<Source> sources, IReadOnlyList<Actor> actors, IReadOnlyList<Place> places, IReadOnlyList<Claim> claims)
    {
        WriteList(json, references, "sources", sources, WriteSource);
        WriteList(json, references, "actors", actors, WriteActor);
        WriteList(json, references, "places", places, WritePlace);
        WriteList(json, references, "claims", claims, WriteClaim);
    }

    private static void WriteList<T>(Utf8JsonWriter json, ReferencedPacks references, string name, IReadOnlyList<T> entities,
        System.Action<Utf8JsonWriter, ReferencedPacks, T> write)
        where T : Entity
    {
        json.WriteStartArray(name);
        foreach (var entity in entities)
        {
            json.WriteStartObject();
            json.WriteString("id", entity.Id);
            json.WriteString("name", entity.Name);
            WriteStrings(json, "aliases", entity.Aliases);
            write(json, references, entity);
            json.WriteString("note", entity.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter json, ReferencedPacks references, Source source)
    {
        json.WriteString("kind", YamlNames.Of(source.Kind));
        WriteReference(json, references, "outlet", source.Outlet);
        WriteReference(json, references, "author", source.Author);
        json.WriteString("language", source.Language);
        json.WriteString("translatedFrom", source.TranslatedFrom);
        WriteDate(json, "published", source.Published);
        json.WriteString("document", source.Document);
        json.WriteString("url", source.Url);
        WriteReferences(json, references, "relays", source.Relays);
    }

    private static void WriteActor(Utf8JsonWriter json, ReferencedPacks references, Actor actor)
    {
        json.WriteString("kind", YamlNames.Of(actor.Kind));
        json.WriteBoolean("anonymous", actor.Anonymous);
        json.WriteString("description", actor.Description);
        json.WriteStartArray("roles");
        foreach (var role in actor.Roles)
        {
            json.WriteStartObject();
            json.WriteString("title", role.Title);
            WriteReference(json, references, "of", role.Of);
            json.WriteBoolean("former", role.Former);
            json.WriteString("note", role.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePlace(Utf8JsonWriter json, ReferencedPacks references, Place place)
    {
        json.WriteString("kind", YamlNames.Of(place.Kind));
        WriteReference(json, references, "in", place.In);
    }

    private static void WriteClaim(Utf8JsonWriter json, ReferencedPacks references, Claim claim)
    {
        json.WriteString("statement", claim.Statement);
        WriteReference(json, references, "claimant", claim.Claimant);
        WriteReferences(json, references, "about", claim.About);
        WriteDate(json, "date", claim.Date);
        json.WriteString("status", YamlNames.Of(claim.Status));
        WriteQuantity(json, claim.Quantity);
        json.WriteStartArray("citations");
        foreach (var citation in claim.Citations)
        {
            json.WriteStartObject();
            WriteReference(json, references, "source", citation.Source);
            json.WriteString("quote", citation.Quote);
            WriteReference(json, references, "via", citation.Via);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteReferences(json, references, "contradicts", claim.Contradicts);
        WriteReferences(json, references, "supports", claim.Supports);
    }

    private static void WriteQuantity(Utf8JsonWriter json, Quantity? quantity)
    {
        if (quantity is not { } q)
        {
            json.WriteNull("quantity");
            return;
        }
        json.WriteStartObject("quantity");
        json.WriteNumber("min", q.Min);
        json.WriteNumber("max", q.Max);
        json.WriteString("unit", q.Unit);
        json.WriteBoolean("approximate", q.Approximate);
        json.WriteEndObject();
    }

    /// <summary>A date as the YAML writes it at its precision: <c>2021-09-02</c>, <c>2021-09</c> or <c>2021</c>.</summary>
    private static void WriteDate(Utf8JsonWriter json, string name, FactDate? date)
    {
        if (date is not { } d)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("date", DateText(d));
        json.WriteString("precision", YamlNames.Of(d.Precision));
        json.WriteEndObject();
    }

    /// <summary>
    /// ISO 8601 at the date's precision, as both exports write a date: <c>2021-09-02</c>, <c>2021-09</c> or <c>2021</c>; an
    /// approximate date is written as its day, and only its precision says it is approximate.
    /// </summary>
    internal static string DateText(FactDate date) => date.Precision switch
    {
        DatePrecision.Year => date.Date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => date.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    // A reference is the id of an entity of the export (ReferencedPacks.Key: "<pack>:<id>" for another pack's entity
    // whose id the export holds twice).
    private static void WriteReference(Utf8JsonWriter json, ReferencedPacks references, string name, Entity? entity) =>
        json.WriteString(name, entity is null ? null : references.Key(entity));

    private static void WriteReferences(Utf8JsonWriter json, ReferencedPacks references, string name, IEnumerable<Entity> entities)
    {
        json.WriteStartArray(name);
        foreach (var entity in entities)
            json.WriteStringValue(references.Key(entity));
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}

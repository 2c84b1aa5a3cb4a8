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
/// <c>{ "min", "max", "unit", "approximate" }</c>, with <c>min == max</c> for a single value.
/// docs/cli.md describes the shape.
/// </summary>
public static class ExportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JsonTextEncoder.Instance };

    /// <summary>Writes <paramref name="pack"/> to <paramref name="stream"/> as UTF-8 JSON, ending with a newline.</summary>
    public static void Write(KnowledgePack pack, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            WritePack(json, pack);
            WriteList(json, "sources", pack.Sources, WriteSource);
            WriteList(json, "actors", pack.Actors, WriteActor);
            WriteList(json, "places", pack.Places, WritePlace);
            WriteList(json, "claims", pack.Claims, WriteClaim);
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

    private static void WriteList<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> entities, System.Action<Utf8JsonWriter, T> write)
        where T : Entity
    {
        json.WriteStartArray(name);
        foreach (var entity in entities)
        {
            json.WriteStartObject();
            json.WriteString("id", entity.Id);
            json.WriteString("name", entity.Name);
            WriteStrings(json, "aliases", entity.Aliases);
            write(json, entity);
            json.WriteString("note", entity.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter json, Source source)
    {
        json.WriteString("kind", YamlNames.Of(source.Kind));
        json.WriteString("outlet", source.Outlet?.Id);
        json.WriteString("author", source.Author?.Id);
        json.WriteString("language", source.Language);
        json.WriteString("translatedFrom", source.TranslatedFrom);
        WriteDate(json, "published", source.Published);
        json.WriteString("document", source.Document);
        json.WriteString("url", source.Url);
        WriteIds(json, "relays", source.Relays);
    }

    private static void WriteActor(Utf8JsonWriter json, Actor actor)
    {
        json.WriteString("kind", YamlNames.Of(actor.Kind));
        json.WriteBoolean("anonymous", actor.Anonymous);
        json.WriteString("description", actor.Description);
        json.WriteStartArray("roles");
        foreach (var role in actor.Roles)
        {
            json.WriteStartObject();
            json.WriteString("title", role.Title);
            json.WriteString("of", role.Of?.Id);
            json.WriteBoolean("former", role.Former);
            json.WriteString("note", role.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePlace(Utf8JsonWriter json, Place place)
    {
        json.WriteString("kind", YamlNames.Of(place.Kind));
        json.WriteString("in", place.In?.Id);
    }

    private static void WriteClaim(Utf8JsonWriter json, Claim claim)
    {
        json.WriteString("statement", claim.Statement);
        json.WriteString("claimant", claim.Claimant.Id);
        WriteIds(json, "about", claim.About);
        WriteDate(json, "date", claim.Date);
        json.WriteString("status", YamlNames.Of(claim.Status));
        WriteQuantity(json, claim.Quantity);
        json.WriteStartArray("citations");
        foreach (var citation in claim.Citations)
        {
            json.WriteStartObject();
            json.WriteString("source", citation.Source.Id);
            json.WriteString("quote", citation.Quote);
            json.WriteString("via", citation.Via?.Id);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteIds(json, "contradicts", claim.Contradicts);
        WriteIds(json, "supports", claim.Supports);
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
        json.WriteString("date", d.Precision switch
        {
            DatePrecision.Year => d.Date.ToString("yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => d.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        json.WriteString("precision", YamlNames.Of(d.Precision));
        json.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<Entity> entities)
    {
        json.WriteStartArray(name);
        foreach (var entity in entities)
            json.WriteStringValue(entity.Id);
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

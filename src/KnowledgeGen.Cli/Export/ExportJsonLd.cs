using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
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
/// (<c>…:&lt;claim&gt;:citation-1</c>), and a claim's quantity a <c>QuantitativeValue</c> node (<c>…:&lt;claim&gt;:quantity</c>). The entities of other packs the pack refers to (<see cref="ReferencedPacks"/>) are
/// nodes of the graph too, after a Dataset node for their pack, with their own pack's name in their <c>@id</c>.
/// </summary>
public static class ExportJsonLd
{
    /// <summary>The IRI the <c>kg:</c> prefix stands for.</summary>
    public const string Vocabulary = "urn:knowledgegen:vocab:";

    /// <summary>What every <c>@id</c> of a pack's node begins with: <c>urn:knowledgegen:&lt;pack&gt;</c>.</summary>
    public const string IdPrefix = "urn:knowledgegen:";

    /// <summary>What the <c>@id</c> of an entity no reachable pack holds begins with: a blank node, <c>_:&lt;id&gt;</c>.</summary>
    public const string BlankNodePrefix = "_:";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JsonTextEncoder.Instance };

    /// <summary>Writes <paramref name="pack"/> to <paramref name="stream"/> as UTF-8 JSON-LD, ending with a newline.</summary>
    public static void Write(KnowledgePack pack, Stream stream)
    {
        var nodes = NodeIds.Of(pack);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            json.WriteString("@vocab", "https://schema.org/");
            json.WriteString("kg", Vocabulary);
            json.WriteEndObject();
            json.WriteStartArray("@graph");
            WriteDataset(json, pack);
            WriteEntities(json, nodes, pack.Sources, pack.Actors, pack.Places, pack.Claims);
            foreach (var group in nodes.References.Groups)
            {
                if (group.Pack is not null)
                    WriteDataset(json, group.Pack);
                WriteEntities(json, nodes, group.Sources, group.Actors, group.Places, group.Claims);
            }
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

    /// <summary>The node id of an entity of <paramref name="pack"/>: <c>urn:knowledgegen:Panjshir2021:fahim-dashti</c>.</summary>
    public static string Id(KnowledgePack pack, Entity entity) => DatasetId(pack) + ":" + entity.Id;

    /// <summary>The <c>@id</c> of the Dataset node of <paramref name="pack"/>, which names the pack itself: <c>urn:knowledgegen:Panjshir2021</c>.</summary>
    public static string DatasetId(KnowledgePack pack) => IdPrefix + pack.Name;

    /// <summary>
    /// The entity whose node the export writes with the <c>@id</c> <paramref name="nodeId"/>, compared exactly: one of the
    /// pack's own or of a pack it refers to. Null for any other text, such as the <c>@id</c> of a Dataset, a citation or a quantity (<see cref="ClaimPartOf"/>).
    /// </summary>
    public static Entity? EntityOf(KnowledgePack pack, string nodeId) => NodeIds.Of(pack).EntityOf(nodeId);

    /// <summary>Every entity node of the export, in the export's order, with its <c>@id</c>.</summary>
    public static IReadOnlyList<(string Id, Entity Entity)> EntityNodes(KnowledgePack pack) => NodeIds.Of(pack).Nodes;

    /// <summary>
    /// The node the export writes with the <c>@id</c> <paramref name="nodeId"/> inside a claim's node, compared exactly: one of
    /// its citations (<c>…:&lt;claim&gt;:citation-1</c>) or its quantity (<c>…:&lt;claim&gt;:quantity</c>); null for any other text.
    /// </summary>
    public static ClaimPart? ClaimPartOf(KnowledgePack pack, string nodeId) => NodeIds.Of(pack).PartOf(nodeId);

    /// <summary>Every node the export writes inside a claim's node (its quantity, its citations), in the export's order.</summary>
    public static IReadOnlyList<ClaimPart> ClaimParts(KnowledgePack pack) => NodeIds.Of(pack).Parts;

    /// <summary>
    /// A node the export writes inside a claim's node, with its <c>@id</c>: the claim's quantity (<see cref="Citation"/> null), or
    /// one of its citations, <see cref="Number"/> counting them from 1 as the <c>@id</c> does.
    /// </summary>
    public sealed record ClaimPart(string Id, Claim Claim, Citation? Citation, int Number);

    // The @ids of the nodes inside a claim's node, named after it.
    private static string QuantityId(string claimId) => claimId + ":quantity";

    private static string CitationId(string claimId, int number) => $"{claimId}:citation-{number}";

    // The @id of every node the export writes: the pack's own entities under the pack's name, the entities of the packs
    // it refers to under their own pack's name, and an entity no reachable pack holds as a blank node (_:<id>). Should
    // two of them come out alike, the later gets #2, #3 … so that every reference names one node.
    private sealed class NodeIds
    {
        private readonly Dictionary<Entity, string> _ids = new(ReferenceEqualityComparer.Instance);
        private readonly List<(string Id, Entity Entity)> _nodes = new();
        private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
        private readonly List<ClaimPart> _parts = new();
        private readonly Dictionary<string, ClaimPart> _partsById = new(StringComparer.Ordinal);

        // A pack's entities do not change, so their @ids are worked out once for the export and for who, which looks them up.
        private static readonly ConditionalWeakTable<KnowledgePack, NodeIds> Found = new();

        public static NodeIds Of(KnowledgePack pack) => Found.GetValue(pack, p => new NodeIds(p));

        private NodeIds(KnowledgePack pack)
        {
            Pack = pack;
            References = ReferencedPacks.Of(pack);
            foreach (var entity in pack.Entities)
                if (!_ids.ContainsKey(entity))
                    Add(entity, Id(pack, entity));
            if (References.Groups.Count > 0)
            {
                var used = new HashSet<string>(_ids.Values, StringComparer.Ordinal);
                foreach (var group in References.Groups)
                    foreach (var entity in group.Entities)
                        Add(entity, ReferencedPacks.Unique(group.Pack is null ? BlankNodePrefix + entity.Id : Id(group.Pack, entity), used));
            }
            // The nodes a claim's node holds, named as WriteClaim names them.
            foreach (var (id, entity) in _nodes)
            {
                if (entity is not Claim claim)
                    continue;
                if (claim.Quantity is not null)
                    AddPart(new ClaimPart(QuantityId(id), claim, null, 0));
                for (var i = 0; i < claim.Citations.Count; i++)
                    AddPart(new ClaimPart(CitationId(id, i + 1), claim, claim.Citations[i], i + 1));
            }
        }

        private void AddPart(ClaimPart part)
        {
            _parts.Add(part);
            _partsById.TryAdd(part.Id, part);
        }

        private void Add(Entity entity, string id)
        {
            _ids[entity] = id;
            _nodes.Add((id, entity));
            _entities.TryAdd(id, entity);
        }

        public KnowledgePack Pack { get; }

        public ReferencedPacks References { get; }

        public IReadOnlyList<(string Id, Entity Entity)> Nodes => _nodes;

        public string Of(Entity entity) => _ids.TryGetValue(entity, out var id) ? id : Id(Pack, entity);

        public Entity? EntityOf(string id) => _entities.TryGetValue(id, out var entity) ? entity : null;

        public IReadOnlyList<ClaimPart> Parts => _parts;

        public ClaimPart? PartOf(string id) => _partsById.TryGetValue(id, out var part) ? part : null;
    }

    private static void WriteEntities(Utf8JsonWriter json, NodeIds nodes,
        IReadOnlyList<Source> sources, IReadOnlyList<Actor> actors, IReadOnlyList<Place> places, IReadOnlyList<Claim> claims)
    {
        foreach (var source in sources)
            WriteSource(json, nodes, source);
        foreach (var actor in actors)
            WriteActor(json, nodes, actor);
        foreach (var place in places)
            WritePlace(json, nodes, place);
        foreach (var claim in claims)
            WriteClaim(json, nodes, claim);
    }

    private static void WriteDataset(Utf8JsonWriter json, KnowledgePack pack)
    {
        json.WriteStartObject();
        json.WriteString("@id", DatasetId(pack));
        json.WriteString("@type", "Dataset");
        json.WriteString("name", pack.Title);
        json.WriteString("identifier", pack.Name);
        json.WriteString("version", pack.Version);
        if (pack.Description is not null)
            json.WriteString("description", pack.Description);
        json.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter json, NodeIds nodes, Entity entity, string type)
    {
        json.WriteStartObject();
        json.WriteString("@id", nodes.Of(entity));
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

    private static void WriteSource(Utf8JsonWriter json, NodeIds nodes, Source source)
    {
        Start(json, nodes, source, source.Kind switch
        {
            SourceKind.NewsReport => "NewsArticle",
            SourceKind.SocialMediaPost => "SocialMediaPosting",
            SourceKind.AudioMessage => "AudioObject",
            SourceKind.VideoMessage => "VideoObject",
            _ => "CreativeWork",
        });
        json.WriteString("genre", YamlNames.Of(source.Kind));
        json.WriteReference(nodes, "publisher", source.Outlet);
        json.WriteReference(nodes, "author", source.Author);
        if (source.Language is not null)
            json.WriteString("inLanguage", source.Language);
        json.WriteDate("datePublished", source.Published);
        if (source.Url is not null)
            json.WriteString("url", source.Url);
        json.WriteReferences(nodes, "isBasedOn", source.Relays);
        End(json, source);
    }

    private static void WriteActor(Utf8JsonWriter json, NodeIds nodes, Actor actor)
    {
        Start(json, nodes, actor, actor.Kind switch
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

    private static void WritePlace(Utf8JsonWriter json, NodeIds nodes, Place place)
    {
        Start(json, nodes, place, place.Kind switch
        {
            PlaceKind.Country => "Country",
            PlaceKind.Province or PlaceKind.District => "AdministrativeArea",
            PlaceKind.City => "City",
            PlaceKind.River => "RiverBodyOfWater",
            PlaceKind.MountainRange => "Mountain",
            _ => "Place",
        });
        json.WriteString("additionalType", YamlNames.Of(place.Kind));
        json.WriteReference(nodes, "containedInPlace", place.In);
        End(json, place);
    }

    private static void WriteClaim(Utf8JsonWriter json, NodeIds nodes, Claim claim)
    {
        Start(json, nodes, claim, "Claim");
        json.WriteString("text", claim.Statement);
        json.WriteReference(nodes, "author", claim.Claimant);
        json.WriteReferences(nodes, "about", claim.About);
        var appearances = new List<Source>();
        foreach (var citation in claim.Citations)
            foreach (var source in citation.Via is null ? new[] { citation.Source } : new[] { citation.Source, citation.Via })
                if (!appearances.Contains(source))
                    appearances.Add(source);
        json.WriteReferences(nodes, "appearance", appearances);
        json.WriteDate("temporalCoverage", claim.Date);
        json.WriteString("kg:status", YamlNames.Of(claim.Status));
        if (claim.Quantity is { } quantity)
            WriteQuantity(json, QuantityId(nodes.Of(claim)), quantity);
        if (claim.Citations.Count > 0)
        {
            json.WriteStartArray("kg:citation");
            var number = 0;
            foreach (var citation in claim.Citations)
            {
                json.WriteStartObject();
                json.WriteString("@id", CitationId(nodes.Of(claim), ++number));
                json.WriteString("@type", "kg:Citation");
                json.WriteReference(nodes, "kg:source", citation.Source);
                json.WriteReference(nodes, "kg:via", citation.Via);
                json.WriteString("kg:quote", citation.Quote);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // The pack's indexes count its own claims; a claim of another pack (only a pack made by hand can refer to one)
        // counts its origins as the indexes do.
        var independentOrigins = nodes.References.IsOwn(claim)
            ? nodes.Pack.Indexes.Corroboration(claim).IndependentOrigins
            : claim.Citations.Select(c => c.Origin).Distinct().Count();
        json.WriteNumber("kg:independentOrigins", independentOrigins);
        json.WriteReferences(nodes, "kg:contradicts", claim.Contradicts);
        json.WriteReferences(nodes, "kg:supports", claim.Supports);
        End(json, claim);
    }

    // A quantity as schema.org's QuantitativeValue, with the numbers the JSON export writes (min, max, unit, approximate)
    // rather than their display text: one value, or a range. schema.org cannot say "about", hence kg:approximate. The node
    // is named after its claim, as a citation is, so that every node of the graph has an @id.
    private static void WriteQuantity(Utf8JsonWriter json, string id, Quantity quantity)
    {
        json.WriteStartObject("kg:quantity");
        json.WriteString("@id", id);
        json.WriteString("@type", "QuantitativeValue");
        if (quantity.IsRange)
        {
            json.WriteNumber("minValue", quantity.Min);
            json.WriteNumber("maxValue", quantity.Max);
        }
        else
            json.WriteNumber("value", quantity.Value);
        // A bare number has no unit; an empty unitText would say nothing.
        if (quantity.Unit.Length > 0)
            json.WriteString("unitText", quantity.Unit);
        if (quantity.Approximate)
            json.WriteBoolean("kg:approximate", true);
        json.WriteEndObject();
    }

    // A date as the JSON export writes it, with its precision beside it: schema.org's date properties take ISO 8601, which
    // cannot say "approximate", and a day alone would read as exact. A node has one date, so kg:datePrecision is its.
    private static void WriteDate(this Utf8JsonWriter json, string name, FactDate? date)
    {
        if (date is not { } d)
            return;
        json.WriteString(name, ExportJson.DateText(d));
        json.WriteString("kg:datePrecision", YamlNames.Of(d.Precision));
    }

    private static void WriteReference(this Utf8JsonWriter json, NodeIds nodes, string name, Entity? entity)
    {
        if (entity is null)
            return;
        json.WriteStartObject(name);
        json.WriteString("@id", nodes.Of(entity));
        json.WriteEndObject();
    }

    private static void WriteReferences(this Utf8JsonWriter json, NodeIds nodes, string name, IEnumerable<Entity> entities)
    {
        var list = entities.ToList();
        if (list.Count == 0)
            return;
        json.WriteStartArray(name);
        foreach (var entity in list)
        {
            json.WriteStartObject();
            json.WriteString("@id", nodes.Of(entity));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

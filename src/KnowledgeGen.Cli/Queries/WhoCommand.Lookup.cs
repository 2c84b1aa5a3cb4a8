using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Cli.Queries;

// How `who` finds what a text names: the pack's own entities, those of the packs it refers to, and the nodes of the
// JSON-LD export by their @id; and the text that names an entity in every command's output (KeyOf).
public static partial class WhoCommand
{
    /// <summary>
    /// The entity known by <paramref name="text"/>: the pack's own, as <see cref="KnowledgePack.Find(string)"/> finds it, else an
    /// entity of another pack the pack refers to, whose id is the text, else whose name is (<see cref="Entity.IsFoundByName"/>), else
    /// whose alias is, as Find takes them, else one named as <c>&lt;pack&gt;:&lt;id, name or alias&gt;</c>, else the one whose JSON-LD <c>@id</c> the text is, else the
    /// claim whose node holds the node (a citation, a quantity) whose <c>@id</c> the text is (<see cref="Lookup"/>).
    /// </summary>
    public static Entity? Find(KnowledgePack pack, string text) => Locate(pack, text).Found ?? ClaimPartByNodeId(pack, text)?.Claim;

    /// <summary>
    /// The entity known by <paramref name="text"/>, as <see cref="Find"/> finds it, and the other entities the text names too
    /// by name or alias (none when it is the found entity's id, which names one entity); and, when the text is the JSON-LD
    /// <c>@id</c> of a citation or a quantity, that node, whose claim is the entity found.
    /// </summary>
    /// <remarks>
    /// A plain text looks in the pack's own entities first, then in those of the packs it refers to. An entity of another pack
    /// whose id the pack also uses cannot be reached so (the pack's own wins), and the JSON export names it
    /// <c>&lt;pack&gt;:&lt;id&gt;</c> (<see cref="ReferencedPacks.Key"/>): when the plain text finds nothing, that key finds it,
    /// as does <c>&lt;pack&gt;:&lt;text&gt;</c> for any entity of a pack the pack refers to (or of the pack itself), the text
    /// after the first ':' being an id, a name or an alias looked up among that pack's entities only. Last, the <c>@id</c> the
    /// JSON-LD export gives an entity's node (<c>urn:knowledgegen:&lt;pack&gt;:&lt;id&gt;</c>, <see cref="ExportJsonLd.EntityOf"/>)
    /// finds that entity, the pack's own or another pack's; and the <c>@id</c> of a node the export writes inside a claim's
    /// node (<c>…:&lt;claim&gt;:citation-1</c>, <c>…:&lt;claim&gt;:quantity</c>, <see cref="ExportJsonLd.ClaimPartOf"/>) finds
    /// that claim.
    /// </remarks>
    public static (Entity? Found, IReadOnlyList<Entity> Others, ExportJsonLd.ClaimPart? Part) Lookup(KnowledgePack pack, string text)
    {
        var (found, among, named) = Locate(pack, text);
        if (found is null && ClaimPartByNodeId(pack, text) is { } part)
            return (part.Claim, Array.Empty<Entity>(), part);
        return (found, found is null || among is null ? Array.Empty<Entity>() : AlsoKnownAs(among, found, named), null);
    }

    // The entity the text finds (see Lookup), with the entities and the text the others it names are looked for among: the
    // others are asked for only by the command, not by Find (KeyOf calls Find for every entity it names).
    private static (Entity? Found, IEnumerable<Entity>? Among, string Named) Locate(KnowledgePack pack, string text)
    {
        var references = ReferencedPacks.Of(pack);
        var referenced = references.Entities.ToList();
        var found = pack.Find(text) ?? FindAmong(referenced, text);
        if (found is not null)
            return (found, pack.Entities.Concat(referenced), text);
        // As the JSON export names it: <pack>:<id>, or the key it gives an entity no pack holds.
        var byKey = referenced.FirstOrDefault(e => SameKey(references.Key(e), text));
        if (byKey is not null)
            return (byKey, null, text);
        var colon = text.IndexOf(':');
        if (colon <= 0)
            return (null, null, text);
        var packName = text[..colon];
        var rest = text[(colon + 1)..];
        if (SameKey(pack.Name, packName) && pack.Find(rest) is { } own)
            return (own, pack.Entities, rest);
        foreach (var group in references.Groups.Where(g => g.Pack is not null && SameKey(g.Pack.Name, packName)))
        {
            var entities = group.Entities.ToList();
            if (FindAmong(entities, rest) is { } other)
                return (other, entities, rest);
        }
        // As the JSON-LD export names it, by its node's @id (urn:knowledgegen:<pack>:<id>), which names one entity. Last, so
        // that every text the forms above find, they still find.
        return (ByNodeId(pack, text), null, text);
    }

    /// <summary>
    /// True when <paramref name="text"/> is the JSON-LD <c>@id</c> of the Dataset node the export writes for the pack itself
    /// (<c>urn:knowledgegen:Panjshir2021</c>, <see cref="ExportJsonLd.DatasetId"/>), compared as any text is: ignoring case and
    /// what does not show around it. Not that of a pack the pack refers to.
    /// </summary>
    public static bool IsDatasetId(KnowledgePack pack, string text) => SameKey(ExportJsonLd.DatasetId(pack), text);

    // The entity whose JSON-LD @id the text is: as the export writes it, else compared as any text is (SameKey).
    private static Entity? ByNodeId(KnowledgePack pack, string text) =>
        ExportJsonLd.EntityOf(pack, text) ?? ExportJsonLd.EntityNodes(pack).FirstOrDefault(n => SameKey(n.Id, text)).Entity;

    // The citation or quantity whose JSON-LD @id the text is, compared as an entity's @id is; asked for after every other form,
    // so that an entity's @id still finds that entity.
    private static ExportJsonLd.ClaimPart? ClaimPartByNodeId(KnowledgePack pack, string text) =>
        ExportJsonLd.ClaimPartOf(pack, text) ?? ExportJsonLd.ClaimParts(pack).FirstOrDefault(p => SameKey(p.Id, text));

    /// <summary>
    /// The text that names <paramref name="entity"/> in every command's output, which typed back into <c>who</c> finds that
    /// entity: its id, or the key the JSON export gives it (<see cref="ReferencedPacks.Key"/>, <c>&lt;pack&gt;:&lt;id&gt;</c>
    /// for another pack's entity whose id the pack also uses). When that finds another entity first (the pack's own has it
    /// as a name or an alias, or as an id in another case), the entity is named <c>&lt;pack&gt;:&lt;id&gt;</c> all the same.
    /// </summary>
    public static string KeyOf(KnowledgePack pack, Entity entity)
    {
        var references = ReferencedPacks.Of(pack);
        // The pack's own entities are found by their id: Find takes ids before names and aliases.
        if (references.IsOwn(entity))
            return entity.Id;
        var key = references.Key(entity);
        if (ReferenceEquals(Find(pack, key), entity))
            return key;
        if (references.GroupOf(entity)?.Pack is { } owner)
        {
            var qualified = owner.Name + ":" + entity.Id;
            if (ReferenceEquals(Find(pack, qualified), entity))
                return qualified;
        }
        // No text finds it: one of the pack's own bears "<pack>:<id>" itself as a name or an alias, the other pack has the
        // pack's own name, or no pack holds the entity. The export's name for it is the best there is.
        return key;
    }

    // Among another pack's entities, in Pack.Find's order: the first whose id is the text, else the first found by a name
    // that is (IsFoundByName: not a claim), else the first with such an alias.
    private static Entity? FindAmong(IReadOnlyList<Entity> entities, string text) =>
        entities.FirstOrDefault(e => SameKey(e.Id, text))
        ?? entities.FirstOrDefault(e => e.IsFoundByName && SameKey(e.Name, text))
        ?? entities.FirstOrDefault(e => e.Aliases.Any(a => SameKey(a, text)));

    // Whether two texts are one as Pack.Find compares them: ignoring case (as Find's comparer does) and what the runtime's own
    // NameKeys ignores (white space and invisible characters around, the encoding of accents), which the tool reaches as
    // the generator compiles it (Naming.FindKey), so that who finds another pack's entity as that pack's Find would.
    private static bool SameKey(string x, string y) => string.Equals(Naming.FindKey(x), Naming.FindKey(y), StringComparison.OrdinalIgnoreCase);

    // The entities other than the one found that the text names too, by name or alias; none when the text is its id.
    private static IReadOnlyList<Entity> AlsoKnownAs(IEnumerable<Entity> entities, Entity found, string text)
    {
        if (SameKey(found.Id, text))
            return Array.Empty<Entity>();
        return entities.Where(e => !ReferenceEquals(e, found) && e.IsKnownAs(text)).Distinct().ToList();
    }
}

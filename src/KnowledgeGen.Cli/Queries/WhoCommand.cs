using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;

namespace KnowledgeGen.Cli.Queries;

/// <summary>
/// <c>knowledgegen who &lt;name-or-alias&gt;</c>: an entity's card, found by id, name or alias ignoring case
/// (<c>who Punjir</c> is the Panjshir Valley). Kind, aliases, roles, the claims by it and about it, and
/// the sources that mention it, all answered from the pack's indexes. An entity of another pack that the pack refers to
/// (<see cref="ReferencedPacks"/>) is found too, when none of the pack's own is known by the name, or as
/// <c>&lt;pack&gt;:&lt;id&gt;</c> when the pack's own has its id; its card says which pack it belongs to, and lists the
/// claims of this pack by it, about it or citing it. Any entity is found by its JSON-LD <c>@id</c> too, and a claim by the
/// <c>@id</c> of a node its node holds (a citation's, its quantity's). The <c>@id</c> of the pack's own Dataset node shows what
/// the pack is, as the briefing begins (its heading and its counts).
/// </summary>
public static class WhoCommand
{
    /// <summary>Exit code when nothing in the pack is known by the name.</summary>
    public const int NotFound = 1;

    /// <summary>Creates the <c>who</c> command.</summary>
    public static Command Create(Option<string?> pack, Option<bool> plain)
    {
        var name = new Argument<string>("name-or-alias") { Description = "The id, name or alias of an actor, place, source or claim (case is ignored); <pack>:<id, name or alias> for one of another pack the pack refers to; or its @id in the JSON-LD export (a citation's or a quantity's @id shows its claim; the pack's own Dataset @id shows the pack)." };
        // An empty name is a wrong command line (`who "$UNSET"`), not a name that nothing in the pack has.
        name.Validators.Add(EmptyValue.IsAUsageErrorOf("who needs the id, name or alias of an entity"));
        var command = new Command("who", "Print the card of an entity: kind, aliases, roles, the claims by it and about it, and the sources that mention it.") { name, pack, plain };
        command.SetAction(result => PackAction.Run(result, pack, (knowledge, output) =>
        {
            var text = result.GetValue(name) ?? "";
            var error = result.InvocationConfiguration.Error;
            var (entity, others, part) = Lookup(knowledge, text);
            if (entity is null)
            {
                // The @id of the pack's own Dataset node names the pack itself: what it is, as the briefing begins.
                if (IsDatasetId(knowledge, text))
                {
                    Briefing.BriefingCommand.RenderPack(Briefing.BriefingReport.Build(knowledge), output, PlainOption.IsPlain(result, plain, output));
                    return 0;
                }
                // Only the start of an @id names no node, and every @id would be as near to it as any other.
                if (MissingId(knowledge, text) is { } missing)
                {
                    error.WriteLine(missing);
                    return NotFound;
                }
                error.WriteLine($"knowledgegen: nothing in {knowledge.Name} is known as {Quoted(text)}.");
                var nearest = Nearest(knowledge, text);
                if (nearest.Count > 0)
                    error.WriteLine("Nearest names: " + DisplayText.Of(string.Join(", ", nearest)));
                return NotFound;
            }
            // The @id of a citation or a quantity shows its claim's card, which holds them all: the note says which it is.
            if (part is not null)
                error.WriteLine($"knowledgegen: {Quoted(text)} is the JSON-LD @id of {DisplayText.Of($"{PartName(knowledge, part)} of the claim {KeyOf(knowledge, part.Claim)}")}, whose card is shown.");
            // A name or alias that several entities bear (KG0019 warns of it, and a pack may accept it) finds the one that
            // Pack.Find finds; the others are named, so that the card shown is not taken for the only one. Each is named by
            // the text that finds it (KeyOf): another pack's entity whose plain id finds one of the pack's own as <pack>:<id>.
            if (others.Count > 0)
            {
                error.WriteLine($"knowledgegen: {Quoted(text)} also names {DisplayText.Of(string.Join(", ", others.Select(e => $"{KeyOf(knowledge, e)} ({e.Name})")))}; " +
                    $"give an id to see {(others.Count == 1 ? "its card" : "their cards")}, as in '{Program.CommandName} who {DisplayText.Of(KeyOf(knowledge, others[0]))}'.");
            }
            if (PlainOption.IsPlain(result, plain, output))
                WriteText(knowledge, entity, output);
            else
                WriteTables(knowledge, entity, TextOrTable.Terminal(output));
            return 0;
        }));
        return command;
    }

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

    // A citation or a quantity as the note names it: "citation 2 (cited in report-001 via dashti-audio-message)", "the quantity".
    private static string PartName(KnowledgePack pack, ExportJsonLd.ClaimPart part) => part.Citation is { } citation
        ? $"citation {part.Number} (cited in {KeyOf(pack, citation.Source)}{(citation.Via is null ? "" : " via " + KeyOf(pack, citation.Via))})"
        : "the quantity";

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

    // The text as a message quotes it: characters that do not show (control characters, and format characters such as
    // the right-to-left mark that text copied from Dari or Arabic carries) written as \uXXXX with a note that names
    // them, since the text would otherwise look like a name that is in the pack; and a text too long to read, cut.
    private const int LongestQuoted = 100;

    internal static string Quoted(string text)
    {
        var shown = new System.Text.StringBuilder();
        var invisible = new List<string>();
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (length++ == LongestQuoted)
            {
                shown.Append('…');
                break;
            }
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                var code = $"U+{rune.Value:X4}";
                shown.Append(rune.Value <= 0xFFFF ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}");
                if (!invisible.Contains(code))
                    invisible.Add(code);
            }
            else
                shown.Append(rune.ToString());
        }
        var quoted = $"'{shown}'";
        var total = text.EnumerateRunes().Count();
        if (total > LongestQuoted)
            quoted += $" ({total} characters)";
        if (invisible.Count > 0)
            quoted += $" (the text holds {(invisible.Count == 1 ? "a character" : "characters")} that do{(invisible.Count == 1 ? "es" : "")} not show: {string.Join(", ", invisible)})";
        return quoted;
    }

    /// <summary>
    /// The names, aliases and ids closest to <paramref name="text"/>, ignoring case, each one that <see cref="Find"/> takes (a
    /// claim's id and aliases, not its name); for a JSON-LD <c>@id</c>
    /// (<c>urn:knowledgegen:…</c>, or <c>_:…</c> as the export writes the blank node of an entity no pack holds), the closest
    /// <c>@id</c>s of the export's entities, of either form; and for a claim's <c>@id</c> followed by a node name the claim's
    /// node does not hold (<c>…:citaton-1</c>, <c>…:quantty</c>), the claim's citation and quantity <c>@id</c>s closest to
    /// that name first; and for a mistyped claim's <c>@id</c> followed by a node's name (<c>…:taliban-lost-40-fightrs:citation-1</c>),
    /// that node of the claim whose <c>@id</c> is nearest first, when that claim holds it.
    /// </summary>
    public static IReadOnlyList<string> Nearest(KnowledgePack pack, string text)
    {
        var typed = text.Trim().ToLowerInvariant();
        if (NodeIdPrefixLength(typed) is var prefix and > 0)
            return NearestNodeIds(pack, typed, prefix);
        var references = ReferencedPacks.Of(pack);
        // Another pack's entity whose plain id finds one of the pack's own is suggested by the text that finds it too (<pack>:<id>).
        // A claim is offered by its id and its aliases, as Find finds it, never by its name (its statement), which finds nothing.
        var names = pack.Entities.Concat(references.Entities)
            .SelectMany(e => (e.IsFoundByName ? new[] { e.Name } : Array.Empty<string>()).Concat(new[] { e.Id, KeyOf(pack, e) }).Concat(e.Aliases));
        return Closest(typed, names.Select(name => (name, name)));
    }

    // The @ids of the export nearest to a mistyped one (typed, in lower case, its prefix `prefix` characters long).
    private static IReadOnlyList<string> NearestNodeIds(KnowledgePack pack, string typed, int prefix)
    {
        var nodes = ExportJsonLd.EntityNodes(pack);
        var nearest = Closest(typed[prefix..], NodeKeys(nodes));
        // What is before the last ':' is a claim's @id, so what follows was meant as a node its node holds: the @ids of
        // those nearest to it come first, compared by their name after the claim's @id (citation-1, quantity), four at
        // most, then the claim's own @id, then the others. When none is near, all of the claim's are offered, nearest
        // first, so that a quantity asked of a claim without one is offered the citations it does have.
        var last = typed.LastIndexOf(':');
        if (last <= prefix)
            return nearest;
        var before = ByNodeId(pack, typed[..last]);
        if (before is Claim claim)
        {
            var name = typed[(last + 1)..];
            var parts = ExportJsonLd.ClaimParts(pack).Where(p => ReferenceEquals(p.Claim, claim))
                .Select(p => (Name: p.Id[(p.Id.LastIndexOf(':') + 1)..], p.Id)).ToList();
            var near = Closest(name, parts);
            if (near.Count == 0)
                near = parts.OrderBy(p => Suggestions.Distance(name, p.Name.ToLowerInvariant())).Select(p => p.Id).ToList();
            var claimId = nodes.First(n => ReferenceEquals(n.Entity, claim)).Id;
            return near.Take(4).Append(claimId).Concat(nearest).Distinct(StringComparer.Ordinal).Take(5).ToList();
        }
        // What is before the last ':' is no entity's @id nor a pack's name alone, so it may be a claim's @id mistyped
        // (…:taliban-lost-40-fightrs:citation-1): when the claim whose @id is nearest to it, compared as the @ids above are,
        // holds a node by the name after it, that node's @id comes first, then the others as before.
        if (before is null && !IsPackName(pack, typed[prefix..last]))
        {
            var partId = Closest(typed[prefix..last], NodeKeys(nodes.Where(n => n.Entity is Claim))).FirstOrDefault() + typed[last..];
            if (ExportJsonLd.ClaimParts(pack).FirstOrDefault(p => string.Equals(p.Id, partId, StringComparison.OrdinalIgnoreCase)) is { } part)
                return nearest.Prepend(part.Id).Distinct(StringComparer.Ordinal).Take(5).ToList();
        }
        return nearest;
    }

    // What an @id is compared by, with the @id it offers: the @id after its prefix, which would take up most of an edit
    // distance capped at 64 characters, and the entity's id alone, so that an @id written with the other prefix, or without
    // its pack's name, is offered the one it meant (_:daily-trust, urn:knowledgegen:daily-trust: urn:knowledgegen:Harbour:daily-trust).
    private static IEnumerable<(string Key, string Shown)> NodeKeys(IEnumerable<(string Id, Entity Entity)> nodes) =>
        nodes.SelectMany(n => new[] { (n.Id[NodeIdPrefixLength(n.Id)..], n.Id), (n.Entity.Id, n.Id) });

    /// <summary>
    /// What standard error says of a <paramref name="text"/> that is only the start of a JSON-LD <c>@id</c>: a prefix
    /// (<c>urn:knowledgegen:</c>, <c>_:</c>) with nothing after it, or with only ':' or a pack's name and ':' (of the pack or
    /// of one it refers to, compared as any text is): that the id after it is missing, with an <c>@id</c> of the export to
    /// write as it is, one that starts with the text when there is one. Null for any other text.
    /// </summary>
    public static string? MissingId(KnowledgePack pack, string text)
    {
        var written = Naming.FindKey(text);
        var typed = written.ToLowerInvariant();
        var prefix = NodeIdPrefixLength(typed);
        if (prefix == 0)
            return null;
        var rest = typed[prefix..];
        if (rest.Length > 0)
        {
            if (rest.IndexOf(':') != rest.Length - 1)
                return null;
            var name = rest[..^1];
            if (name.Length > 0 && !IsPackName(pack, name))
                return null;
        }
        var nodes = ExportJsonLd.EntityNodes(pack);
        var example = nodes.Select(n => n.Id).FirstOrDefault(id => id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            ?? nodes.Select(n => n.Id).FirstOrDefault();
        return $"knowledgegen: the id is missing after {Quoted(written)}" +
            (example is null ? "." : $"; give a whole JSON-LD @id, such as {DisplayText.Of($"'{example}'")}.");
    }

    // Whether the text is the name of the pack or of one it refers to, compared as any text is.
    private static bool IsPackName(KnowledgePack pack, string text) =>
        ReferencedPacks.Of(pack).Groups.Select(g => g.Pack).OfType<KnowledgePack>().Prepend(pack).Any(p => SameKey(p.Name, text));

    // The length of the prefix an @id of the export starts with: urn:knowledgegen: for a pack's node, _: for a blank node; 0
    // for a text that starts with neither. `id` is in lower case, or written by the export (whose prefixes are).
    private static int NodeIdPrefixLength(string id) =>
        id.StartsWith(ExportJsonLd.IdPrefix, StringComparison.Ordinal) ? ExportJsonLd.IdPrefix.Length
        : id.StartsWith(ExportJsonLd.BlankNodePrefix, StringComparison.Ordinal) ? ExportJsonLd.BlankNodePrefix.Length
        : 0;

    // The five candidates nearest to `typed`, each compared by its key in lower case (a candidate may come with several), the
    // first candidate of equal keys kept.
    private static IReadOnlyList<string> Closest(string typed, IEnumerable<(string Key, string Shown)> candidates)
    {
        var byLower = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, shown) in candidates)
            byLower.TryAdd(key.ToLowerInvariant(), shown);
        return Suggestions.Nearest(typed, byLower.Keys, byLower.Count).Select(k => byLower[k]).Distinct(StringComparer.Ordinal).Take(5).ToList();
    }

    /// <summary>Writes the card of <paramref name="entity"/> as plain text.</summary>
    public static void WriteText(KnowledgePack pack, Entity entity, TextWriter output)
    {
        output = DisplayText.Writer(output);
        WriteHeader(pack, entity, output);
        foreach (var (heading, claims) in ClaimSections(pack, entity))
            Claims(pack, heading, claims, output);
        Sources(pack, MentionedIn(pack, entity), output);
    }

    /// <summary>Writes the card of <paramref name="entity"/> for a terminal: the header as text, the claims and sources as tables.</summary>
    public static void WriteTables(KnowledgePack pack, Entity entity, Spectre.Console.IAnsiConsole console)
    {
        var header = new StringWriter();
        WriteHeader(pack, entity, header);
        console.Write(new Spectre.Console.Text(DisplayText.Of(header.ToString())));
        foreach (var (heading, claims) in ClaimSections(pack, entity).Where(s => s.Claims.Count > 0))
            console.Write(TextOrTable.Table($"{heading} ({claims.Count})", new[] { "Claim", "Date", "Status", "Claimant", "Statement", "Corroboration" },
                claims.Select(c => new[] { c.Id, c.Date?.ToString() ?? "undated", YamlNames.Of(c.Status) + (c.IsContested ? ", contested" : ""),
                    c.Claimant.Name, c.Statement, TextOrTable.CorroborationOf(pack, c) })));
        var sources = MentionedIn(pack, entity);
        if (sources.Count > 0)
            console.Write(TextOrTable.Table($"Mentioned in ({sources.Count})", new[] { "Source", "Name", "Kind" },
                sources.Select(s => new[] { KeyOf(pack, s), s.Name, YamlNames.Of(s.Kind) })));
    }

    private static IEnumerable<(string Heading, IReadOnlyList<Claim> Claims)> ClaimSections(KnowledgePack pack, Entity entity)
    {
        // The pack's indexes file its claims under other packs' entities too.
        var indexes = pack.Indexes;
        switch (entity)
        {
            case Actor actor:
                yield return ("Claims by " + actor.Name, indexes.ClaimsBy(actor));
                yield return ("Claims about " + actor.Name, indexes.ClaimsAbout(actor));
                break;
            case Place place:
                yield return ("Claims about " + place.Name, indexes.ClaimsAbout(place));
                break;
            case Source source:
                yield return ("Claims citing " + source.Name, indexes.ClaimsCiting(source));
                break;
            case Claim claim:
                yield return ("Contradicts", claim.Contradicts);
                yield return ("Supports", claim.Supports);
                yield return ("Supported by", claim.SupportedBy);
                break;
        }
    }

    private static void WriteHeader(KnowledgePack pack, Entity entity, TextWriter output)
    {
        output.WriteLine($"{entity.Name} ({KeyOf(pack, entity)})");
        output.WriteLine($"  kind: {Kind(entity)}");
        if (!IsOwn(pack, entity))
            output.WriteLine($"  pack: {ReferencedPacks.Of(pack).GroupOf(entity)?.Pack?.Name ?? "another pack"}, which {pack.Name} refers to");
        if (entity.Aliases.Count > 0)
            output.WriteLine($"  aliases: {string.Join(", ", entity.Aliases)}");
        switch (entity)
        {
            case Actor actor:
                if (actor.Description is not null)
                    output.WriteLine($"  description: {actor.Description}");
                foreach (var role in actor.Roles)
                    output.WriteLine($"  role: {role}");
                break;
            case Place place:
                if (place.In is not null)
                    output.WriteLine($"  in: {string.Join(" › ", place.Containers().Select(p => p.Name))}");
                break;
            case Source source:
                if (source.Outlet is not null)
                    output.WriteLine($"  outlet: {source.Outlet.Name}");
                if (source.Author is not null)
                    output.WriteLine($"  author: {source.Author.Name}");
                if (source.Published is not null)
                    output.WriteLine($"  published: {source.Published}");
                if (source.Relays.Count > 0)
                    output.WriteLine($"  relays: {string.Join(", ", source.Relays.Select(r => KeyOf(pack, r)))}");
                break;
            case Claim claim:
                output.WriteLine($"  statement: {claim.Statement}");
                output.WriteLine($"  claimant: {claim.Claimant.Name}");
                if (claim.About.Count > 0)
                    output.WriteLine($"  about: {string.Join(", ", claim.About.Select(a => a.Name))}");
                output.WriteLine($"  date: {claim.Date?.ToString() ?? "undated"}; status: {YamlNames.Of(claim.Status)}");
                if (claim.Quantity is { } quantity)
                    output.WriteLine($"  quantity: {quantity}");
                output.WriteLine($"  corroboration: {TextOrTable.CorroborationOf(pack, claim)}");
                foreach (var citation in claim.Citations)
                    output.WriteLine($"  cited in {KeyOf(pack, citation.Source)}{(citation.Via is null ? "" : " via " + KeyOf(pack, citation.Via))}: \"{citation.Quote}\"");
                break;
        }
        if (entity.Note is not null)
            output.WriteLine($"  note: {entity.Note}");
    }

    // For an actor or a place: the sources that carry a claim by or about it (as document or channel), or
    // name it as outlet or author, in the pack's order, then the sources of other packs the pack refers to, in the
    // export's order. Other entities list none.
    private static IReadOnlyList<Source> MentionedIn(KnowledgePack pack, Entity entity)
    {
        if (entity is not (Actor or Place))
            return Array.Empty<Source>();
        var indexes = pack.Indexes;
        var claims = entity is Actor actor ? indexes.ClaimsBy(actor).Concat(indexes.ClaimsAbout(actor)) : indexes.ClaimsAbout(entity);
        var cited = new HashSet<Source>();
        foreach (var citation in claims.SelectMany(c => c.Citations))
        {
            cited.Add(citation.Source);
            if (citation.Via is not null)
                cited.Add(citation.Via);
        }
        bool Mentions(Source s) => cited.Contains(s) || s.Outlet == entity || s.Author == entity;
        var sources = pack.Sources.Where(Mentions).ToList();
        // Another pack's sources only when one could be among them: a claim cites one, or the entity is another pack's.
        var own = new HashSet<Source>(pack.Sources);
        if (cited.Any(s => !own.Contains(s)) || !IsOwn(pack, entity))
            sources.AddRange(ReferencedPacks.Of(pack).Sources.Where(s => !own.Contains(s) && Mentions(s)));
        return sources;
    }

    // One of the pack's own entities, not one of another pack that the pack refers to.
    private static bool IsOwn(KnowledgePack pack, Entity entity) => ReferenceEquals(pack.Find(entity.Id), entity) || pack.Entities.Contains(entity);

    private static void Claims(KnowledgePack pack, string heading, IReadOnlyList<Claim> claims, TextWriter output)
    {
        if (claims.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"{heading} ({claims.Count})");
        foreach (var claim in claims)
        {
            output.WriteLine($"  {claim.Id} [{claim.Date?.ToString() ?? "undated"}, {YamlNames.Of(claim.Status)}{(claim.IsContested ? ", contested" : "")}]");
            output.WriteLine($"    {claim.Claimant.Name}: {claim.Statement}");
            output.WriteLine($"    {TextOrTable.CorroborationOf(pack, claim)}");
        }
    }

    private static void Sources(KnowledgePack pack, IReadOnlyList<Source> sources, TextWriter output)
    {
        if (sources.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"Mentioned in ({sources.Count})");
        foreach (var source in sources)
            output.WriteLine($"  {KeyOf(pack, source)}: {source.Name} ({YamlNames.Of(source.Kind)})");
    }

    private static string Kind(Entity entity) => entity switch
    {
        Actor a => "actor (" + YamlNames.Of(a.Kind) + (a.Anonymous ? ", anonymous" : "") + ")",
        Place p => "place (" + YamlNames.Of(p.Kind) + ")",
        Source s => "source (" + YamlNames.Of(s.Kind) + ")",
        _ => "claim",
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Cli.Export;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;

namespace KnowledgeGen.Cli.Queries;

// What `who` says when a text finds nothing: the text quoted so that what does not show is seen, the nearest names,
// aliases, ids or JSON-LD @ids, and what is missing from an @id given only in part.
public static partial class WhoCommand
{
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
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KnowledgeGen.Cli.Queries;

// An entity's card as `who` writes it: as plain text, or for a terminal with its claims and sources as tables.
public static partial class WhoCommand
{
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

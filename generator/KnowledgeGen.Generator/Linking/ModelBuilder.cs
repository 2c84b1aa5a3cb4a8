using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Resolves every reference of every entity, decides which entities can be generated (a claim whose
/// claimant is missing cannot), and builds the <see cref="PackModel"/> the emitter writes out.
/// References to entities that are not generated are dropped, so the generated code always compiles.
/// </summary>
internal sealed class ModelBuilder
{
    // The kinds a field may name; one array each, not one per reference resolved.
    private static readonly EntityClass[] ActorOrPlace = { EntityClass.Actors, EntityClass.Places };
    private static readonly EntityClass[] Sources = { EntityClass.Sources };
    private static readonly EntityClass[] Actors = { EntityClass.Actors };
    private static readonly EntityClass[] Places = { EntityClass.Places };
    private static readonly EntityClass[] Claims = { EntityClass.Claims };

    // What a field with no references resolves to, shared by every entity (empty, so safe to share). Resolved fields are
    // arrays sized to what is written, walked by index: a list per field, grown as it fills and walked through its
    // interface, was some 20 MB of a link at 100,000 facts.
    private static readonly LinkedEntity[] NoEntities = Array.Empty<LinkedEntity>();

    private readonly ReferenceResolver _resolver;

    public ModelBuilder(ReferenceResolver resolver) => _resolver = resolver;

    public PackModel Build(PackInfo info, IReadOnlyList<string> files,
        List<(LinkedEntity Entity, SourceSpec Spec)> sources,
        List<(LinkedEntity Entity, ActorSpec Spec)> actors,
        List<(LinkedEntity Entity, PlaceSpec Spec)> places,
        List<(LinkedEntity Entity, ClaimSpec Spec)> claims)
    {
        // Resolve first, so every bad reference is reported whatever else is wrong.
        var sourceRefs = sources.Select(s => new
        {
            s.Entity,
            s.Spec,
            Outlet = Optional(s.Entity, s.Spec.Outlet, "field 'outlet'", Actors),
            Author = Optional(s.Entity, s.Spec.Author, "field 'author'", Actors),
            Relays = Many(s.Entity, s.Spec.Relays, "field 'relays'", Sources),
        }).ToList();
        var actorRefs = actors.Select(a => new
        {
            a.Entity,
            a.Spec,
            Roles = a.Spec.Roles.Select(r => (Role: r, Of: Optional(a.Entity, r.Of, "field 'of' of the role '" + r.Title + "'", ActorOrPlace))).ToList(),
        }).ToList();
        var placeRefs = places.Select(p => new
        {
            p.Entity,
            p.Spec,
            In = Optional(p.Entity, p.Spec.In, "field 'in'", Places),
        }).ToList();
        var claimRefs = claims.Select(c => new
        {
            c.Entity,
            c.Spec,
            Claimant = c.Spec.Claimant.Value.Length == 0 ? null : _resolver.Resolve(c.Entity, c.Spec.Claimant, "field 'claimant'", Actors),
            About = Many(c.Entity, c.Spec.About, ReferenceResolver.About, ActorOrPlace),
            Citations = ResolveCitations(c.Entity, c.Spec.Citations),
            Contradicts = Links(c.Entity, c.Spec.Contradicts, "contradicts"),
            Supports = Links(c.Entity, c.Spec.Supports, "supports"),
        }).ToList();

        var relayCycles = Cycles.Relays(sourceRefs.Select(s => (s.Entity, s.Relays, s.Spec.Relays)).ToList(), _resolver.Diagnostics);
        var cyclic = Cycles.Containment(placeRefs.Select(p => (p.Entity, p.In, p.Spec.In)).ToList(), _resolver.Diagnostics);

        // A claim needs its claimant.
        foreach (var claim in claimRefs)
            if (claim.Claimant is null || !claim.Claimant.Emitted)
                claim.Entity.Emitted = false;

        var emittedClaims = claimRefs.Where(c => c.Entity.Emitted).ToList();

        // Symmetric contradiction, and the reverse of support, over generated claims only.
        // Lists only for the claims that have an entry (most have none).
        var contradicts = new Dictionary<LinkedEntity, List<LinkedEntity>>();
        var supportedBy = new Dictionary<LinkedEntity, List<LinkedEntity>>();
        static List<LinkedEntity> ListOf(Dictionary<LinkedEntity, List<LinkedEntity>> lists, LinkedEntity claim) =>
            lists.TryGetValue(claim, out var list) ? list : lists[claim] = new List<LinkedEntity>();
        foreach (var claim in emittedClaims)
        {
            foreach (var other in claim.Contradicts)
            {
                if (!other.Emitted)
                    continue;
                AddOnce(ListOf(contradicts, claim.Entity), other);
                AddOnce(ListOf(contradicts, other), claim.Entity);
            }
            foreach (var other in claim.Supports)
                if (other.Emitted)
                    AddOnce(ListOf(supportedBy, other), claim.Entity);
        }

        // The sources each actor is cited in (the pack's own or a referenced pack's), as numbers: a list of ints per
        // actor, repeats and all, rather than a set of strings (CitedIn below sorts them and counts each once). A place's
        // docs count the claims about it and name no sources, so places keep only that count.
        var citedSources = new List<LinkedEntity>();
        var cited = new List<int>();
        foreach (var claim in emittedClaims)
        {
            claim.Claimant!.ClaimCount++;
            cited.Clear();
            foreach (var citation in claim.Citations)
            {
                if (citation.Source is not { Emitted: true } source)
                    continue;
                source.CitationCount++;
                if (source.SourceNumber < 0)
                {
                    source.SourceNumber = citedSources.Count;
                    citedSources.Add(source);
                }
                cited.Add(source.SourceNumber);
            }
            void Cite(LinkedEntity party)
            {
                if (party.Class == EntityClass.Places)
                    party.MentionCount++;
                else
                    (party.CitedIn ??= new List<int>(cited.Count)).AddRange(cited);
            }
            foreach (var party in claim.About)
                Cite(party);
            Cite(claim.Claimant!);
        }
        // An actor's docs name the first few sources (by id) and count the rest. The cited sources are put in id order
        // once, so that each party's first few are found by sorting numbers rather than ids.
        int[]? byId = null;
        int[]? rankOf = null;
        EquatableArray<string> CitedIn(LinkedEntity party, out int count)
        {
            if (party.CitedIn is not { Count: > 0 } numbers)
            {
                count = 0;
                return EquatableArray<string>.Empty;
            }
            if (byId is null || rankOf is null)
            {
                byId = Enumerable.Range(0, citedSources.Count).OrderBy(n => citedSources[n].Id, StringComparer.Ordinal).ToArray();
                rankOf = new int[byId.Length];
                for (var rank = 0; rank < byId.Length; rank++)
                    rankOf[byId[rank]] = rank;
            }
            var ranks = new int[numbers.Count];
            for (var i = 0; i < ranks.Length; i++)
                ranks[i] = rankOf[numbers[i]];
            Array.Sort(ranks);
            // Each source once: the distinct ranks, in order, to the front.
            count = 1;
            for (var i = 1; i < ranks.Length; i++)
                if (ranks[i] != ranks[count - 1])
                    ranks[count++] = ranks[i];
            var ids = new string[Math.Min(ActorModel.MaxCitedIn, count)];
            for (var i = 0; i < ids.Length; i++)
                ids[i] = citedSources[byId[ranks[i]]].Id;
            return new EquatableArray<string>(ids);
        }

        // Emission is settled: place each emitted entity in its file's table before any reference is made.
        var fileOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            fileOrdinals[files[i]] = i;
        Locate(sourceRefs.Select(s => s.Entity), fileOrdinals);
        Locate(actorRefs.Select(a => a.Entity), fileOrdinals);
        Locate(placeRefs.Select(p => p.Entity), fileOrdinals);
        Locate(claimRefs.Select(c => c.Entity), fileOrdinals);

        return new PackModel(
            info,
            Models(sourceRefs, s => s.Entity, s => new SourceModel(
                Entity(s.Entity), s.Spec.Kind, Ref(s.Outlet), Ref(s.Author), s.Spec.Language, s.Spec.TranslatedFrom,
                s.Spec.Published, s.Spec.Document?.Value, s.Spec.Url,
                Refs(relayCycles.TryGetValue(s.Entity, out var closing) ? s.Relays.Where(r => !closing.Contains(r)).ToArray() : s.Relays),
                s.Entity.CitationCount)),
            Models(actorRefs, a => a.Entity, a => new ActorModel(
                Entity(a.Entity), a.Spec.Kind, a.Spec.Anonymous, a.Spec.Description,
                a.Roles.Count == 0 ? EquatableArray<RoleModel>.Empty
                : a.Roles.Select(r => new RoleModel(r.Role.Title, Ref(r.Of), r.Role.Former, r.Role.Note)).ToEquatableArray(),
                a.Entity.ClaimCount,
                CitedIn(a.Entity, out var citedInCount), citedInCount)),
            Models(placeRefs, p => p.Entity, p => new PlaceModel(
                Entity(p.Entity), p.Spec.Kind, cyclic.Contains(p.Entity) ? null : Ref(p.In), p.Entity.MentionCount)),
            emittedClaims.Select(c => new ClaimModel(
                Entity(c.Entity), c.Spec.Statement, c.Claimant!.ToRef(), Refs(c.About), c.Spec.Date, c.Spec.Status, c.Spec.Quantity,
                CitationModels(c.Citations),
                Refs(contradicts.TryGetValue(c.Entity, out var against) ? against : NoEntities), Refs(c.Supports),
                Refs(supportedBy.TryGetValue(c.Entity, out var backers) ? backers : NoEntities))).ToEquatableArray(),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    // The models of the generated ones among an entity kind's resolved references, in one array sized once (a filtered
    // query would grow its array as it goes, several times over for a large pack).
    private static EquatableArray<TModel> Models<TRefs, TModel>(List<TRefs> refs, Func<TRefs, LinkedEntity> entity, Func<TRefs, TModel> model)
        where TModel : IEquatable<TModel>
    {
        var count = 0;
        foreach (var item in refs)
            if (entity(item).Emitted)
                count++;
        var models = new TModel[count];
        var at = 0;
        foreach (var item in refs)
            if (entity(item).Emitted)
                models[at++] = model(item);
        return new EquatableArray<TModel>(models);
    }

    private (LinkedEntity? Source, Located Quote, LinkedEntity? Via)[] ResolveCitations(LinkedEntity claim, EquatableArray<CitationSpec> citations)
    {
        var resolved = new (LinkedEntity? Source, Located Quote, LinkedEntity? Via)[citations.Count];
        for (var i = 0; i < resolved.Length; i++)
        {
            var citation = citations[i];
            resolved[i] = (_resolver.Resolve(claim, citation.Source, "field 'source' of a citation", Sources), citation.Quote,
                Optional(claim, citation.Via, "field 'via' of a citation", Sources));
        }
        return resolved;
    }

    // A claim's citations whose source is generated; the others are left out so the generated code compiles.
    private static EquatableArray<CitationModel> CitationModels((LinkedEntity? Source, Located Quote, LinkedEntity? Via)[] citations)
    {
        var kept = 0;
        foreach (var citation in citations)
            if (citation.Source is { Emitted: true })
                kept++;
        if (kept == 0)
            return EquatableArray<CitationModel>.Empty;
        var models = new CitationModel[kept];
        var at = 0;
        foreach (var citation in citations)
            if (citation.Source is { Emitted: true } source)
                models[at++] = new CitationModel(source.ToRef(), citation.Quote.Value, Ref(citation.Via));
        return new EquatableArray<CitationModel>(models);
    }

    private static void Locate(IEnumerable<LinkedEntity> entities, Dictionary<string, int> fileOrdinals)
    {
        var next = new Dictionary<int, int>();
        foreach (var entity in entities)
        {
            if (!entity.Emitted)
                continue;
            entity.File = fileOrdinals[entity.FilePath];
            next.TryGetValue(entity.File, out var index);
            entity.Index = index;
            next[entity.File] = index + 1;
        }
    }

    private LinkedEntity? Optional(LinkedEntity owner, Located? reference, string what, EntityClass[] allowed) =>
        reference is null || reference.Value.Value.Length == 0 ? null : _resolver.Resolve(owner, reference.Value, what, allowed);

    private LinkedEntity[] Many(LinkedEntity owner, EquatableArray<Located> references, string what, EntityClass[] allowed)
    {
        if (references.Count == 0)
            return NoEntities;
        var resolved = new LinkedEntity[references.Count];
        var count = 0;
        foreach (var reference in references)
            AddOnce(resolved, ref count, _resolver.Resolve(owner, reference, what, allowed));
        return Trimmed(resolved, count);
    }

    private LinkedEntity[] Links(LinkedEntity claim, EquatableArray<Located> references, string relation)
    {
        if (references.Count == 0)
            return NoEntities;
        var what = "field '" + relation + "'";
        var resolved = new LinkedEntity[references.Count];
        var count = 0;
        foreach (var reference in references)
        {
            if (reference.Value == claim.Id)
            {
                _resolver.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.SelfLink, claim.FilePath, reference.Span, claim.Id, relation));
                continue;
            }
            AddOnce(resolved, ref count, _resolver.Resolve(claim, reference, what, Claims));
        }
        return Trimmed(resolved, count);
    }

    // The first count entities; the array itself when every reference resolved to a different entity, as nearly all do.
    private static LinkedEntity[] Trimmed(LinkedEntity[] resolved, int count)
    {
        if (count == resolved.Length)
            return resolved;
        if (count == 0)
            return NoEntities;
        var trimmed = new LinkedEntity[count];
        Array.Copy(resolved, trimmed, count);
        return trimmed;
    }

    private static EntityModel Entity(LinkedEntity e) =>
        new(e.Id, e.Member, e.Header.Name, Values(e.Header.Aliases), e.Header.Note, e.FilePath, e.File, e.Index);

    private static EquatableArray<string> Values(EquatableArray<Located> located)
    {
        if (located.Count == 0)
            return EquatableArray<string>.Empty;
        var values = new string[located.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = located[i].Value;
        return new EquatableArray<string>(values);
    }

    private static EntityRef? Ref(LinkedEntity? e) => e is { Emitted: true } ? e.ToRef() : null;

    // The references to the generated ones among entities; a loop, not a query: the linker makes one of these per
    // field of every entity.
    private static EquatableArray<EntityRef> Refs(IReadOnlyList<LinkedEntity> entities)
    {
        var emitted = 0;
        for (var i = 0; i < entities.Count; i++)
            if (entities[i].Emitted)
                emitted++;
        if (emitted == 0)
            return EquatableArray<EntityRef>.Empty;
        var refs = new EntityRef[emitted];
        var at = 0;
        for (var i = 0; i < entities.Count; i++)
            if (entities[i].Emitted)
                refs[at++] = entities[i].ToRef();
        return new EquatableArray<EntityRef>(refs);
    }

    private static void AddOnce(List<LinkedEntity> list, LinkedEntity item)
    {
        if (!list.Contains(item))
            list.Add(item);
    }

    // The same for an array filled up to count: a resolved entity not already among the first count (null when the id
    // did not resolve, which was reported).
    private static void AddOnce(LinkedEntity[] resolved, ref int count, LinkedEntity? target)
    {
        if (target is not null && Array.IndexOf(resolved, target, 0, count) < 0)
            resolved[count++] = target;
    }
}

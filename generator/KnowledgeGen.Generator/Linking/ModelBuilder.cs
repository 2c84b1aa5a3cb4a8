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

    /// <param name="graph">What the link resolved and tallied, which the next link may update (<see cref="IncrementalLink"/>).</param>
    public PackModel Build(PackInfo info, IReadOnlyList<string> files,
        List<(LinkedEntity Entity, SourceSpec Spec)> sources,
        List<(LinkedEntity Entity, ActorSpec Spec)> actors,
        List<(LinkedEntity Entity, PlaceSpec Spec)> places,
        List<(LinkedEntity Entity, ClaimSpec Spec)> claims,
        out LinkGraph graph)
    {
        // Resolve first, so every bad reference is reported whatever else is wrong.
        var sourceRefs = sources.Select(s => new SourceRefs(s.Entity, s.Spec,
            Optional(s.Entity, s.Spec.Outlet, "field 'outlet'", Actors),
            Optional(s.Entity, s.Spec.Author, "field 'author'", Actors),
            Many(s.Entity, s.Spec.Relays, "field 'relays'", Sources))).ToList();
        var actorRefs = actors.Select(a => new ActorRefs(a.Entity, a.Spec,
            a.Spec.Roles.Select(r => (Role: r, Of: Optional(a.Entity, r.Of, "field 'of' of the role '" + r.Title + "'", ActorOrPlace))).ToList())).ToList();
        var placeRefs = places.Select(p => new PlaceRefs(p.Entity, p.Spec, Optional(p.Entity, p.Spec.In, "field 'in'", Places))).ToList();
        var claimRefs = claims.Select(c => Resolve(c.Entity, c.Spec)).ToList();

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

        // What each generated claim adds to the counts of the entities it names (Tally).
        var citedSources = new List<LinkedEntity>();
        var cited = new List<int>();
        foreach (var claim in emittedClaims)
            Tally(claim, citedSources, cited, add: true);
        var sourceOrder = SourceOrder.Of(citedSources);

        // Emission is settled: place each emitted entity in its file's table before any reference is made.
        var fileOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            fileOrdinals[files[i]] = i;
        Locate(sourceRefs.Select(s => s.Entity), fileOrdinals);
        Locate(actorRefs.Select(a => a.Entity), fileOrdinals);
        Locate(placeRefs.Select(p => p.Entity), fileOrdinals);
        Locate(claimRefs.Select(c => c.Entity), fileOrdinals);

        graph = new LinkGraph(sourceRefs, actorRefs, placeRefs, claimRefs, supportedBy, citedSources);
        return new PackModel(
            info,
            Models(sourceRefs, s => s.Entity, s => SourceModelOf(s, relayCycles.TryGetValue(s.Entity, out var closing) ? s.Relays.Where(r => !closing.Contains(r)).ToArray() : s.Relays)),
            Models(actorRefs, a => a.Entity, a => ActorModelOf(a, citedSources, sourceOrder)),
            Models(placeRefs, p => p.Entity, p => PlaceModelOf(p, cyclic.Contains(p.Entity))),
            Models(emittedClaims, c => c.Entity, c => ClaimModelOf(c,
                contradicts.TryGetValue(c.Entity, out var against) ? against : NoEntities,
                supportedBy.TryGetValue(c.Entity, out var backers) ? backers : NoEntities)),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>A claim's references resolved (each unknown or wrong one reported).</summary>
    public ClaimRefs Resolve(LinkedEntity claim, ClaimSpec spec) => claim.Resolved = new(claim, spec,
        spec.Claimant.Value.Length == 0 ? null : _resolver.Resolve(claim, spec.Claimant, "field 'claimant'", Actors),
        Many(claim, spec.About, ReferenceResolver.About, ActorOrPlace),
        ResolveCitations(claim, spec.Citations),
        Links(claim, spec.Contradicts, "contradicts"),
        Links(claim, spec.Supports, "supports"));

    /// <summary>
    /// What a generated claim adds to the counts the docs show (<paramref name="add"/>), or takes from them once it is gone:
    /// its claimant's claims; each cited source's citations (a source cited twice counts twice), numbered in the order
    /// first cited; the sources cited, by number and repeats included, for its claimant and each actor it is about; a
    /// mention for each place it is about. <paramref name="cited"/> is a list to reuse.
    /// </summary>
    public static void Tally(ClaimRefs claim, List<LinkedEntity> citedSources, List<int> cited, bool add)
    {
        var step = add ? 1 : -1;
        claim.Claimant!.ClaimCount += step;
        cited.Clear();
        foreach (var citation in claim.Citations)
        {
            if (citation.Source is not { Emitted: true } source)
                continue;
            source.CitationCount += step;
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
                party.MentionCount += step;
            else if (add)
                (party.CitedIn ??= new List<int>(cited.Count)).AddRange(cited);
            else
                foreach (var number in cited)
                    party.CitedIn!.Remove(number);
        }
        foreach (var party in claim.About)
            Cite(party);
        Cite(claim.Claimant!);
    }

    /// <summary>
    /// The cited sources in id order, and each one's place in it: an actor's docs name the first few sources by id and count
    /// the rest, so the sources are put in id order once, and each party's first few are found by sorting numbers.
    /// </summary>
    public sealed class SourceOrder
    {
        private SourceOrder(int[] byId, int[] rankOf)
        {
            ById = byId;
            RankOf = rankOf;
        }

        public int[] ById { get; }
        public int[] RankOf { get; }

        public static SourceOrder Of(List<LinkedEntity> citedSources)
        {
            var byId = Enumerable.Range(0, citedSources.Count).OrderBy(n => citedSources[n].Id, StringComparer.Ordinal).ToArray();
            var rankOf = new int[byId.Length];
            for (var rank = 0; rank < byId.Length; rank++)
                rankOf[byId[rank]] = rank;
            return new SourceOrder(byId, rankOf);
        }
    }

    // The first few sources an actor is cited in, by id, and how many there are.
    private static EquatableArray<string> CitedIn(LinkedEntity party, List<LinkedEntity> citedSources, SourceOrder order, out int count)
    {
        if (party.CitedIn is not { Count: > 0 } numbers)
        {
            count = 0;
            return EquatableArray<string>.Empty;
        }
        var ranks = new int[numbers.Count];
        for (var i = 0; i < ranks.Length; i++)
            ranks[i] = order.RankOf[numbers[i]];
        Array.Sort(ranks);
        // Each source once: the distinct ranks, in order, to the front.
        count = 1;
        for (var i = 1; i < ranks.Length; i++)
            if (ranks[i] != ranks[count - 1])
                ranks[count++] = ranks[i];
        var ids = new string[Math.Min(ActorModel.MaxCitedIn, count)];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = citedSources[order.ById[ranks[i]]].Id;
        return new EquatableArray<string>(ids);
    }

    // Each kind's model of one entity, from its resolved references and what the link tallied; the full link and the
    // incremental one (IncrementalLink) make them here alike.

    /// <param name="relays">Its relays, less any that would close a cycle.</param>
    public static SourceModel SourceModelOf(SourceRefs s, IReadOnlyList<LinkedEntity> relays) => new(
        Entity(s.Entity), s.Spec.Kind, Ref(s.Outlet), Ref(s.Author), s.Spec.Language, s.Spec.TranslatedFrom,
        s.Spec.Published, s.Spec.Document?.Value, s.Spec.Url, Refs(relays), s.Entity.CitationCount);

    public static ActorModel ActorModelOf(ActorRefs a, List<LinkedEntity> citedSources, SourceOrder order) => new(
        Entity(a.Entity), a.Spec.Kind, a.Spec.Anonymous, a.Spec.Description,
        a.Roles.Count == 0 ? EquatableArray<RoleModel>.Empty
        : a.Roles.Select(r => new RoleModel(r.Role.Title, Ref(r.Of), r.Role.Former, r.Role.Note)).ToEquatableArray(),
        a.Entity.ClaimCount,
        CitedIn(a.Entity, citedSources, order, out var citedInCount), citedInCount);

    /// <param name="inCycle">Whether its 'in' closes a cycle, and is left out.</param>
    public static PlaceModel PlaceModelOf(PlaceRefs p, bool inCycle) =>
        new(Entity(p.Entity), p.Spec.Kind, inCycle ? null : Ref(p.In), p.Entity.MentionCount);

    /// <param name="contradicts">The claims it contradicts or is contradicted by, in the pack's order.</param>
    /// <param name="supportedBy">The claims that support it, in the pack's order.</param>
    public static ClaimModel ClaimModelOf(ClaimRefs c, IReadOnlyList<LinkedEntity> contradicts, IReadOnlyList<LinkedEntity> supportedBy) => new(
        Entity(c.Entity), c.Spec.Statement, c.Claimant!.ToRef(), Refs(c.About), c.Spec.Date, c.Spec.Status, c.Spec.Quantity,
        CitationModels(c.Citations), Refs(contradicts), Refs(c.Supports), Refs(supportedBy));

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

// A kind's entity with its references resolved: what the link builds each model from (ModelBuilder), kept for the next link.
internal sealed record SourceRefs(LinkedEntity Entity, SourceSpec Spec, LinkedEntity? Outlet, LinkedEntity? Author, LinkedEntity[] Relays);

internal sealed record ActorRefs(LinkedEntity Entity, ActorSpec Spec, List<(RoleSpec Role, LinkedEntity? Of)> Roles);

internal sealed record PlaceRefs(LinkedEntity Entity, PlaceSpec Spec, LinkedEntity? In);

internal sealed record ClaimRefs(LinkedEntity Entity, ClaimSpec Spec, LinkedEntity? Claimant, LinkedEntity[] About,
    (LinkedEntity? Source, Located Quote, LinkedEntity? Via)[] Citations, LinkedEntity[] Contradicts, LinkedEntity[] Supports);

/// <summary>
/// What a link resolved and tallied, in the pack's order: each kind's resolved entities, the claims that support each
/// claim, and the sources cited, in the order first cited. The entities' tallies are on the entities themselves.
/// </summary>
internal sealed record LinkGraph(List<SourceRefs> Sources, List<ActorRefs> Actors, List<PlaceRefs> Places, List<ClaimRefs> Claims,
    Dictionary<LinkedEntity, List<LinkedEntity>> SupportedBy, List<LinkedEntity> CitedSources);

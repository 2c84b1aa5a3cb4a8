using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// The pack-wide link as the pipeline runs it: when the outlines differ from those of a link kept before (<see cref="LinkState"/>)
/// only in the claims of one file, that link is updated (the claims taken out and put in, the counts and reverse links they
/// change, and the models of the entities they touch) rather than every file linked again; otherwise, or when anything of
/// the update would be reported, the whole pack is linked (<see cref="PackLinker.LinkOutlines(IEnumerable{FileSpec}, PackOptions, IReadOnlyList{DocumentSpec}, ReferencedPacksModel?, CancellationToken)"/>).
/// An update gives the model the whole link would give (<c>IncrementalLinkTests</c> compares them edit after edit).
/// </summary>
public static class IncrementalLink
{
    // Each kept link under every outline it linked: the next run's outlines are the same objects for the files it did not
    // change (the driver hands a step its cached items), so any of them finds the link, which lives as long as they do.
    private static readonly ConditionalWeakTable<FileSpec, LinkState> Kept = new();
    private static readonly object Gate = new();

    public static PackModel Link(IReadOnlyList<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, CancellationToken cancellationToken = default) =>
        Link(unorderedFiles, options, documents, referenced, out _, cancellationToken);

    /// <param name="updated">True when a kept link was updated, false when the whole pack was linked.</param>
    public static PackModel Link(IReadOnlyList<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, out bool updated, CancellationToken cancellationToken = default)
    {
        updated = false;
        var files = unorderedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        LinkState? state = null;
        lock (Gate)
        {
            foreach (var file in files)
                if (Kept.TryGetValue(file, out var kept) && !kept.Taken)
                {
                    state = kept;
                    state.Taken = true;
                    break;
                }
        }
        if (state is not null)
        {
            PackModel? pack = null;
            var changed = -1;
            FileSpec? before = null;
            try
            {
                pack = Update(state, files, options, documents, referenced, out changed, out before);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The whole link below links the pack again, and reports what it finds.
            }
            if (pack is not null)
            {
                lock (Gate)
                {
                    state.Taken = false;
                    if (changed >= 0)
                    {
                        Kept.Remove(before!);
                        Keep(state.Files[changed], state);
                    }
                }
                updated = true;
                return pack;
            }
            // An update that stopped part way left the kept link unusable: it stays taken, and goes with its outlines.
            if (!state.Spoiled)
                lock (Gate)
                    state.Taken = false;
        }

        var whole = PackLinker.LinkOutlines(files, options, documents, referenced, cancellationToken, out var linked);
        if (linked is not null)
            lock (Gate)
                foreach (var file in linked.Files)
                    Keep(file, linked);
        return whole;
    }

    private static void Keep(FileSpec file, LinkState state)
    {
        Kept.Remove(file);
        Kept.Add(file, state);
    }

    // The kept link updated to the outlines `files` (in path order), or null when it cannot be (the caller links the whole
    // pack). Null before anything is changed, except when resolving the new claims reports something: the state is then
    // left part way, and not kept.
    private static PackModel? Update(LinkState state, List<FileSpec> files, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, out int changed, out FileSpec? before)
    {
        changed = -1;
        before = null;
        if (!Equals(options, state.Options) || !Equals(referenced, state.Referenced) || !documents.SequenceEqual(state.Documents)
            || files.Count != state.Files.Count)
            return null;
        for (var i = 0; i < files.Count; i++)
        {
            if (ReferenceEquals(files[i], state.Files[i]))
                continue;
            if (files[i].Path != state.Files[i].Path || changed >= 0)
                return null; // another set of files, or more than one file changed
            changed = i;
        }
        if (changed < 0)
            return state.Pack;

        var f = changed;
        var old = state.Files[f];
        var now = files[f];
        before = old;
        // Only the claims may change: the file's other entities, its manifest and its problems as they were (none).
        if (now.Diagnostics.Count > 0 || now.ReadInPart || !Equals(now.Manifest, old.Manifest)
            || !now.Sources.Equals(old.Sources) || !now.Actors.Equals(old.Actors) || !now.Places.Equals(old.Places))
            return null;

        // The claims kept as they were (same id, equal outline), those taken out and those put in.
        var oldClaims = state.FileClaims[f];
        var oldById = new Dictionary<string, ClaimRefs>(oldClaims.Count, StringComparer.Ordinal);
        foreach (var claim in oldClaims)
            oldById[claim.Entity.Id] = claim;
        var kept = new HashSet<LinkedEntity>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var placed = new ClaimRefs?[now.Claims.Count];
        var added = new List<(int At, ClaimSpec Spec)>();
        for (var i = 0; i < placed.Length; i++)
        {
            var spec = now.Claims[i];
            if (!ids.Add(spec.Header.Id.Value))
                return null; // an id written twice in the file: reported by the whole link
            if (oldById.TryGetValue(spec.Header.Id.Value, out var same) && same.Spec.Equals(spec))
            {
                placed[i] = same;
                kept.Add(same.Entity);
            }
            else
                added.Add((i, spec));
        }
        var removed = oldClaims.Where(c => !kept.Contains(c.Entity)).ToList();
        var removedIds = new Dictionary<string, ClaimRefs>(StringComparer.Ordinal);
        foreach (var claim in removed)
            removedIds[claim.Entity.Id] = claim;

        // What the whole link would report or decide otherwise for a claim put in: an id or C# name taken, a name a
        // generated class uses, an alias (checked against the whole pack), or an id some alias spells.
        var index = state.Index;
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, spec) in added)
        {
            var header = spec.Header;
            var id = header.Id.Value;
            if (!header.Complete || !Naming.IsValidId(id) || (header.Aliases.Count > 0 && !SameAliases(header, removedIds, id))
                || (index.Find(id) is not null && !removedIds.ContainsKey(id)) // another entity's id, here or in a referenced pack
                || EntityIndex.IsReserved(header.Member) || header.Member == nameof(EntityClass.Claims) || !members.Add(header.Member)
                || (index.ClaimMembers.TryGetValue(header.Member, out var holder) && !removedIds.ContainsKey(holder.Id))
                || index.AliasKeys.Contains(Naming.FindKey(id)))
                return null;
        }
        // A claim taken out that a claim left in names: reported by the whole link, unless a claim of its id is put in.
        var removedSet = new HashSet<LinkedEntity>(removed.Select(r => r.Entity));
        var addedIds = new HashSet<string>(added.Select(a => a.Spec.Header.Id.Value), StringComparer.Ordinal);
        foreach (var claim in removed)
            if (!addedIds.Contains(claim.Entity.Id) && state.NamedBy(claim.Entity).Any(other => !removedSet.Contains(other)))
                return null;

        // From here the kept link changes; what it cannot finish makes the whole link run, and the link is not kept.
        state.Spoiled = true;
        var rebuild = new HashSet<LinkedEntity>();
        var touched = new HashSet<LinkedEntity>();
        foreach (var claim in removed)
            state.Neighbours(claim, rebuild);
        var cited = new List<int>();
        foreach (var claim in removed)
        {
            ModelBuilder.Tally(claim, state.Graph.CitedSources, cited, add: false);
            Touch(claim, touched);
            foreach (var other in claim.Contradicts)
                state.ContradictedBy[other].Remove(claim.Entity);
            foreach (var other in claim.Supports)
                state.SupportedBy[other].Remove(claim.Entity);
            index.Remove(claim.Entity);
        }

        var fresh = new List<LinkedEntity>(added.Count);
        foreach (var (_, spec) in added)
        {
            var entity = new LinkedEntity(EntityClass.Claims, now.Path, spec.Header) { FileOrdinal = f };
            index.Add(entity);
            fresh.Add(entity);
        }
        // A claim taken out and put in again under its id (changed): the claims that named it name the new one.
        foreach (var entity in fresh)
        {
            if (!removedIds.TryGetValue(entity.Id, out var was))
                continue;
            Move(state.ContradictedBy, was.Entity, entity);
            Move(state.SupportedBy, was.Entity, entity);
        }
        foreach (var claim in removed)
        {
            state.ContradictedBy.Remove(claim.Entity);
            state.SupportedBy.Remove(claim.Entity);
        }

        // The claims put in, resolved as the whole link resolves them; anything reported means the whole link must run.
        var reported = new List<DiagnosticInfo>();
        var builder = new ModelBuilder(new ReferenceResolver(index, reported));
        for (var a = 0; a < added.Count; a++)
        {
            var resolved = builder.Resolve(fresh[a], added[a].Spec);
            if (resolved.Claimant is not { Emitted: true })
                return null;
            placed[added[a].At] = resolved;
        }
        if (state.Documents.Count > 0)
            QuoteVerifier.Verify(state.Graph.Sources.Select(s => (s.Entity, s.Spec)).ToList(), fresh.Select(e => (e, e.Resolved!.Spec)).ToList(),
                state.Documents, reported);
        if (reported.Count > 0)
            return null;
        foreach (var entity in fresh)
        {
            var claim = entity.Resolved!;
            ModelBuilder.Tally(claim, state.Graph.CitedSources, cited, add: true);
            Touch(claim, touched);
            foreach (var other in claim.Contradicts)
                LinkState.Incoming(state.ContradictedBy, other).Add(entity);
            foreach (var other in claim.Supports)
                LinkState.Incoming(state.SupportedBy, other).Add(entity);
        }

        // The file's claims in their new places; a claim left in that moved is named by others at its new place.
        var claims = new List<ClaimRefs>(placed.Length);
        for (var i = 0; i < placed.Length; i++)
        {
            var claim = placed[i]!;
            var entity = claim.Entity;
            entity.File = f;
            if (entity.Index != i)
            {
                entity.Index = i;
                if (kept.Contains(entity))
                    state.Neighbours(claim, rebuild);
            }
            claims.Add(claim);
            rebuild.Add(entity);
        }
        foreach (var entity in fresh)
            state.Neighbours(entity.Resolved!, rebuild);
        state.FileClaims[f] = claims;
        var delta = claims.Count - oldClaims.Count;
        for (var i = f + 1; i < state.ClaimStart.Length; i++)
            state.ClaimStart[i] += delta;

        state.Pack = Remade(state, f, oldClaims.Count, rebuild, touched);
        state.Files[f] = now;
        state.Spoiled = false;
        return state.Pack;
    }

    // The pack's models with those of the changed file's claims in their place, and every model the update touched made again.
    private static PackModel Remade(LinkState state, int f, int oldCount, HashSet<LinkedEntity> rebuild, HashSet<LinkedEntity> touched)
    {
        var pack = state.Pack;
        var start = state.ClaimStart[f];
        var claims = new ClaimModel[state.ClaimStart[state.ClaimStart.Length - 1]];
        var was = pack.Claims;
        for (var i = 0; i < start; i++)
            claims[i] = was[i];
        var after = start + state.FileClaims[f].Count;
        for (var i = after; i < claims.Length; i++)
            claims[i] = was[i - after + start + oldCount];
        foreach (var entity in rebuild)
        {
            if (entity.Resolved is not { } claim || !state.IsCurrent(entity))
                continue;
            claims[state.ClaimStart[entity.File] + entity.Index] = ModelBuilder.ClaimModelOf(claim, state.ContradictsOf(entity), state.SupportedByOf(entity));
        }

        var sources = pack.Sources.ToArray();
        var actors = pack.Actors.ToArray();
        var places = pack.Places.ToArray();
        ModelBuilder.SourceOrder? order = null;
        foreach (var entity in touched)
        {
            if (!state.ModelIndex.TryGetValue(entity, out var at))
                continue; // an entity of a referenced pack: counted, never generated here
            switch (entity.Class)
            {
                case EntityClass.Sources:
                    var source = state.Graph.Sources[at];
                    sources[at] = ModelBuilder.SourceModelOf(source, source.Relays);
                    break;
                case EntityClass.Actors:
                    actors[at] = ModelBuilder.ActorModelOf(state.Graph.Actors[at], state.Graph.CitedSources,
                        order ??= ModelBuilder.SourceOrder.Of(state.Graph.CitedSources));
                    break;
                case EntityClass.Places:
                    places[at] = ModelBuilder.PlaceModelOf(state.Graph.Places[at], inCycle: false);
                    break;
            }
        }
        return pack with
        {
            Sources = new EquatableArray<SourceModel>(sources), Actors = new EquatableArray<ActorModel>(actors),
            Places = new EquatableArray<PlaceModel>(places), Claims = new EquatableArray<ClaimModel>(claims),
        };
    }

    // The entities whose counts a claim changes: its claimant, what it is about, the sources it cites.
    private static void Touch(ClaimRefs claim, HashSet<LinkedEntity> into)
    {
        into.Add(claim.Claimant!);
        foreach (var party in claim.About)
            into.Add(party);
        foreach (var citation in claim.Citations)
            if (citation.Source is { } source)
                into.Add(source);
    }

    // The claims that named a claim taken out name the claim put in under its id: its entry in `incoming` is the new one's,
    // and each of those claims' own lists points to it.
    private static void Move(Dictionary<LinkedEntity, List<LinkedEntity>> incoming, LinkedEntity from, LinkedEntity to)
    {
        if (!incoming.TryGetValue(from, out var naming))
            return;
        incoming.Remove(from);
        incoming[to] = naming;
        foreach (var claim in naming)
        {
            Replace(claim.Resolved!.Contradicts, from, to);
            Replace(claim.Resolved!.Supports, from, to);
        }
    }

    private static void Replace(LinkedEntity[] entities, LinkedEntity from, LinkedEntity to)
    {
        for (var i = 0; i < entities.Length; i++)
            if (entities[i] == from)
                entities[i] = to;
    }

    // Whether a claim put in has the aliases of the claim of its id taken out: the pack then spells the same ids, names and
    // aliases as before, which collided nowhere.
    private static bool SameAliases(EntityHeader header, Dictionary<string, ClaimRefs> removed, string id) =>
        removed.TryGetValue(id, out var was)
        && was.Entity.Header.Aliases.Select(a => a.Value).SequenceEqual(header.Aliases.Select(a => a.Value), StringComparer.Ordinal);
}

using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Computes one file's part of the pack's indexes from its linked claims: the claims by claimant, by subject and
/// by source, the contradictions and support edges this file's claims start, each claim's corroboration by
/// independent origins, and the file's dated claims in time order. A part needs nothing from other files, so
/// the pipeline builds it with the file's generated code, and an edit to one file rebuilds one part. Every list
/// is in the pack's order, so joining the parts in file order (the runtime does, on first use) gives the
/// pack's indexes.
/// </summary>
public static class IndexBuilder
{
    /// <summary>The part of <paramref name="file"/>: its own claims, which the pack-wide link placed in the file.</summary>
    public static IndexModel Build(FileModel file) => Build(file.Claims);

    public static IndexModel Build(EquatableArray<ClaimModel> claims)
    {
        // One pass over the claims fills every index; each claim is looked at once, with no list made per claim.
        var byClaimant = new Groups();
        var bySubject = new Groups();
        var bySource = new Groups();
        var contradictions = new List<RefPair>();
        var supports = new List<RefPair>();
        var dated = new List<(DateSpec Date, int Index)>();
        var corroborations = new CorroborationModel[claims.Count];
        var claimRefs = new EntityRef[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var self = claimRefs[i] = Own(claim.Entity);
            byClaimant.Add(claim.Claimant, self);
            for (var s = 0; s < claim.About.Count; s++)
                bySubject.Add(claim.About[s], self);
            for (var c = 0; c < claim.Citations.Count; c++)
            {
                var citation = claim.Citations[c];
                bySource.Add(citation.Source, self);
                if (citation.Via is not null)
                    bySource.Add(citation.Via, self);
            }
            // A contradiction is listed once, by the claim that comes first in the pack (so by its file).
            foreach (var other in claim.Contradicts.OrderBy(Order))
                if (Order(self) < Order(other))
                    contradictions.Add(new RefPair(self, other));
            var firstEdge = supports.Count;
            foreach (var other in claim.Supports.OrderBy(Order))
                if (!HasEdge(supports, firstEdge, other))
                    supports.Add(new RefPair(self, other));
            if (claim.Date is not null)
                dated.Add((claim.Date, i));
            corroborations[i] = Corroboration(self, claim.Citations);
        }

        // By the start of the period, then the more precise date first, then the pack's order.
        dated.Sort((x, y) =>
            x.Date.Year != y.Date.Year ? x.Date.Year.CompareTo(y.Date.Year)
            : x.Date.Month != y.Date.Month ? x.Date.Month.CompareTo(y.Date.Month)
            : x.Date.Day != y.Date.Day ? x.Date.Day.CompareTo(y.Date.Day)
            : x.Date.Precision != y.Date.Precision ? ((int)x.Date.Precision).CompareTo((int)y.Date.Precision)
            : x.Index.CompareTo(y.Index));
        var timeline = new EntityRef[dated.Count];
        for (var i = 0; i < timeline.Length; i++)
            timeline[i] = claimRefs[dated[i].Index];

        return new IndexModel(byClaimant.InPackOrder(), bySubject.InPackOrder(), bySource.InPackOrder(),
            contradictions.ToEquatableArray(), supports.ToEquatableArray(), new EquatableArray<EntityRef>(timeline),
            new EquatableArray<CorroborationModel>(corroborations));
    }

    // A generated entity of this pack, as a reference: the runtime reaches it by kind, file and place.
    private static EntityRef Own(EntityModel e) => new(EntityClass.Claims, e.Member, e.Id, "", null, e.File, e.Index);

    private static bool IsOwn(EntityRef entity) => entity.External is null && entity.File >= 0;

    // The pack's order of a claim: its file, then its place there; another pack's claims come after, in the order they
    // are written (OrderBy is a stable sort).
    private static long Order(EntityRef claim) => IsOwn(claim) ? ((long)claim.File << 32) | (uint)claim.Index : long.MaxValue;

    // Whether the claim's edges (from firstEdge on) already reach other: a link written twice is one edge.
    private static bool HasEdge(List<RefPair> edges, int firstEdge, EntityRef other)
    {
        for (var i = firstEdge; i < edges.Count; i++)
            if (edges[i].Second.Id == other.Id)
                return true;
        return false;
    }

    // A claim's citations, its distinct reports, and its distinct origins (the via channel, else the report) in the
    // order they are cited. Claims cite a few sources, so the distinct ones are found by looking back, not in a set.
    private static CorroborationModel Corroboration(EntityRef claim, EquatableArray<CitationModel> citations)
    {
        if (citations.Count == 0)
            return new CorroborationModel(claim, 0, 0, EquatableArray<EntityRef>.Empty);
        var reports = 0;
        var origins = new List<EntityRef>(citations.Count);
        for (var i = 0; i < citations.Count; i++)
        {
            var source = citations[i].Source;
            var repeated = false;
            for (var j = 0; j < i && !repeated; j++)
                repeated = citations[j].Source.Id == source.Id;
            if (!repeated)
                reports++;
            var origin = citations[i].Via ?? source;
            var seen = false;
            for (var j = 0; j < origins.Count && !seen; j++)
                seen = origins[j].Id == origin.Id;
            if (!seen)
                origins.Add(origin);
        }
        return new CorroborationModel(claim, citations.Count, reports, new EquatableArray<EntityRef>(origins.ToArray()));
    }

    // The file's claims that name each entity, in the file's order and each once. Keys of this pack come in the pack's
    // order (kind, then file, then place), which the runtime's join keeps; entities of other packs the claims name come
    // after them, in the order the file's claims first name them, which the join keeps across files too.
    private sealed class Groups
    {
        private readonly Dictionary<(EntityClass, int, int, string?), (EntityRef Key, int Seen, List<EntityRef> Claims)> _claims = new();

        public void Add(EntityRef key, EntityRef claim)
        {
            if (!IsOwn(key) && key.External is null)
                return; // an entity of this pack that is not generated
            var at = (key.Class, key.File, key.Index, key.External);
            if (!_claims.TryGetValue(at, out var group))
                _claims[at] = group = (key, _claims.Count, new List<EntityRef>());
            if (group.Claims.Count == 0 || group.Claims[group.Claims.Count - 1].Id != claim.Id)
                group.Claims.Add(claim);
        }

        public EquatableArray<IndexGroup> InPackOrder() =>
            _claims.OrderBy(g => g.Key.Item4 is null ? 0 : 1)
                .ThenBy(g => g.Key.Item4 is null ? (g.Key.Item1, g.Key.Item2, g.Key.Item3) : default)
                .ThenBy(g => g.Value.Seen)
                .Select(g => new IndexGroup(Bare(g.Value.Key), new EquatableArray<EntityRef>(g.Value.Claims.ToArray())))
                .ToEquatableArray();

        // The key as the indexes write it: by kind, file and place (or its member in another pack), without the name the
        // docs show.
        private static EntityRef Bare(EntityRef key) => key.Name.Length == 0 ? key : key with { Name = "" };
    }
}

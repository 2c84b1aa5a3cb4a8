using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Computes the pack's indexes from the linked <see cref="PackModel"/>, through its <see cref="IndexInput"/>
/// (the pipeline caches the input, so a rewording does not rebuild them): claims by claimant, by subject
/// and by source, the contradiction and support graph, corroboration by independent origins, and the
/// timeline. Every list keeps the pack's order, so the output is stable for a given pack.
/// </summary>
public static class IndexBuilder
{
    public static IndexModel Build(PackModel pack) => Build(Input(pack));

    public static IndexModel Build(IndexInput input)
    {
        var claims = input.Claims;
        var order = new Dictionary<string, int>(claims.Count, StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
            order[claims[i].Claim.Id] = i;
        int Order(EntityRef claim) => order.TryGetValue(claim.Id, out var i) ? i : int.MaxValue;

        // One pass over the claims fills every index; each claim is looked at once, with no list made per claim.
        var byClaimant = new Groups();
        var bySubject = new Groups();
        var bySource = new Groups();
        var contradictions = new List<RefPair>();
        var supports = new List<RefPair>();
        var supportEdges = new HashSet<(string, string)>();
        var dated = new List<(DateSpec Date, int Index)>();
        var corroborations = new CorroborationModel[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var self = claim.Claim;
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
            if (claim.Contradicts.Count > 0)
                foreach (var other in claim.Contradicts.Where(o => Order(self) < Order(o)).OrderBy(Order))
                    contradictions.Add(new RefPair(self, other));
            if (claim.Supports.Count > 0)
                foreach (var other in claim.Supports.OrderBy(Order))
                    if (supportEdges.Add((self.Id, other.Id)))
                        supports.Add(new RefPair(self, other));
            if (claim.Date is not null)
                dated.Add((claim.Date, i));
            corroborations[i] = Corroboration(claim);
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
            timeline[i] = claims[dated[i].Index].Claim;

        // The indexes are written as references to members: without the names the docs show, rewording a
        // claim leaves the model equal and the generated indexes cached.
        return new IndexModel(input.Namespace, byClaimant.Of(input.Actors), bySubject.Of(input.Actors, input.Places), bySource.Of(input.Sources),
            contradictions.ToEquatableArray(), supports.ToEquatableArray(), new EquatableArray<EntityRef>(timeline),
            new EquatableArray<CorroborationModel>(corroborations));
    }

    // A claim's citations, its distinct reports, and its distinct origins (the via channel, else the report) in the
    // order they are cited. Claims cite a few sources, so the distinct ones are found by looking back, not in a set.
    private static CorroborationModel Corroboration(ClaimLinks claim)
    {
        var citations = claim.Citations;
        if (citations.Count == 0)
            return new CorroborationModel(claim.Claim, 0, 0, EquatableArray<EntityRef>.Empty);
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
        return new CorroborationModel(claim.Claim, citations.Count, reports, new EquatableArray<EntityRef>(origins.ToArray()));
    }

    /// <summary>
    /// The <see cref="IndexInput"/> of a linked pack. The linker shares one reference object per entity; so does
    /// the input, which makes one reference without a name per entity and no model.
    /// </summary>
    public static IndexInput Input(PackModel pack)
    {
        var bare = new Dictionary<EntityRef, EntityRef>(ReferenceComparer.Instance);
        EntityRef B(EntityRef r)
        {
            if (!bare.TryGetValue(r, out var b))
                bare[r] = b = r.Name.Length == 0 ? r : r with { Name = "" };
            return b;
        }
        EquatableArray<EntityRef> Bs(EquatableArray<EntityRef> refs)
        {
            if (refs.Count == 0)
                return EquatableArray<EntityRef>.Empty;
            var array = new EntityRef[refs.Count];
            for (var i = 0; i < array.Length; i++)
                array[i] = B(refs[i]);
            return new EquatableArray<EntityRef>(array);
        }
        static EntityRef Own(EntityClass @class, EntityModel e) => new(@class, e.Member, e.Id, "", null, e.File, e.Index);
        return new IndexInput(
            pack.Info.Namespace,
            pack.Sources.Select(s => Own(EntityClass.Sources, s.Entity)).ToEquatableArray(),
            pack.Actors.Select(a => Own(EntityClass.Actors, a.Entity)).ToEquatableArray(),
            pack.Places.Select(p => Own(EntityClass.Places, p.Entity)).ToEquatableArray(),
            pack.Claims.Select(c => new ClaimLinks(
                Own(EntityClass.Claims, c.Entity), B(c.Claimant), Bs(c.About), c.Date,
                c.Citations.Count == 0 ? EquatableArray<CitationLinks>.Empty
                : c.Citations.Select(ci => new CitationLinks(B(ci.Source), ci.Via is null ? null : B(ci.Via))).ToEquatableArray(),
                Bs(c.Contradicts), Bs(c.Supports))).ToEquatableArray());
    }

    private sealed class ReferenceComparer : IEqualityComparer<EntityRef>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(EntityRef? x, EntityRef? y) => ReferenceEquals(x, y);

        public int GetHashCode(EntityRef obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    // The claims that name each key, in the pack's order and each once; keys without claims are left out, and keys
    // keep the order they are given in.
    private sealed class Groups
    {
        // By kind, then by id: a dictionary of plain string keys hashes faster than one of (kind, id) pairs.
        private readonly Dictionary<string, List<EntityRef>>[] _claims =
        {
            new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal),
        };

        public void Add(EntityRef key, EntityRef claim)
        {
            var byId = _claims[(int)key.Class];
            if (!byId.TryGetValue(key.Id, out var list))
                byId[key.Id] = list = new List<EntityRef>();
            if (list.Count == 0 || list[list.Count - 1].Id != claim.Id)
                list.Add(claim);
        }

        public EquatableArray<IndexGroup> Of(EquatableArray<EntityRef> keys, EquatableArray<EntityRef> moreKeys = default)
        {
            var groups = new List<IndexGroup>();
            void Take(EquatableArray<EntityRef> some)
            {
                for (var i = 0; i < some.Count; i++)
                    if (_claims[(int)some[i].Class].TryGetValue(some[i].Id, out var list))
                        groups.Add(new IndexGroup(some[i], new EquatableArray<EntityRef>(list.ToArray())));
            }
            Take(keys);
            Take(moreKeys);
            return groups.ToEquatableArray();
        }
    }
}

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

        var byClaimant = Group(input.Actors, claims.Select(c => (Keys: (IEnumerable<EntityRef>)new[] { c.Claimant }, c.Claim)));
        var bySubject = Group(input.Actors.Concat(input.Places), claims.Select(c => (Keys: (IEnumerable<EntityRef>)c.About, c.Claim)));
        var bySource = Group(input.Sources,
            claims.Select(c => (Keys: c.Citations.SelectMany(ci => ci.Via is null ? new[] { ci.Source } : new[] { ci.Source, ci.Via }), c.Claim)));

        var contradictions = new List<RefPair>();
        var supports = new List<RefPair>();
        var supportEdges = new HashSet<(string, string)>();
        foreach (var claim in claims)
        {
            var self = claim.Claim;
            foreach (var other in claim.Contradicts.Where(o => Order(self) < Order(o)).OrderBy(Order))
                contradictions.Add(new RefPair(self, other));
            foreach (var other in claim.Supports.OrderBy(Order))
                if (supportEdges.Add((self.Id, other.Id)))
                    supports.Add(new RefPair(self, other));
        }

        // By the start of the period, then the more precise date first, then the pack's order.
        var timeline = claims
            .Select((c, i) => (Claim: c, Index: i))
            .Where(x => x.Claim.Date is not null)
            .OrderBy(x => x.Claim.Date!.Year).ThenBy(x => x.Claim.Date!.Month).ThenBy(x => x.Claim.Date!.Day)
            .ThenBy(x => (int)x.Claim.Date!.Precision).ThenBy(x => x.Index)
            .Select(x => x.Claim.Claim)
            .ToEquatableArray();

        var corroborations = claims.Select(c => new CorroborationModel(
            c.Claim,
            c.Citations.Count,
            c.Citations.Select(ci => ci.Source.Id).Distinct().Count(),
            new EquatableArray<EntityRef>(Distinct(c.Citations.Select(ci => ci.Via ?? ci.Source))))).ToEquatableArray();

        // The indexes are written as references to members: without the names the docs show, rewording a
        // claim leaves the model equal and the generated indexes cached.
        return new IndexModel(input.Namespace, byClaimant, bySubject, bySource,
            contradictions.ToEquatableArray(), supports.ToEquatableArray(), timeline, corroborations);
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

    // Groups claims under each key they name; keys without claims are left out. Keys keep the given order.
    private static EquatableArray<IndexGroup> Group(IEnumerable<EntityRef> keys, IEnumerable<(IEnumerable<EntityRef> Keys, EntityRef Claim)> claims)
    {
        var groups = new Dictionary<(EntityClass, string), List<EntityRef>>();
        foreach (var (claimKeys, self) in claims)
        {
            foreach (var key in claimKeys)
            {
                if (!groups.TryGetValue((key.Class, key.Id), out var list))
                    groups[(key.Class, key.Id)] = list = new List<EntityRef>();
                if (list.Count == 0 || list[list.Count - 1].Id != self.Id)
                    list.Add(self);
            }
        }
        return keys
            .Where(k => groups.ContainsKey((k.Class, k.Id)))
            .Select(k => new IndexGroup(k, new EquatableArray<EntityRef>(groups[(k.Class, k.Id)])))
            .ToEquatableArray();
    }

    private static IEnumerable<EntityRef> Distinct(IEnumerable<EntityRef> refs)
    {
        var seen = new HashSet<string>();
        foreach (var r in refs)
            if (seen.Add(r.Id))
                yield return r;
    }
}

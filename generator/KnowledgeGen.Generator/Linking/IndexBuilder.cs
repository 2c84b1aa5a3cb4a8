using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Computes the pack's indexes from the linked <see cref="PackModel"/>: claims by claimant, by subject
/// and by source, the contradiction and support graph, corroboration by independent origins, and the
/// timeline. Every list keeps the pack's order, so the output is stable for a given pack.
/// </summary>
public static class IndexBuilder
{
    public static IndexModel Build(PackModel pack)
    {
        var claims = pack.Claims;
        var order = new Dictionary<string, int>();
        for (var i = 0; i < claims.Count; i++)
            order[claims[i].Entity.Id] = i;
        int Order(EntityRef claim) => order.TryGetValue(claim.Id, out var i) ? i : int.MaxValue;

        var byClaimant = Group(pack.Actors.Select(a => Ref(EntityClass.Actors, a.Entity)),
            claims.Select(c => (Keys: (IEnumerable<EntityRef>)new[] { c.Claimant }, Claim: c)));
        var bySubject = Group(pack.Actors.Select(a => Ref(EntityClass.Actors, a.Entity)).Concat(pack.Places.Select(p => Ref(EntityClass.Places, p.Entity))),
            claims.Select(c => (Keys: (IEnumerable<EntityRef>)c.About, Claim: c)));
        var bySource = Group(pack.Sources.Select(s => Ref(EntityClass.Sources, s.Entity)),
            claims.Select(c => (Keys: c.Citations.SelectMany(ci => ci.Via is null ? new[] { ci.Source } : new[] { ci.Source, ci.Via }), Claim: c)));

        var contradictions = new List<RefPair>();
        var supports = new List<RefPair>();
        var supportEdges = new HashSet<(string, string)>();
        foreach (var claim in claims)
        {
            var self = Ref(EntityClass.Claims, claim.Entity);
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
            .Select(x => Ref(EntityClass.Claims, x.Claim.Entity))
            .ToArray();

        var corroborations = claims.Select(c => new CorroborationModel(
            Ref(EntityClass.Claims, c.Entity),
            c.Citations.Count,
            c.Citations.Select(ci => ci.Source.Id).Distinct().Count(),
            new EquatableArray<EntityRef>(Distinct(c.Citations.Select(ci => ci.Via ?? ci.Source))))).ToArray();

        // The indexes are written as references to members: without the names the docs show, rewording a
        // claim leaves the model equal and the generated indexes cached.
        return new IndexModel(pack.Info.Namespace,
            Bare(byClaimant), Bare(bySubject), Bare(bySource),
            contradictions.Select(p => new RefPair(Bare(p.First), Bare(p.Second))).ToEquatableArray(),
            supports.Select(p => new RefPair(Bare(p.First), Bare(p.Second))).ToEquatableArray(),
            timeline.Select(Bare).ToEquatableArray(),
            corroborations.Select(c => c with { Claim = Bare(c.Claim), Origins = c.Origins.Select(Bare).ToEquatableArray() }).ToEquatableArray());
    }

    /// <summary>
    /// What the indexes are built from: the pack's entities and references without their text (names,
    /// statements, quotes, notes) and without diagnostics, so that rewording a fact leaves it equal and the
    /// pipeline does not rebuild the indexes.
    /// </summary>
    public static PackModel Skeleton(PackModel pack)
    {
        static EntityModel E(EntityModel e) => new(e.Id, e.Member, "", EquatableArray<string>.Empty, null, "", e.File, e.Index);
        // The linker shares one reference object per entity; so does the skeleton, made once per entity.
        var bare = new Dictionary<EntityRef, EntityRef>(ReferenceComparer.Instance);
        EntityRef B(EntityRef r)
        {
            if (!bare.TryGetValue(r, out var b))
                bare[r] = b = Bare(r);
            return b;
        }
        var none = EquatableArray<EntityRef>.Empty;
        return new PackModel(
            new PackInfo("", pack.Info.Namespace, "", "", null),
            pack.Sources.Select(s => new SourceModel(E(s.Entity), "", null, null, null, null, null, null, null, none, 0)).ToEquatableArray(),
            pack.Actors.Select(a => new ActorModel(E(a.Entity), "", false, null, EquatableArray<RoleModel>.Empty, 0, EquatableArray<string>.Empty, 0)).ToEquatableArray(),
            pack.Places.Select(p => new PlaceModel(E(p.Entity), "", null, 0)).ToEquatableArray(),
            pack.Claims.Select(c => new ClaimModel(E(c.Entity), "", B(c.Claimant), c.About.Select(B).ToEquatableArray(), c.Date, "", null,
                c.Citations.Select(ci => new CitationModel(B(ci.Source), "", ci.Via is null ? null : B(ci.Via))).ToEquatableArray(),
                c.Contradicts.Select(B).ToEquatableArray(), c.Supports.Select(B).ToEquatableArray(), none)).ToEquatableArray(),
            EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
    }

    private sealed class ReferenceComparer : IEqualityComparer<EntityRef>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(EntityRef? x, EntityRef? y) => ReferenceEquals(x, y);

        public int GetHashCode(EntityRef obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static EntityRef Bare(EntityRef r) => r.Name.Length == 0 ? r : r with { Name = "" };

    private static EquatableArray<IndexGroup> Bare(IEnumerable<IndexGroup> groups) =>
        groups.Select(g => new IndexGroup(Bare(g.Key), g.Claims.Select(Bare).ToEquatableArray())).ToEquatableArray();

    private static EntityRef Ref(EntityClass @class, EntityModel e) => new(@class, e.Member, e.Id, e.Name, null, e.File, e.Index);

    // Groups claims under each key they name; keys without claims are left out. Keys keep the given order.
    private static IndexGroup[] Group(IEnumerable<EntityRef> keys, IEnumerable<(IEnumerable<EntityRef> Keys, ClaimModel Claim)> claims)
    {
        var groups = new Dictionary<(EntityClass, string), List<EntityRef>>();
        foreach (var (claimKeys, claim) in claims)
        {
            var self = Ref(EntityClass.Claims, claim.Entity);
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
            .ToArray();
    }

    private static IEnumerable<EntityRef> Distinct(IEnumerable<EntityRef> refs)
    {
        var seen = new HashSet<string>();
        foreach (var r in refs)
            if (seen.Add(r.Id))
                yield return r;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace KnowledgeGen;

/// <summary>Claims filed under one entity: the claims a claimant made, the claims about a subject, the claims citing a source.</summary>
public sealed class IndexEntry<TKey> where TKey : Entity
{
    /// <summary>Creates an entry; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public IndexEntry(TKey key, IReadOnlyList<Claim> claims)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Claims = FrozenList<Claim>.Copy(claims, nameof(claims));
    }

    /// <summary>The entity the claims are filed under.</summary>
    public TKey Key { get; }

    /// <summary>The claims, in the pack's order.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>Reads as <c>Fahim Dashti: 4 claims</c>.</summary>
    public override string ToString() => Key.Name + ": " + Claims.Count + (Claims.Count == 1 ? " claim" : " claims");
}

/// <summary>Two claims that contradict each other; <see cref="First"/> comes first in the pack's order.</summary>
public readonly record struct ClaimPair(Claim First, Claim Second);

/// <summary>One claim supporting another.</summary>
public readonly record struct SupportEdge(Claim Supporter, Claim Supported);

/// <summary>
/// How many independent reports carry a claim. A citation's origin is the channel it relays (its
/// <c>via</c>), else the report itself, so a claim three reports relay from one broadcast counts one
/// independent origin.
/// </summary>
public sealed class Corroboration
{
    /// <summary>
    /// Creates a corroboration; for packs built by hand (a generated pack decodes its own from its records). Each citation
    /// has one document and one origin, so neither <paramref name="reports"/> nor the number of <paramref name="origins"/>
    /// can exceed <paramref name="citations"/>, and no count is negative.
    /// </summary>
    public Corroboration(Claim claim, int citations, int reports, IReadOnlyList<Source> origins)
    {
        Claim = claim ?? throw new ArgumentNullException(nameof(claim));
        if (citations < 0)
            throw new ArgumentOutOfRangeException(nameof(citations), citations, "A claim has no fewer than 0 citations.");
        if (reports < 0 || reports > citations)
            throw new ArgumentOutOfRangeException(nameof(reports), reports, $"The distinct documents of {citations} citations are 0 to {citations}.");
        Citations = citations;
        Reports = reports;
        Origins = FrozenList<Source>.Copy(origins, nameof(origins));
        if (Origins.Count > citations)
            throw new ArgumentException($"{Origins.Count} origins for {citations} citations: each citation has one origin.", nameof(origins));
    }

    /// <summary>The claim.</summary>
    public Claim Claim { get; }

    /// <summary>How many citations the claim has.</summary>
    public int Citations { get; }

    /// <summary>How many distinct documents (citation sources) carry the claim.</summary>
    public int Reports { get; }

    /// <summary>The distinct origins of the claim's citations, in the order they are first cited.</summary>
    public IReadOnlyList<Source> Origins { get; }

    /// <summary>How many independent origins carry the claim.</summary>
    public int IndependentOrigins => Origins.Count;

    /// <summary>True when at least two independent origins carry the claim.</summary>
    public bool IsIndependentlyCorroborated => Origins.Count >= 2;

    /// <summary>Reads as a sentence: <c>3 reports, 1 independent origin (dashti-audio-message)</c>.</summary>
    public override string ToString() => ToString(origin => origin.Id);

    /// <summary>The same sentence, with each origin named by <paramref name="name"/> instead of by its id.</summary>
    public string ToString(Func<Source, string> name)
    {
        if (name is null)
            throw new ArgumentNullException(nameof(name));
        return Count(Reports, "report") + ", " + Count(Origins.Count, "independent origin") +
            (Origins.Count == 0 ? "" : " (" + string.Join(", ", Origins.Select(name)) + ")");
    }

    private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? "" : "s");
}

/// <summary>
/// The answers to the questions people ask of a pack, computed by the generator when the pack is built:
/// claims by claimant, by subject and by source, the contradiction and support graph, each claim's
/// corroboration, and the timeline of dated claims. Lookups take no scan of the pack.
/// </summary>
public sealed class PackIndexes
{
    private readonly IReadOnlyList<IndexEntry<Actor>> _byClaimant;
    private readonly IReadOnlyList<IndexEntry<Entity>> _bySubject;
    private readonly IReadOnlyList<IndexEntry<Source>> _bySource;
    private readonly IReadOnlyList<Corroboration> _corroborations;
    private Lookups? _lookups;

    /// <summary>Creates the indexes. For packs built by hand; a generated pack joins its indexes from its records.</summary>
    public PackIndexes(
        IReadOnlyList<IndexEntry<Actor>> byClaimant,
        IReadOnlyList<IndexEntry<Entity>> bySubject,
        IReadOnlyList<IndexEntry<Source>> bySource,
        IReadOnlyList<ClaimPair> contradictions,
        IReadOnlyList<SupportEdge> supports,
        IReadOnlyList<Claim> timeline,
        IReadOnlyList<Corroboration> corroborations)
    {
        _byClaimant = FrozenList<IndexEntry<Actor>>.Copy(byClaimant, nameof(byClaimant));
        _bySubject = FrozenList<IndexEntry<Entity>>.Copy(bySubject, nameof(bySubject));
        _bySource = FrozenList<IndexEntry<Source>>.Copy(bySource, nameof(bySource));
        Contradictions = FrozenList<ClaimPair>.Copy(contradictions, nameof(contradictions));
        Supports = FrozenList<SupportEdge>.Copy(supports, nameof(supports));
        Timeline = FrozenList<Claim>.Copy(timeline, nameof(timeline));
        _corroborations = FrozenList<Corroboration>.Copy(corroborations, nameof(corroborations));
    }

    /// <summary>Every contradiction once, as a pair; ordered by the pack's order of the first claim, then of the second.</summary>
    public IReadOnlyList<ClaimPair> Contradictions { get; }

    /// <summary>Every support edge, ordered by the pack's order of the supporter, then of the supported claim.</summary>
    public IReadOnlyList<SupportEdge> Supports { get; }

    /// <summary>
    /// The dated claims in time order. A date sorts by the start of its period (a month by its first day,
    /// a year by January 1st); on the same start, the more precise date comes first (day, month, year,
    /// then approximate), and ties keep the pack's order. The precision is <c>claim.Date.Value.Precision</c>.
    /// </summary>
    public IReadOnlyList<Claim> Timeline { get; }

    /// <summary>
    /// The claimants with the claims each made, ordered by the pack's order of actors; then actors of other packs the
    /// pack's claims name (a pack built on another), in the order the claims first name them.
    /// </summary>
    public IReadOnlyList<IndexEntry<Actor>> Claimants => _byClaimant;

    /// <summary>The subjects (actors and places) with the claims about each; the pack's own first, then other packs'.</summary>
    public IReadOnlyList<IndexEntry<Entity>> Subjects => _bySubject;

    /// <summary>The sources with the claims citing each; the pack's own first, then other packs'.</summary>
    public IReadOnlyList<IndexEntry<Source>> CitingSources => _bySource;

    /// <summary>The claims <paramref name="claimant"/> made, in the pack's order.</summary>
    public IReadOnlyList<Claim> ClaimsBy(Actor claimant) => Find(Get().ByClaimant, claimant, nameof(claimant));

    /// <summary>The claims about <paramref name="subject"/> (an actor or a place), in the pack's order.</summary>
    public IReadOnlyList<Claim> ClaimsAbout(Entity subject) => Find(Get().BySubject, subject, nameof(subject));

    /// <summary>The claims with a citation whose document or relayed channel (<c>via</c>) is <paramref name="source"/>.</summary>
    public IReadOnlyList<Claim> ClaimsCiting(Source source) => Find(Get().BySource, source, nameof(source));

    /// <summary>How many reports and independent origins carry <paramref name="claim"/>.</summary>
    public Corroboration Corroboration(Claim claim)
    {
        if (claim is null)
            throw new ArgumentNullException(nameof(claim));
        return Get().Corroboration.TryGetValue(claim, out var c) ? c : new Corroboration(claim, 0, 0, Array.Empty<Source>());
    }

    /// <summary>
    /// Computes the indexes by scanning <paramref name="pack"/>: for packs built without the generator
    /// (or by a generator older than the indexes). Generated packs precompute them instead.
    /// </summary>
    public static PackIndexes Compute(KnowledgePack pack)
    {
        if (pack is null)
            throw new ArgumentNullException(nameof(pack));
        // A claim listed twice counts once, where it first stands, in every index.
        var order = new Dictionary<Claim, int>();
        var claims = new List<Claim>(pack.Claims.Count);
        foreach (var claim in pack.Listed(pack.Claims, nameof(pack.Claims)))
            if (order.TryAdd(claim, claims.Count))
                claims.Add(claim);
        int Order(Claim c) => order.TryGetValue(c, out var i) ? i : int.MaxValue;

        // Keys of the pack in its order, then entities of other packs (a pack built on another names them) in the order the
        // claims first name them, as a generated pack joins its indexes.
        List<T> Keys<T>(IEnumerable<T> own, Func<Claim, IEnumerable<T>> named) where T : Entity
        {
            var keys = own.ToList();
            var seen = new HashSet<T>(keys, ReferenceEqualityComparer.Instance);
            foreach (var claim in claims)
                foreach (var entity in named(claim))
                    if (entity is not null && seen.Add(entity))
                        keys.Add(entity);
            return keys;
        }
        var byClaimant = Keys(pack.Listed(pack.Actors, nameof(pack.Actors)), c => new[] { c.Claimant })
            .Select(a => new IndexEntry<Actor>(a, claims.Where(c => ReferenceEquals(c.Claimant, a)).ToArray()))
            .Where(e => e.Claims.Count > 0).ToArray();
        var bySubject = Keys(pack.Actors.Cast<Entity>().Concat(pack.Listed(pack.Places, nameof(pack.Places))), c => c.About)
            .Select(s => new IndexEntry<Entity>(s, claims.Where(c => c.About.Contains(s)).ToArray()))
            .Where(e => e.Claims.Count > 0).ToArray();
        var bySource = Keys(pack.Listed(pack.Sources, nameof(pack.Sources)), c => c.Citations.SelectMany(ci => ci.Via is null ? new[] { ci.Source } : new[] { ci.Source, ci.Via }))
            .Select(s => new IndexEntry<Source>(s, claims.Where(c => c.Citations.Any(ci => ReferenceEquals(ci.Source, s) || ReferenceEquals(ci.Via, s))).ToArray()))
            .Where(e => e.Claims.Count > 0).ToArray();
        // A relation counts whichever side declares it, as the generator links it: a hand-made claim may name the other
        // only on one side (B contradicts A, A names nothing; or A lists B among its SupportedBy). A claim linked to itself
        // is left out of both, as the generator refuses it (KG0017).
        var contradictions = claims
            .SelectMany(c => c.Contradicts.Where(o => o != c).Select(o => Order(c) < Order(o) ? new ClaimPair(c, o) : new ClaimPair(o, c)))
            .Distinct().OrderBy(p => Order(p.First)).ThenBy(p => Order(p.Second)).ToArray();
        var supports = claims
            .SelectMany(c => c.Supports.Select(o => new SupportEdge(c, o)).Concat(c.SupportedBy.Select(o => new SupportEdge(o, c))))
            .Where(p => p.Supporter != p.Supported)
            .Distinct().OrderBy(p => Order(p.Supporter)).ThenBy(p => Order(p.Supported)).ToArray();
        var timeline = claims.Where(c => c.Date is not null).OrderBy(c => c.Date!.Value).ThenBy(Order).ToArray();
        var corroborations = claims.Select(c => new Corroboration(c, c.Citations.Count,
            c.Citations.Select(ci => ci.Source).Distinct().Count(),
            c.Citations.Select(ci => ci.Origin).Distinct().ToArray())).ToArray();
        return new PackIndexes(byClaimant, bySubject, bySource, contradictions, supports, timeline, corroborations);
    }

    private static IReadOnlyList<Claim> Find<TKey>(Dictionary<TKey, IReadOnlyList<Claim>> map, TKey key, string parameter) where TKey : Entity
    {
        if (key is null)
            throw new ArgumentNullException(parameter);
        return map.TryGetValue(key, out var claims) ? claims : Array.Empty<Claim>();
    }

    private Lookups Get() => Volatile.Read(ref _lookups) ?? Interlocked.CompareExchange(ref _lookups, new Lookups(this), null) ?? _lookups!;

    // Dictionaries over the precomputed lists; entities compare by reference.
    private sealed class Lookups
    {
        public readonly Dictionary<Actor, IReadOnlyList<Claim>> ByClaimant;
        public readonly Dictionary<Entity, IReadOnlyList<Claim>> BySubject;
        public readonly Dictionary<Source, IReadOnlyList<Claim>> BySource;
        public readonly Dictionary<Claim, Corroboration> Corroboration;

        public Lookups(PackIndexes indexes)
        {
            ByClaimant = FirstOfEach(indexes._byClaimant, e => e.Key, e => e.Claims);
            BySubject = FirstOfEach(indexes._bySubject, e => e.Key, e => e.Claims);
            BySource = FirstOfEach(indexes._bySource, e => e.Key, e => e.Claims);
            Corroboration = FirstOfEach(indexes._corroborations, c => c.Claim, c => c);
        }

        // A key listed twice (a hand-made pack's claim listed twice) keeps its first entry, rather than failing the first
        // lookup long after the indexes were made.
        private static Dictionary<TKey, TValue> FirstOfEach<TItem, TKey, TValue>(IReadOnlyList<TItem> items, Func<TItem, TKey> key, Func<TItem, TValue> value)
            where TKey : notnull
        {
            var map = new Dictionary<TKey, TValue>(items.Count);
            foreach (var item in items)
                map.TryAdd(key(item), value(item));
            return map;
        }
    }
}

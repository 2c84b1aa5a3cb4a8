using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A pack is read from many threads at once (a web application's requests): the first reads of an entity's references,
/// racing, all get the same targets and the same list, and none of them fails.
/// </summary>
public class ConcurrentReadingTests
{
    private const int Threads = 8;

    // Runs read on Threads threads released together (thread i gets i), and returns what each read; none may fail.
    private static T[] AllAtOnce<T>(Func<int, T> read)
    {
        var seen = new T[Threads];
        var failures = new List<Exception>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                seen[i] = read(i);
            }
            catch (Exception e)
            {
                lock (failures)
                    failures.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return seen;
    }

    [Fact]
    public void Threads_reading_a_claims_references_for_the_first_time_at_once_all_get_the_same_ones()
    {
        // A freshly loaded pack, so that every claim's references are read here for the first time.
        var pack = CompiledPack.Load(GeneratorHarness.Run(SyntheticPack.Create(1000, 4)), "concurrent");
        var claims = pack.Claims;
        Assert.True(claims.Count > 800);
        foreach (var claim in claims)
        {
            _ = claim.Statement; // the record decoded; its references not yet read
            var seen = AllAtOnce(_ => (claim.About, claim.Supports, claim.Claimant));
            // One list object for every reader (the first published wins), holding the same entities as a later read.
            Assert.All(seen, s => Assert.Same(claim.About, s.About));
            Assert.All(seen, s => Assert.Same(claim.Supports, s.Supports));
            Assert.All(seen, s => Assert.Same(claim.Claimant, s.Claimant));
        }
    }

    [Fact]
    public void Threads_making_every_first_access_of_a_fresh_pack_at_once_all_see_the_same_objects()
    {
        // Files of about 400 records, two chunks each, so finding where records start crosses chunks. The assembly is
        // loaded afresh each round: nothing is decoded, no table, list, index or lookup exists when the threads start.
        using var assembly = new MemoryStream();
        Assert.True(GeneratorHarness.Run(SyntheticPack.Create(800, 2)).OutputCompilation.Emit(assembly).Success);
        for (var round = 0; round < 8; round++)
        {
            assembly.Position = 0;
            var loaded = new AssemblyLoadContext("first-access-" + round, isCollectible: true).LoadFromStream(assembly);
            var pack = KnowledgePackAttribute.Load(loaded.GetCustomAttribute<KnowledgePackAttribute>()!.PackType);
            var seen = AllAtOnce(i => EverythingReachable(pack, firstPart: i));
            var expected = EverythingReachable(pack, firstPart: 0);
            Assert.DoesNotContain(null, expected.Where((item, at) => at % 2 == 0)); // entities and lists, never null
            foreach (var items in seen)
            {
                Assert.Equal(expected.Count, items.Count);
                for (var at = 0; at < expected.Count; at++)
                    Assert.True(ReferenceEquals(expected[at], items[at]) || (expected[at] is ValueType && Equals(expected[at], items[at])),
                        $"round {round}, item {at}: {items[at]} is not {expected[at]}");
            }
        }
    }

    // Every object a reader of the pack reaches, in one order whatever part a thread reads first: entities and lists at even
    // places, optional references and values at odd ones.
    private static List<object?> EverythingReachable(KnowledgePack pack, int firstPart)
    {
        var parts = new Func<List<object?>>[]
        {
            () => pack.Claims.SelectMany(c => new object?[] { c, c.Date, c.Claimant, c.Quantity, c.About, c.Status, c.Citations, null, c.Contradicts, null,
                c.Supports, null, c.SupportedBy, null }.Concat(c.Citations.SelectMany(ci => new object?[] { ci.Source, ci.Via })))
                .ToList(),
            () => pack.Sources.SelectMany(s => new object?[] { s, s.Outlet, s.Relays, s.Author }).ToList(),
            () => pack.Actors.SelectMany(a => new object?[] { a, null, a.Roles, null }.Concat(a.Roles.SelectMany(r => new object?[] { r, r.Of }))).ToList(),
            () => pack.Places.SelectMany(p => new object?[] { p, p.In }).ToList(),
            () => Indexes(pack.Indexes, pack),
            () => pack.Entities.SelectMany(e => new object?[] { pack.Find(e.Id), null }).ToList(),
        };
        var results = new List<object?>[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            var part = (firstPart + k) % parts.Length;
            results[part] = parts[part]();
        }
        return results.SelectMany(r => r).ToList();
    }

    private static List<object?> Indexes(PackIndexes indexes, KnowledgePack pack)
    {
        var items = new List<object?> { indexes, null, indexes.Timeline, null };
        foreach (var entry in indexes.Claimants)
            items.AddRange(new object?[] { entry.Key, null, entry.Claims, null, indexes.ClaimsBy(entry.Key), null });
        foreach (var entry in indexes.Subjects)
            items.AddRange(new object?[] { entry.Key, null, indexes.ClaimsAbout(entry.Key), null });
        foreach (var entry in indexes.CitingSources)
            items.AddRange(new object?[] { entry.Key, null, indexes.ClaimsCiting(entry.Key), null });
        foreach (var pair in indexes.Contradictions.Select(p => (p.First, p.Second)).Concat(indexes.Supports.Select(e => (e.Supporter, e.Supported))))
            items.AddRange(new object?[] { pair.Item1, null, pair.Item2, null });
        foreach (var claim in pack.Claims)
            items.AddRange(new object?[] { indexes.Corroboration(claim), null, indexes.Corroboration(claim).Origins, null });
        items.AddRange(indexes.Timeline.SelectMany(c => new object?[] { c, null }));
        return items;
    }

    [Fact]
    public void Threads_reading_a_hand_made_claims_references_at_once_all_get_them()
    {
        // Entities built in code pass delegates; those are let go of once resolved, while other threads may still be reading.
        var actor = new Actor("speaker", "Speaker", Array.Empty<string>(), null, ActorKind.Person, false, null, Array.Empty<Role>());
        for (var round = 0; round < 500; round++)
        {
            var claim = new Claim("c", "C", Array.Empty<string>(), null, "S", () => actor, () => new Entity[] { actor }, null,
                ClaimStatus.Reported, null, Array.Empty<Citation>(), null, null, null);
            var seen = new IReadOnlyList<Entity>[4];
            var claimants = new Actor[4];
            using var start = new Barrier(4);
            var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                claimants[i] = claim.Claimant;
                seen[i] = claim.About;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(claimants, c => Assert.Same(actor, c));
            Assert.All(seen, s => Assert.Same(claim.About, s));
            Assert.Same(actor, Assert.Single(claim.About));
        }
    }
}

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

    [Fact]
    public void Threads_reading_a_claims_references_for_the_first_time_at_once_all_get_the_same_ones()
    {
        // A freshly loaded pack, so that every claim's references are read here for the first time.
        var pack = CompiledPack.Load(GeneratorHarness.Run(SyntheticPack.Create(1000, 4)), "concurrent");
        var claims = pack.Claims;
        Assert.True(claims.Count > 800);
        var failures = new List<Exception>();
        foreach (var claim in claims)
        {
            _ = claim.Statement; // the record decoded; its references not yet read
            var seen = new (IReadOnlyList<Entity> About, IReadOnlyList<Claim> Supports, Actor Claimant)[Threads];
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    seen[i] = (claim.About, claim.Supports, claim.Claimant);
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
            // One list object for every reader (the first published wins), holding the same entities as a later read.
            Assert.All(seen, s => Assert.Same(claim.About, s.About));
            Assert.All(seen, s => Assert.Same(claim.Supports, s.Supports));
            Assert.All(seen, s => Assert.Same(claim.Claimant, s.Claimant));
        }
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

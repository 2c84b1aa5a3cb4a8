using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// How the link turns the ids a field lists into references: each entity once, in the order first written, without the
/// ids it cannot resolve; an actor's docs name each source it is cited in once, however many claims cite it; and a relay
/// that closes a cycle of sources is left out, and the places of a cycle of containment get no container.
/// </summary>
public class ReferenceLinkTests
{
    private static PackModel LinkStarter(Func<string, string> editClaims)
    {
        var files = GeneratorHarness.Fixture("starter")
            .Select(f => f.Path.EndsWith("claims.kg.yaml", StringComparison.Ordinal) ? (f.Path, Text: editClaims(f.Text)) : f);
        return PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);
    }

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }

    [Fact]
    public void Ids_written_twice_resolve_once_and_an_unknown_id_is_reported_and_left_out()
    {
        var pack = LinkStarter(text => Edit(Edit(text,
            "about: [panjshir-valley]\n", "about: [panjshir-valley, no-such-place, panjshir-valley, national-resistance-front]\n"),
            "supports: [clashes-still-ongoing]", "supports: [clashes-still-ongoing, clashes-still-ongoing]"));

        var claim = pack.Claims.Single(c => c.Entity.Id == "taliban-lost-40-fighters");
        Assert.Equal(new[] { "panjshir-valley", "national-resistance-front" }, claim.About.Select(r => r.Id));
        Assert.Equal(new[] { "clashes-still-ongoing" }, claim.Supports.Select(r => r.Id));
        Assert.Equal(new[] { "taliban-lost-40-fighters" },
            pack.Claims.Single(c => c.Entity.Id == "clashes-still-ongoing").SupportedBy.Select(r => r.Id));
        var unknown = Assert.Single(pack.Diagnostics, d => d.Id == DiagnosticRules.UnknownReference.Id);
        Assert.Contains("'no-such-place'", unknown.Message);
    }

    [Fact]
    public void An_actor_cited_through_several_claims_names_each_source_once()
    {
        // The front is now the subject of two claims that both cite report-001.
        var pack = LinkStarter(text => Edit(text,
            "about: [panjshir-valley]\n", "about: [panjshir-valley, national-resistance-front]\n"));

        var front = pack.Actors.Single(a => a.Entity.Id == "national-resistance-front");
        Assert.Equal(new[] { "report-001" }, front.CitedIn);
        Assert.Equal(1, front.CitedInCount);
    }

    [Fact]
    public void A_relay_that_closes_a_cycle_is_reported_once_and_left_out_and_the_others_are_kept()
    {
        var files = GeneratorHarness.Fixture("diagnostics/relay-cycle");

        var pack = PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);

        string[] Relays(string id) => pack.Sources.Single(s => s.Entity.Id == id).Relays.Select(r => r.Id).ToArray();
        Assert.Empty(Relays("report-001"));
        Assert.Equal(new[] { "audio-message" }, Relays("report-002"));
        Assert.Empty(Relays("audio-message"));
        Assert.Equal(new[] { "post-a" }, Relays("report-003"));
        Assert.Equal(new[] { "post-b" }, Relays("post-a"));
        Assert.Equal(new[] { "statement", "video" }, Relays("post-b"));
        Assert.Empty(Relays("statement"));
        Assert.Equal(new[] { "video", "interview" }, Relays("report-004"));
        Assert.Equal(3, pack.Diagnostics.Count(d => d.Id == DiagnosticRules.RelayCycle.Id));
    }

    [Fact]
    public void A_cycle_of_places_is_reported_once_where_it_closes_and_none_of_its_places_gets_a_container()
    {
        var files = GeneratorHarness.Fixture("diagnostics/containment-cycle");

        var pack = PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);

        // Three cycles (two places, one place in itself, three places), each reported at the 'in' that closes it when the
        // places are followed in the order they are written, naming every place of it.
        Assert.Equal(new[]
        {
            "The place 'panjshir-province' lies in itself through 'panjshir-valley' → 'panjshir-province'; the chain of 'in' must end at a place that lies in none of them",
            "The place 'bazarak' lies in itself; the chain of 'in' must end at a place that lies in none of them",
            "The place 'a-region' lies in itself through 'a-pass' → 'a-range' → 'a-region'; the chain of 'in' must end at a place that lies in none of them",
        }, pack.Diagnostics.Where(d => d.Id == DiagnosticRules.ContainmentCycle.Id).Select(d => d.Message));
        string? In(string id) => pack.Places.Single(p => p.Entity.Id == id).In?.Id;
        Assert.All(new[] { "panjshir-valley", "panjshir-province", "bazarak", "a-pass", "a-range", "a-region" }, id => Assert.Null(In(id)));
        Assert.Equal("a-region", In("kabul")); // it lies in the cycle, not on it
    }

    [Fact]
    public void A_cycle_of_places_as_long_as_a_large_pack_is_reported_once()
    {
        // 20,000 places, each in the next, the last in the first: one cycle, reported once, where it closes.
        const int count = 20_000;
        var yaml = new System.Text.StringBuilder("pack: { name: P, namespace: P.Facts, title: T, version: 1.0.0 }\nplaces:\n");
        for (var i = 0; i < count; i++)
            yaml.Append("  - { id: p").Append(i).Append(", name: P").Append(i).Append(", kind: site, in: p").Append((i + 1) % count).Append(" }\n");

        var pack = PackLinker.Link(new[] { PackFileReader.Read("/p/places.kg.yaml", yaml.ToString()) }, PackOptions.Default);

        var cycle = Assert.Single(pack.Diagnostics);
        Assert.Equal(DiagnosticRules.ContainmentCycle.Id, cycle.Id);
        Assert.StartsWith($"The place 'p{count - 1}' lies in itself through 'p0' → 'p1' → ", cycle.Message);
        Assert.All(pack.Places, p => Assert.Null(p.In));
    }

    [Fact]
    public void A_chain_of_relays_as_long_as_a_large_pack_is_followed_without_recursion()
    {
        // 50,000 sources, each relaying the next, the last relaying the first: one cycle, reported once, where it closes.
        const int count = 50_000;
        var yaml = new System.Text.StringBuilder("pack: { name: P, namespace: P.Facts, title: T, version: 1.0.0 }\nsources:\n");
        for (var i = 0; i < count; i++)
            yaml.Append("  - { id: s").Append(i).Append(", name: S").Append(i).Append(", kind: other, relays: s").Append((i + 1) % count).Append(" }\n");

        var pack = PackLinker.Link(new[] { PackFileReader.Read("/p/sources.kg.yaml", yaml.ToString()) }, PackOptions.Default);

        var cycle = Assert.Single(pack.Diagnostics);
        Assert.Equal(DiagnosticRules.RelayCycle.Id, cycle.Id);
        Assert.StartsWith($"The source 's{count - 1}' relays itself through 's0' → 's1' → ", cycle.Message);
        Assert.Empty(pack.Sources.Single(s => s.Entity.Id == "s" + (count - 1)).Relays);
    }
}

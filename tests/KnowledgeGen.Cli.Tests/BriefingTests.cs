using KnowledgeGen.Cli.Briefing;
using KnowledgeGen.Testing;
using Spectre.Console;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>The briefing: what it gathers through the runtime API, and how it reads as text and as tables.</summary>
public class BriefingTests
{
    [Fact]
    public void Plain_briefing_of_the_starter_pack()
    {
        var output = new StringWriter();
        BriefingCommand.Render(BriefingReport.Build(FixturePacks.Starter), output, plain: true);
        Snapshot.Match(output.ToString(), "Briefing.starter", "txt");
    }

    [Fact]
    public void Table_briefing_of_the_starter_pack()
    {
        var output = TableConsole.Render(100, console => BriefingTables.Render(BriefingReport.Build(FixturePacks.Starter), console));
        Snapshot.Match(output, "Briefing.starter.tables", "txt");
    }

    [Fact]
    public void Counts_cover_every_list_and_every_citation()
    {
        var report = BriefingReport.Build(FixturePacks.Starter);
        Assert.Equal(new BriefingCounts(Sources: 2, Actors: 4, Places: 2, Claims: 3, Citations: 3), report.Counts);
        Assert.Equal(new PackHeading("Starter", "A starter pack", "1.2.3",
            "Two sources, four actors, two places and three claims that exercise every field."), report.Pack);
    }

    [Fact]
    public void Claimants_are_sorted_by_count_then_name()
    {
        var report = BriefingReport.Build(Contests.Value);
        Assert.Equal(
            new[] { ("bravo", 3), ("Alpha", 1), ("charlie", 1) },
            report.Claimants.Select(t => (t.Name, t.Claims)));
    }

    [Fact]
    public void Each_contradiction_is_one_pair_with_both_sides()
    {
        var report = BriefingReport.Build(Contests.Value);
        // a-1 and b-1 declare their contradiction on both sides; b-2 declares it against a-1 only.
        Assert.Equal(
            new[] { ("a-1", "b-1"), ("a-1", "b-2") },
            report.Contested.Select(p => (p.First.ClaimId, p.Second.ClaimId)));
        var pair = report.Contested[0];
        Assert.Equal(new ClaimSide("a-1", "A one.", "Alpha", "~2021-09-05", "disputed", pair.First.Sources), pair.First);
        Assert.Equal(new[] { new Carrier("doc-1", null), new Carrier("doc-2", "post") }, pair.First.Sources);
        Assert.Equal(new ClaimSide("b-1", "B one.", "bravo", null, "reported", pair.Second.Sources), pair.Second);
        Assert.Equal(new[] { new Carrier("doc-2", null) }, pair.Second.Sources);
    }

    [Fact]
    public void Timeline_orders_dated_claims_and_shows_their_precision()
    {
        var report = BriefingReport.Build(Contests.Value);
        Assert.Equal(
            new[] { ("2021", "c-1"), ("2021-09", "b-3"), ("2021-09-02", "b-2"), ("~2021-09-05", "a-1") },
            report.Timeline.Select(e => (e.Date, e.ClaimId)));
        Assert.Equal(1, report.UndatedClaims);
        Assert.Equal(new TimelineEntry("2021-09-02", "b-2", "B two.", "bravo", "unverified"), report.Timeline[2]);
    }

    [Fact]
    public void An_empty_pack_still_reads()
    {
        var output = new StringWriter();
        BriefingCommand.Render(BriefingReport.Build(new HandMadePack(empty: true)), output, plain: true);
        var text = output.ToString();
        Assert.Contains("Claims per claimant: none", text);
        Assert.Contains("Contested claims: none", text);
        Assert.Contains("Timeline: no dated claims", text);
    }

    /// <summary>Three claimants, contradictions declared on one or both sides, dates of every precision.</summary>
    private static readonly Lazy<KnowledgePack> Contests = new(() => FixturePacks.Compile("contests", new[]
    {
        ("/fixtures/contests/pack.kg.yaml", """
            pack: { name: Contests, namespace: Contests.Facts, title: Contests, version: 1.0.0 }
            sources:
              - { id: doc-1, name: Document one, kind: news-report }
              - { id: doc-2, name: Document two, kind: news-report, relays: [post] }
              - { id: post, name: A post, kind: social-media-post }
            actors:
              - { id: charlie, name: charlie, kind: person }
              - { id: bravo, name: bravo, kind: person }
              - { id: alpha, name: Alpha, kind: organisation }
            """),
        ("/fixtures/contests/claims.kg.yaml", """
            claims:
              - id: a-1
                statement: A one.
                claimant: alpha
                date: { date: 2021-09-05, precision: approximate }
                status: disputed
                citations:
                  - { source: doc-1, quote: a }
                  - { source: doc-2, quote: b, via: post }
                  - { source: doc-1, quote: c }
                contradicts: [b-1]
              - id: b-1
                statement: B one.
                claimant: bravo
                citations: [{ source: doc-2, quote: d }]
                contradicts: [a-1]
              - id: b-2
                statement: B two.
                claimant: bravo
                date: 2021-09-02
                status: unverified
                citations: [{ source: doc-1, quote: e }]
                contradicts: [a-1]
              - id: b-3
                statement: B three.
                claimant: bravo
                date: 2021-09
                citations: [{ source: doc-1, quote: f }]
              - id: c-1
                statement: C one.
                claimant: charlie
                date: 2021
                citations: [{ source: doc-1, quote: g }]
            """),
    }));
}

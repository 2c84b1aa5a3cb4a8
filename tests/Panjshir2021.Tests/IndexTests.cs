using KnowledgeGen;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>The generated indexes of the pack give the same answers as a brute-force scan of its lists.</summary>
public class IndexTests
{
    private static readonly KnowledgePack Pack = global::Panjshir2021.Pack.Instance;
    private static readonly PackIndexes Indexes = Pack.Indexes;

    [Fact]
    public void The_pack_uses_the_generated_indexes() => Assert.Same(global::Panjshir2021.Pack.Indexes, Indexes);

    [Fact]
    public void The_generated_pack_class_answers_with_typed_members()
    {
        var dashti = global::Panjshir2021.Actors.FahimDashti;
        Assert.Equal(Indexes.ClaimsBy(dashti), global::Panjshir2021.Pack.ClaimsBy(dashti));
        var claim = global::Panjshir2021.Claims.TalibanLost40Fighters;
        Assert.Equal("3 reports, 1 independent origin (dashti-audio-message)", global::Panjshir2021.Pack.Corroboration(claim).ToString());
        Assert.Equal(Indexes.ClaimsAbout(global::Panjshir2021.Places.PanjshirValley), global::Panjshir2021.Pack.ClaimsAbout(global::Panjshir2021.Places.PanjshirValley));
        Assert.Equal(Indexes.ClaimsCiting(global::Panjshir2021.Sources.DashtiAudioMessage), global::Panjshir2021.Pack.ClaimsCiting(global::Panjshir2021.Sources.DashtiAudioMessage));
    }

    [Fact]
    public void Claims_by_each_actor_match_a_scan()
    {
        foreach (var actor in Pack.Actors)
            Assert.Equal(Pack.Claims.Where(c => c.Claimant == actor), Indexes.ClaimsBy(actor));
    }

    [Fact]
    public void Claims_about_each_actor_and_place_match_a_scan()
    {
        foreach (var subject in Pack.Actors.Cast<Entity>().Concat(Pack.Places))
            Assert.Equal(Pack.Claims.Where(c => c.About.Contains(subject)), Indexes.ClaimsAbout(subject));
    }

    [Fact]
    public void Claims_citing_each_source_match_a_scan()
    {
        foreach (var source in Pack.Sources)
            Assert.Equal(Pack.Claims.Where(c => c.Citations.Any(ci => ci.Source == source || ci.Via == source)), Indexes.ClaimsCiting(source));
    }

    [Fact]
    public void Contradictions_match_a_scan()
    {
        var scanned = Pack.Claims.SelectMany(c => c.Contradicts.Select(o => Key(c, o))).ToHashSet();
        var indexed = Indexes.Contradictions.Select(p => Key(p.First, p.Second)).ToList();
        Assert.Equal(indexed.Count, indexed.Distinct().Count());
        Assert.Equal(scanned.OrderBy(k => k), indexed.OrderBy(k => k));
        foreach (var pair in Indexes.Contradictions)
            Assert.True(Pack.Claims.ToList().IndexOf(pair.First) < Pack.Claims.ToList().IndexOf(pair.Second));
        Assert.NotEmpty(indexed);
    }

    [Fact]
    public void Support_edges_match_a_scan()
    {
        var scanned = Pack.Claims.SelectMany(c => c.Supports.Select(o => (c.Id, o.Id))).Distinct().OrderBy(e => e).ToList();
        var inverse = Pack.Claims.SelectMany(c => c.SupportedBy.Select(o => (o.Id, c.Id))).Distinct().OrderBy(e => e).ToList();
        var indexed = Indexes.Supports.Select(e => (e.Supporter.Id, e.Supported.Id)).OrderBy(e => e).ToList();
        Assert.Equal(scanned, indexed);
        Assert.Equal(inverse, indexed);
    }

    [Fact]
    public void Corroboration_of_each_claim_matches_a_scan()
    {
        foreach (var claim in Pack.Claims)
        {
            var c = Indexes.Corroboration(claim);
            Assert.Same(claim, c.Claim);
            Assert.Equal(claim.Citations.Count, c.Citations);
            Assert.Equal(claim.Citations.Select(ci => ci.Source).Distinct().Count(), c.Reports);
            Assert.Equal(claim.Citations.Select(ci => ci.Origin).Distinct(), c.Origins);
            Assert.Equal(c.Origins.Count, c.IndependentOrigins);
        }
    }

    [Fact]
    public void A_claim_relayed_by_several_reports_from_one_channel_counts_one_origin()
    {
        var relayed = Pack.Claims.Select(Indexes.Corroboration)
            .Where(c => c.Reports > 1 && c.IndependentOrigins == 1 && c.Origins[0].Kind != SourceKind.NewsReport)
            .ToList();
        Assert.NotEmpty(relayed);
        var first = relayed[0];
        Assert.Equal($"{first.Reports} reports, 1 independent origin ({first.Origins[0].Id})", first.ToString());
        Assert.False(first.IsIndependentlyCorroborated);
    }

    [Fact]
    public void Timeline_holds_every_dated_claim_in_order()
    {
        var scanned = Pack.Claims.Where(c => c.Date is not null)
            .Select((c, i) => (c, i)).OrderBy(x => x.c.Date!.Value).ThenBy(x => Pack.Claims.ToList().IndexOf(x.c)).Select(x => x.c);
        Assert.Equal(scanned, Indexes.Timeline);
    }

    [Fact]
    public void Timeline_puts_a_month_at_its_first_day_after_the_days_of_that_day()
    {
        // 2021-08 (month precision) sorts with 2021-08-01, after any claim dated that day and before 2021-08-02.
        var dates = Indexes.Timeline.Select(c => c.Date!.Value).ToList();
        var month = dates.FindIndex(d => d.Precision == DatePrecision.Month && d.Date == new DateOnly(2021, 8, 1));
        Assert.True(month >= 0);
        Assert.All(dates.Take(month), d => Assert.True(d.Date <= new DateOnly(2021, 8, 1)));
        Assert.All(dates.Skip(month + 1), d => Assert.True(d.Date >= new DateOnly(2021, 8, 1)));
        for (var i = 1; i < dates.Count; i++)
            Assert.True(dates[i - 1].CompareTo(dates[i]) <= 0, $"{dates[i - 1]} before {dates[i]}");
    }

    [Fact]
    public void Computed_indexes_agree_with_the_generated_ones()
    {
        var computed = PackIndexes.Compute(Pack);
        Assert.Equal(Indexes.Contradictions, computed.Contradictions);
        Assert.Equal(Indexes.Supports, computed.Supports);
        Assert.Equal(Indexes.Timeline, computed.Timeline);
        foreach (var claim in Pack.Claims)
            Assert.Equal(Indexes.Corroboration(claim).ToString(), computed.Corroboration(claim).ToString());
        foreach (var actor in Pack.Actors)
            Assert.Equal(Indexes.ClaimsBy(actor), computed.ClaimsBy(actor));
    }

    private static string Key(Claim a, Claim b) => string.CompareOrdinal(a.Id, b.Id) < 0 ? a.Id + "|" + b.Id : b.Id + "|" + a.Id;
}

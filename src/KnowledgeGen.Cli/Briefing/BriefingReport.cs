using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGen.Cli.Briefing;

/// <summary>
/// What a briefing says about a pack, gathered through the runtime API and ready to render:
/// counts, claims per claimant, contested claims with both sides, and a timeline of dated claims.
/// </summary>
public sealed record BriefingReport(
    PackHeading Pack,
    BriefingCounts Counts,
    IReadOnlyList<ClaimantTally> Claimants,
    IReadOnlyList<ContestedPair> Contested,
    IReadOnlyList<TimelineEntry> Timeline,
    int UndatedClaims)
{
    /// <summary>Gathers the briefing of <paramref name="pack"/>.</summary>
    public static BriefingReport Build(KnowledgePack pack)
    {
        if (pack is null)
            throw new ArgumentNullException(nameof(pack));
        var claims = pack.Claims;
        return new BriefingReport(
            new PackHeading(pack.Name, pack.Title, pack.Version, pack.Description),
            new BriefingCounts(pack.Sources.Count, pack.Actors.Count, pack.Places.Count, claims.Count,
                claims.Sum(c => c.Citations.Count)),
            TallyClaimants(claims),
            PairContradictions(pack, claims),
            claims.Where(c => c.Date is not null)
                .OrderBy(c => c.Date!.Value) // OrderBy is stable: claims of one date keep the pack's order.
                .Select(c => new TimelineEntry(c.Date!.Value.ToString(), c.Id, c.Statement, c.Claimant.Name, YamlNames.Of(c.Status)))
                .ToList(),
            claims.Count(c => c.Date is null));
    }

    /// <summary>Claims per claimant, most claims first, then by name.</summary>
    private static List<ClaimantTally> TallyClaimants(IReadOnlyList<Claim> claims) =>
        claims.GroupBy(c => c.Claimant)
            .Select(g => new ClaimantTally(g.Key.Id, g.Key.Name, g.Count()))
            .OrderByDescending(t => t.Claims)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.ActorId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Each contradiction once, in the pack's order: the claim that comes first is the first side.</summary>
    private static List<ContestedPair> PairContradictions(KnowledgePack pack, IReadOnlyList<Claim> claims)
    {
        var pairs = new List<ContestedPair>();
        var seen = new HashSet<(Claim, Claim)>(); // entities compare by reference
        foreach (var claim in claims)
        {
            foreach (var other in claim.Contradicts)
            {
                if (ReferenceEquals(claim, other) || seen.Contains((other, claim)) || !seen.Add((claim, other)))
                    continue;
                pairs.Add(new ContestedPair(Side(pack, claim), Side(pack, other)));
            }
        }
        return pairs;
    }

    // Sources are named by the text that finds them with `who` (another pack's source by <pack>:<id> where its id finds the pack's own).
    private static ClaimSide Side(KnowledgePack pack, Claim claim) => new(
        claim.Id,
        claim.Statement,
        claim.Claimant.Name,
        claim.Date?.ToString(),
        YamlNames.Of(claim.Status),
        claim.Citations.Select(c => new Carrier(Queries.WhoCommand.KeyOf(pack, c.Source), c.Via is null ? null : Queries.WhoCommand.KeyOf(pack, c.Via))).Distinct().ToList());
}

/// <summary>The pack's identity, as the briefing's heading shows it.</summary>
public sealed record PackHeading(string Name, string Title, string Version, string? Description);

/// <summary>How many of each kind of entity the pack holds, and how many citations its claims carry.</summary>
public sealed record BriefingCounts(int Sources, int Actors, int Places, int Claims, int Citations);

/// <summary>An actor and the number of claims it makes.</summary>
public sealed record ClaimantTally(string ActorId, string Name, int Claims);

/// <summary>Two claims that contradict each other.</summary>
public sealed record ContestedPair(ClaimSide First, ClaimSide Second);

/// <summary>One side of a contradiction: the claim, who makes it, when, its status and the sources that carry it.</summary>
/// <param name="Date">The date at its precision (<c>2021-09-02</c>, <c>2021-09</c>, <c>~2021-09-02</c>, <c>2021</c>), or null.</param>
public sealed record ClaimSide(string ClaimId, string Statement, string Claimant, string? Date, string Status, IReadOnlyList<Carrier> Sources);

/// <summary>A source that carries a claim, and the channel it relays the claim through, if any.</summary>
public sealed record Carrier(string Source, string? Via)
{
    /// <summary><c>report-001</c>, or <c>report-001 via dashti-audio-message</c>.</summary>
    public override string ToString() => Via is null ? Source : Source + " via " + Via;
}

/// <summary>A dated claim on the timeline.</summary>
/// <param name="Date">The date at its precision (<c>2021-09-02</c>, <c>2021-09</c>, <c>~2021-09-02</c>, <c>2021</c>).</param>
public sealed record TimelineEntry(string Date, string ClaimId, string Statement, string Claimant, string Status);

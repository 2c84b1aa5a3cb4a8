using System;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>How far a claim can be trusted, as the documents present it.</summary>
public enum ClaimStatus
{
    /// <summary>Reported without comment on its truth.</summary>
    Reported,
    /// <summary>The documents say it could not be independently verified.</summary>
    Unverified,
    /// <summary>Another party disputes it.</summary>
    Disputed,
    /// <summary>It is a rumour or statement that has been denied.</summary>
    Denied,
    /// <summary>Independent sources confirm it.</summary>
    Corroborated,
}

/// <summary>A verbatim quote from a source that carries a claim.</summary>
public sealed class Citation
{
    private readonly Ref<Source> _source;
    private readonly Ref<Source>? _via;

    /// <summary>Creates a citation; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public Citation(Func<Source> source, string quote, Func<Source>? via = null)
        : this(Ref<Source>.Of(source, nameof(source)), quote, Ref<Source>.Optional(via))
    {
    }

    internal Citation(Ref<Source> source, string quote, Ref<Source>? via)
    {
        _source = source;
        Quote = quote ?? throw new ArgumentNullException(nameof(quote));
        _via = via;
    }

    /// <summary>The document the quote is taken from.</summary>
    public Source Source => _source.Value;

    /// <summary>The words as they stand in the document.</summary>
    public string Quote { get; }

    /// <summary>The channel the claim reached the document through (a network, a post, an audio message), if second-hand.</summary>
    public Source? Via => _via?.Value;

    /// <summary>Where the claim originates for this citation: the relayed channel, or the document itself.</summary>
    public Source Origin => Via ?? Source;

    /// <summary>Reads as a claim's doc comment shows it: <c>report-001: “the Taliban lost 40 …” (via Fahim Dashti's audio message)</c>.</summary>
    public override string ToString() => Source.Id + ": “" + Quote + "”" + (Via is null ? "" : " (via " + Via.Name + ")");
}

/// <summary>An attributed assertion: who claimed what, when, about whom, cited to which sources.</summary>
public sealed class Claim : Entity
{
    /// <summary>Creates a claim; for packs built by hand (a generated pack decodes its own from its records). References are resolved on first use.</summary>
    public Claim(string id, string name, IReadOnlyList<string> aliases, string? note,
        string statement, Func<Actor> claimant, Func<Entity[]>? about, FactDate? date, ClaimStatus status,
        Quantity? quantity, IReadOnlyList<Citation> citations,
        Func<Claim[]>? contradicts, Func<Claim[]>? supports, Func<Claim[]>? supportedBy)
        : base(id, name, aliases, note, new ClaimDetails(Ref<Actor>.Of(claimant, nameof(claimant)), RefList<Entity>.Of(about), date, EnumArgument.Named(status, nameof(status)),
            quantity, FrozenList<Citation>.Copy(citations, nameof(citations)), RefList<Claim>.Of(contradicts), RefList<Claim>.Of(supports), RefList<Claim>.Of(supportedBy)))
    {
        Statement = statement ?? throw new ArgumentNullException(nameof(statement));
    }

    /// <summary>A claim of a generated pack, whose record starts at <paramref name="recordAt"/> in <paramref name="file"/>: all of it but its name and statement is read from there when first needed.</summary>
    internal Claim(string name, string statement, Generated.FactFile file, long recordAt)
        : base(name, file, recordAt)
    {
        Statement = statement ?? throw new ArgumentNullException(nameof(statement));
    }

    // Everything but the id, names, note and statement, which most programs that read claims read alone (each of those is
    // decoded on its own first read, Entity).
    private new ClaimDetails Details => (ClaimDetails)base.Details;

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Claim;

    /// <summary>What is claimed, in one sentence.</summary>
    public string Statement { get; }

    /// <summary>Who made the claim.</summary>
    public Actor Claimant => Details.Claimant.Value;

    /// <summary>The actors and places the claim is about.</summary>
    public IReadOnlyList<Entity> About => Details.About.Value;

    /// <summary>When the claimed event happened, or, where the documents date only the claim, when it was made; with its precision.</summary>
    public FactDate? Date => Details.Date;

    /// <summary>How the documents present the claim's truth.</summary>
    public ClaimStatus Status => Details.Status;

    /// <summary>The amount the claim states, if any.</summary>
    public Quantity? Quantity => Details.Quantity;

    /// <summary>Every source that carries the claim, with its verbatim quote.</summary>
    public IReadOnlyList<Citation> Citations => Details.Citations;

    /// <summary>
    /// Claims this one contradicts. In a generated pack the relation is symmetric: it holds whichever side declared it. A claim
    /// built by hand lists the claims it was given (<see cref="PackIndexes.Compute"/> counts a contradiction either side declares).
    /// </summary>
    public IReadOnlyList<Claim> Contradicts => Details.Contradicts.Value;

    /// <summary>Claims this one supports.</summary>
    public IReadOnlyList<Claim> Supports => Details.Supports.Value;

    /// <summary>Claims that support this one.</summary>
    public IReadOnlyList<Claim> SupportedBy => Details.SupportedBy.Value;

    /// <summary>True when <see cref="Contradicts"/> lists some other claim.</summary>
    public bool IsContested => Contradicts.Count > 0;
}

/// <summary>What a claim holds beyond its id, names and statement.</summary>
internal sealed class ClaimDetails
{
    public ClaimDetails(Ref<Actor> claimant, RefList<Entity> about, FactDate? date, ClaimStatus status, Quantity? quantity,
        IReadOnlyList<Citation> citations, RefList<Claim> contradicts, RefList<Claim> supports, RefList<Claim> supportedBy)
    {
        Claimant = claimant;
        About = about;
        Date = date;
        Status = status;
        Quantity = quantity;
        Citations = citations;
        Contradicts = contradicts;
        Supports = supports;
        SupportedBy = supportedBy;
    }

    public Ref<Actor> Claimant { get; }
    public RefList<Entity> About { get; }
    public FactDate? Date { get; }
    public ClaimStatus Status { get; }
    public Quantity? Quantity { get; }
    public IReadOnlyList<Citation> Citations { get; }
    public RefList<Claim> Contradicts { get; }
    public RefList<Claim> Supports { get; }
    public RefList<Claim> SupportedBy { get; }
}

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

    /// <summary>Creates a citation. Generated code calls this.</summary>
    public Citation(Func<Source> source, string quote, Func<Source>? via = null)
        : this(Ref<Source>.Of(source), quote, Ref<Source>.Optional(via))
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
}

/// <summary>An attributed assertion: who claimed what, when, about whom, cited to which sources.</summary>
public sealed class Claim : Entity
{
    private readonly Ref<Actor> _claimant;
    private readonly RefList<Entity> _about;
    private readonly IReadOnlyList<Citation> _citations;
    private readonly RefList<Claim> _contradicts;
    private readonly RefList<Claim> _supports;
    private readonly RefList<Claim> _supportedBy;

    /// <summary>Creates a claim. Generated code calls this; references are resolved on first use.</summary>
    public Claim(string id, string name, IReadOnlyList<string> aliases, string? note,
        string statement, Func<Actor> claimant, Func<Entity[]>? about, FactDate? date, ClaimStatus status,
        Quantity? quantity, IReadOnlyList<Citation> citations,
        Func<Claim[]>? contradicts, Func<Claim[]>? supports, Func<Claim[]>? supportedBy)
        : this(id, name, aliases, note, statement, Ref<Actor>.Of(claimant), RefList<Entity>.Of(about), date, status, quantity, citations,
            RefList<Claim>.Of(contradicts), RefList<Claim>.Of(supports), RefList<Claim>.Of(supportedBy))
    {
    }

    internal Claim(string id, string name, IReadOnlyList<string> aliases, string? note,
        string statement, Ref<Actor> claimant, RefList<Entity> about, FactDate? date, ClaimStatus status,
        Quantity? quantity, IReadOnlyList<Citation> citations,
        RefList<Claim> contradicts, RefList<Claim> supports, RefList<Claim> supportedBy)
        : base(id, name, aliases, note)
    {
        Statement = statement ?? throw new ArgumentNullException(nameof(statement));
        _claimant = claimant;
        _about = about;
        Date = date;
        Status = status;
        Quantity = quantity;
        _citations = citations ?? Array.Empty<Citation>();
        _contradicts = contradicts;
        _supports = supports;
        _supportedBy = supportedBy;
    }

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Claim;

    /// <summary>What is claimed, in one sentence.</summary>
    public string Statement { get; }

    /// <summary>Who made the claim.</summary>
    public Actor Claimant => _claimant.Value;

    /// <summary>The actors and places the claim is about.</summary>
    public IReadOnlyList<Entity> About => _about.Value;

    /// <summary>When the claimed event happened (or the claim was made), with its precision.</summary>
    public FactDate? Date { get; }

    /// <summary>How the documents present the claim's truth.</summary>
    public ClaimStatus Status { get; }

    /// <summary>The amount the claim states, if any.</summary>
    public Quantity? Quantity { get; }

    /// <summary>Every source that carries the claim, with its verbatim quote.</summary>
    public IReadOnlyList<Citation> Citations => _citations;

    /// <summary>Claims this one contradicts. The relation is symmetric: it holds whichever side declared it.</summary>
    public IReadOnlyList<Claim> Contradicts => _contradicts.Value;

    /// <summary>Claims this one supports.</summary>
    public IReadOnlyList<Claim> Supports => _supports.Value;

    /// <summary>Claims that support this one.</summary>
    public IReadOnlyList<Claim> SupportedBy => _supportedBy.Value;

    /// <summary>True when some other claim contradicts this one.</summary>
    public bool IsContested => Contradicts.Count > 0;
}

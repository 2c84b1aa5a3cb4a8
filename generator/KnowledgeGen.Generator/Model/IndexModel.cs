namespace KnowledgeGen.Generator.Model;

// The indexes the generator computes from the linked pack, so that questions asked of it at run time
// ("who said this, who disputes it, how many independent reports carry it") take no scan.

/// <summary>Everything <c>PackIndexes</c> holds, as references to generated members.</summary>
public sealed record IndexModel(
    string Namespace,
    EquatableArray<IndexGroup> ByClaimant,
    EquatableArray<IndexGroup> BySubject,
    EquatableArray<IndexGroup> BySource,
    EquatableArray<RefPair> Contradictions,
    EquatableArray<RefPair> Supports,
    EquatableArray<EntityRef> Timeline,
    EquatableArray<CorroborationModel> Corroborations);

/// <summary>The claims filed under one entity, in the pack's order.</summary>
public sealed record IndexGroup(EntityRef Key, EquatableArray<EntityRef> Claims);

/// <summary>Two claims: a contradiction (first in pack order, second) or a support edge (supporter, supported).</summary>
public sealed record RefPair(EntityRef First, EntityRef Second);

/// <summary>A claim's citations, distinct reports and distinct origins (the <c>via</c> channel, else the report).</summary>
public sealed record CorroborationModel(EntityRef Claim, int Citations, int Reports, EquatableArray<EntityRef> Origins);

/// <summary>
/// What the indexes are built from: each entity's reference and each claim's links, with no text (names, statements,
/// quotes, notes) and no diagnostics, so that rewording a fact leaves it equal and the pipeline does not rebuild
/// the indexes. References carry no name, as in <see cref="IndexModel"/>.
/// </summary>
public sealed record IndexInput(
    string Namespace,
    EquatableArray<EntityRef> Sources,
    EquatableArray<EntityRef> Actors,
    EquatableArray<EntityRef> Places,
    EquatableArray<ClaimLinks> Claims);

/// <summary>A claim as the indexes see it: itself, whom and what it names, its date and its citations.</summary>
public sealed record ClaimLinks(
    EntityRef Claim,
    EntityRef Claimant,
    EquatableArray<EntityRef> About,
    DateSpec? Date,
    EquatableArray<CitationLinks> Citations,
    EquatableArray<EntityRef> Contradicts,
    EquatableArray<EntityRef> Supports);

/// <summary>A citation's report and the channel it came through, if any.</summary>
public sealed record CitationLinks(EntityRef Source, EntityRef? Via);

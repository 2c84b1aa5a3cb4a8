namespace KnowledgeGen.Generator.Model;

// The indexes the generator computes from the linked pack, so that questions asked of it at run time
// ("who said this, who disputes it, how many independent reports carry it") take no scan.

/// <summary>
/// One YAML file's part of <c>PackIndexes</c>, from its claims alone, as references to generated members. Each file's
/// generated code carries its part, so an edit rebuilds the parts of the files it changed and no other; the runtime
/// joins the parts in file order on first use.
/// </summary>
public sealed record IndexModel(
    EquatableArray<IndexGroup> ByClaimant,
    EquatableArray<IndexGroup> BySubject,
    EquatableArray<IndexGroup> BySource,
    EquatableArray<RefPair> Contradictions,
    EquatableArray<RefPair> Supports,
    EquatableArray<EntityRef> Timeline,
    EquatableArray<CorroborationModel> Corroborations);

/// <summary>The file's claims filed under one entity of the pack, in the file's order.</summary>
public sealed record IndexGroup(EntityRef Key, EquatableArray<EntityRef> Claims);

/// <summary>Two claims: a contradiction (first in pack order, second) or a support edge (supporter, supported).</summary>
public sealed record RefPair(EntityRef First, EntityRef Second);

/// <summary>A claim's citations, distinct reports and distinct origins (the <c>via</c> channel, else the report).</summary>
public sealed record CorroborationModel(EntityRef Claim, int Citations, int Reports, EquatableArray<EntityRef> Origins);

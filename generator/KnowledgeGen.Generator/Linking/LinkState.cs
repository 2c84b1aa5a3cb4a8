using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// A link of a pack with nothing to report, kept so that the next link can update it rather than link every file again
/// (<see cref="IncrementalLink"/>): the outlines it linked, the index of ids, what was resolved and tallied, and the
/// model it made. An update changes it in place to stand for the new outlines; one that cannot finish leaves it unusable.
/// </summary>
internal sealed class LinkState
{
    public LinkState(PackOptions options, IReadOnlyList<DocumentSpec> documents, ReferencedPacksModel? referenced, List<FileSpec> files,
        EntityIndex index, LinkGraph graph, PackModel pack)
    {
        Options = options;
        Documents = documents;
        Referenced = referenced;
        Files = files;
        Index = index;
        Graph = graph;
        Pack = pack;

        FileClaims = new List<ClaimRefs>[files.Count];
        for (var i = 0; i < FileClaims.Length; i++)
            FileClaims[i] = new List<ClaimRefs>();
        foreach (var claim in graph.Claims)
            FileClaims[claim.Entity.FileOrdinal].Add(claim);
        ClaimStart = new int[files.Count + 1];
        for (var i = 0; i < FileClaims.Length; i++)
            ClaimStart[i + 1] = ClaimStart[i] + FileClaims[i].Count;

        // The claims whose own 'contradicts' names each claim; the link kept only the symmetric lists the models show.
        foreach (var claim in graph.Claims)
            foreach (var other in claim.Contradicts)
                Incoming(ContradictedBy, other).Add(claim.Entity);

        for (var i = 0; i < graph.Sources.Count; i++)
            ModelIndex[graph.Sources[i].Entity] = i;
        for (var i = 0; i < graph.Actors.Count; i++)
            ModelIndex[graph.Actors[i].Entity] = i;
        for (var i = 0; i < graph.Places.Count; i++)
            ModelIndex[graph.Places[i].Entity] = i;
    }

    public PackOptions Options { get; }
    public IReadOnlyList<DocumentSpec> Documents { get; }
    public ReferencedPacksModel? Referenced { get; }

    /// <summary>The outlines linked, in path order: the objects themselves, so that an unchanged file is found by reference.</summary>
    public List<FileSpec> Files { get; }

    public EntityIndex Index { get; }
    public LinkGraph Graph { get; }

    /// <summary>The linked pack, as the link returned it.</summary>
    public PackModel Pack { get; set; }

    /// <summary>Each file's claims, in the order written; every claim of a kept link is generated.</summary>
    public List<ClaimRefs>[] FileClaims { get; }

    /// <summary>Where each file's claims start among the pack's claims (one more entry: the count of them all).</summary>
    public int[] ClaimStart { get; }

    /// <summary>The claims whose own 'contradicts' names a claim, for the claims some other claim contradicts.</summary>
    public Dictionary<LinkedEntity, List<LinkedEntity>> ContradictedBy { get; } = new();

    /// <summary>The claims whose own 'supports' names a claim, in the pack's order (the link's own table).</summary>
    public Dictionary<LinkedEntity, List<LinkedEntity>> SupportedBy => Graph.SupportedBy;

    /// <summary>Where each source, actor and place stands in its kind's models; none of them is added or taken away by an update.</summary>
    public Dictionary<LinkedEntity, int> ModelIndex { get; } = new();

    /// <summary>Set while an update has it, so that two runs at once do not both change it.</summary>
    public bool Taken { get; set; }

    /// <summary>Set while an update changes it: one that stops part way leaves it so, and it is not used again.</summary>
    public bool Spoiled { get; set; }

    public static List<LinkedEntity> Incoming(Dictionary<LinkedEntity, List<LinkedEntity>> lists, LinkedEntity claim) =>
        lists.TryGetValue(claim, out var list) ? list : lists[claim] = new List<LinkedEntity>();

    // What an update asks of the link it changes.

    /// <summary>Whether a claim is still in the pack (a claim taken out keeps its fields, but is no longer in its file's list).</summary>
    public bool IsCurrent(LinkedEntity claim)
    {
        if (claim.File < 0)
            return false;
        var list = FileClaims[claim.File];
        return claim.Index < list.Count && ReferenceEquals(list[claim.Index].Entity, claim);
    }

    /// <summary>
    /// The claims a claim contradicts or is contradicted by, in the order the whole link lists them: it goes through the
    /// claims in the pack's order, adding, at each claim, the claims it contradicts to its own list and itself to theirs.
    /// </summary>
    public IReadOnlyList<LinkedEntity> ContradictsOf(LinkedEntity claim)
    {
        var own = claim.Resolved!.Contradicts;
        if (!ContradictedBy.TryGetValue(claim, out var by) || by.Count == 0)
            return own;
        var list = new List<LinkedEntity>(own.Length + by.Count);
        void AddOnce(LinkedEntity other)
        {
            if (!list.Contains(other))
                list.Add(other);
        }
        var ownPlaced = false;
        foreach (var other in InPackOrder(by))
        {
            if (!ownPlaced && PackOrder(claim, other) < 0)
            {
                foreach (var mine in own)
                    AddOnce(mine);
                ownPlaced = true;
            }
            AddOnce(other);
        }
        if (!ownPlaced)
            foreach (var mine in own)
                AddOnce(mine);
        return list;
    }

    /// <summary>The claims that support a claim, in the pack's order.</summary>
    public IReadOnlyList<LinkedEntity> SupportedByOf(LinkedEntity claim) =>
        SupportedBy.TryGetValue(claim, out var by) && by.Count > 0 ? InPackOrder(by) : Array.Empty<LinkedEntity>();

    /// <summary>The claims whose own 'contradicts' or 'supports' name a claim.</summary>
    public IEnumerable<LinkedEntity> NamedBy(LinkedEntity claim) =>
        (ContradictedBy.TryGetValue(claim, out var contradicting) ? contradicting : Enumerable.Empty<LinkedEntity>())
        .Concat(SupportedBy.TryGetValue(claim, out var supporting) ? supporting : Enumerable.Empty<LinkedEntity>());

    /// <summary>Every claim whose model shows this claim, added to <paramref name="into"/>: those it names and those that name it.</summary>
    public void Neighbours(ClaimRefs claim, HashSet<LinkedEntity> into)
    {
        foreach (var other in NamedBy(claim.Entity))
            into.Add(other);
        foreach (var other in claim.Contradicts)
            into.Add(other);
        foreach (var other in claim.Supports)
            into.Add(other);
    }

    // Claims in the pack's order: their files' path order, then the order they are written in.
    private static int PackOrder(LinkedEntity a, LinkedEntity b) =>
        a.FileOrdinal != b.FileOrdinal ? a.FileOrdinal.CompareTo(b.FileOrdinal) : a.Index.CompareTo(b.Index);

    private static List<LinkedEntity> InPackOrder(List<LinkedEntity> claims)
    {
        var ordered = new List<LinkedEntity>(claims);
        ordered.Sort(PackOrder);
        return ordered;
    }
}

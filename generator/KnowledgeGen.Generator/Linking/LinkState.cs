using System.Collections.Generic;
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
}

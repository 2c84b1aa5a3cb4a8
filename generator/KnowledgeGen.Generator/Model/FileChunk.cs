namespace KnowledgeGen.Generator.Model;

/// <summary>
/// One generated file of a YAML file: the entities of one chunk of its records (<see cref="Emitting.DataChunks"/>,
/// <see cref="Emitting.FileChunks.EntitiesPerChunk"/> records a chunk), with their members. A YAML file of a few hundred
/// entities is one chunk; a larger one is cut into several, so that rewording one of its facts re-emits, and has the
/// compiler re-parse, one chunk's text and not the whole file's.
/// </summary>
/// <param name="File">The file's model cut to this chunk's entities; its diagnostics travel with chunk 0 only.</param>
/// <param name="Chunk">Which chunk this is; chunk 0 also holds the file's tables, its part of the indexes and its lookup of other packs' entities.</param>
/// <param name="Chunks">How many chunks the file's records make.</param>
/// <param name="Starts">The place, among the file's entities of each kind, of this chunk's first entity of that kind.</param>
/// <param name="Externals">The entities of referenced packs the file names, numbered for the whole file (every chunk's records use these numbers).</param>
/// <param name="Counts">In chunk 0 only: how many entities of each kind the file holds, for its tables; null in the others.</param>
/// <param name="IndexData">The file's part of the pack's indexes, as the data the runtime reads: in chunk 0 of a file of one
/// chunk, and in a chunk of its own (<see cref="IndexChunk"/>) in a larger file, so that an edit that changes no reference
/// leaves it equal whichever chunk it touches. Empty in every other chunk, and in a file without claims.</param>
public sealed record FileChunk(FileModel File, int Chunk, int Chunks, KindCounts Starts, EquatableArray<string> Externals, KindCounts? Counts,
    EquatableArray<string> IndexData)
{
    /// <summary>The number of the chunk that holds a large file's part of the indexes.</summary>
    public const int IndexChunk = -1;
}

/// <summary>A number for each kind: how many entities of it, or where they start.</summary>
public sealed record KindCounts(int Sources, int Actors, int Places, int Claims)
{
    public static readonly KindCounts Zero = new(0, 0, 0, 0);

    public int Of(EntityClass @class) => @class switch
    {
        EntityClass.Sources => Sources,
        EntityClass.Actors => Actors,
        EntityClass.Places => Places,
        _ => Claims,
    };

    public int Total => Sources + Actors + Places + Claims;
}

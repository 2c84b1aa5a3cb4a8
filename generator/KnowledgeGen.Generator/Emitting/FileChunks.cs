using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Cuts a linked file into the chunks it is emitted as (<see cref="FileChunk"/>): its records in runs of
/// <see cref="EntitiesPerChunk"/> (sources, then actors, places and claims, the order of its data), each run with the
/// members of its entities. Each chunk compares by value, so the pipeline emits again only the chunks an edit changed.
/// The file-wide parts (its part of the indexes, and the numbers its records give other packs' entities) are computed
/// here once, so that no chunk needs the others to be written; a file of more than one chunk gets one more, with its part
/// of the indexes.
/// </summary>
public static class FileChunks
{
    /// <summary>One chunk of generated file per chunk of data literals, so that a chunk's records are one property.</summary>
    public const int EntitiesPerChunk = DataChunks.PiecesPerChunk;

    public static ImmutableArray<FileChunk> Split(FileModel file)
    {
        var counts = new KindCounts(file.Sources.Count, file.Actors.Count, file.Places.Count, file.Claims.Count);
        var chunks = Math.Max(1, (counts.Total + EntitiesPerChunk - 1) / EntitiesPerChunk);
        var index = file.Claims.Count == 0 ? null : Linking.IndexBuilder.Build(file);
        var externals = Externals(file, index);
        // The index part as data, not as the index model: a contradiction or support in it names the other claim, whose
        // name is its statement, and the data holds only where claims stand, so rewording a fact leaves it equal.
        var indexData = index is null ? EquatableArray<string>.Empty : new FactRecords(externals).Indexes(index).ToEquatableArray();
        if (chunks == 1)
            return ImmutableArray.Create(new FileChunk(file, 0, 1, KindCounts.Zero, externals, counts, indexData));

        var result = ImmutableArray.CreateBuilder<FileChunk>(chunks + 1);
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            // The chunk's run of the file's records, and where it falls in each kind's run.
            var from = chunk * EntitiesPerChunk;
            var to = Math.Min(counts.Total, from + EntitiesPerChunk);
            var sourcesAt = 0;
            var actorsAt = sourcesAt + counts.Sources;
            var placesAt = actorsAt + counts.Actors;
            var claimsAt = placesAt + counts.Places;
            var starts = new KindCounts(Start(from, sourcesAt, counts.Sources), Start(from, actorsAt, counts.Actors),
                Start(from, placesAt, counts.Places), Start(from, claimsAt, counts.Claims));
            var entities = file with
            {
                Sources = Cut(file.Sources, from, to, sourcesAt),
                Actors = Cut(file.Actors, from, to, actorsAt),
                Places = Cut(file.Places, from, to, placesAt),
                Claims = Cut(file.Claims, from, to, claimsAt),
                Diagnostics = chunk == 0 ? file.Diagnostics : EquatableArray<DiagnosticInfo>.Empty,
            };
            result.Add(new FileChunk(entities, chunk, chunks, starts, externals, chunk == 0 ? counts : null, EquatableArray<string>.Empty));
        }
        if (index is not null) // every file holding claims has a part, which the pack-wide lookup names
            result.Add(new FileChunk(file.WithoutEntities(), FileChunk.IndexChunk, chunks, KindCounts.Zero, externals, null, indexData));
        return result.ToImmutable();
    }

    /// <summary>
    /// The hint name of chunk <paramref name="chunk"/> of the file named <paramref name="hintName"/>: chunk 0 keeps the
    /// file's name, "x.kg.g.cs"; the next are "x.kg.2.g.cs", "x.kg.3.g.cs" … and the index chunk "x.kg.index.g.cs". Every
    /// file's own name ends in ".kg.g.cs", so no chunk's name meets another file's.
    /// </summary>
    public static string HintName(string hintName, int chunk)
    {
        const string end = ".g.cs";
        var part = chunk == FileChunk.IndexChunk ? "index" : (chunk + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return chunk == 0 ? hintName : hintName.Substring(0, hintName.Length - end.Length) + "." + part + end;
    }

    // Where a chunk starting at record `from` starts in a kind whose records are [at, at + count): 0 before the kind.
    private static int Start(int from, int at, int count) => Math.Min(Math.Max(from - at, 0), count);

    // The part of a kind's records [at, at + items.Count) that falls in the chunk [from, to).
    private static EquatableArray<T> Cut<T>(EquatableArray<T> items, int from, int to, int at) where T : IEquatable<T>
    {
        var first = Math.Max(from, at) - at;
        var last = Math.Min(to, at + items.Count) - at;
        if (last <= first)
            return EquatableArray<T>.Empty;
        var cut = new T[last - first];
        for (var i = 0; i < cut.Length; i++)
            cut[i] = items[first + i];
        return new EquatableArray<T>(cut);
    }

    /// <summary>Every entity of a referenced pack the file's records or its part of the indexes name, in ordinal order: their numbers in the file.</summary>
    public static EquatableArray<string> Externals(FileModel file, IndexModel? index)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Add(EntityRef? target)
        {
            if (target?.External is { } member)
                names.Add(member);
        }
        void AddAll(EquatableArray<EntityRef> targets)
        {
            foreach (var target in targets)
                Add(target);
        }
        foreach (var s in file.Sources)
        {
            Add(s.Outlet);
            Add(s.Author);
            AddAll(s.Relays);
        }
        foreach (var a in file.Actors)
            foreach (var role in a.Roles)
                Add(role.Of);
        foreach (var p in file.Places)
            Add(p.In);
        foreach (var c in file.Claims)
        {
            Add(c.Claimant);
            AddAll(c.About);
            foreach (var citation in c.Citations)
            {
                Add(citation.Source);
                Add(citation.Via);
            }
            AddAll(c.Contradicts);
            AddAll(c.Supports);
            AddAll(c.SupportedBy);
        }
        if (index is not null)
        {
            foreach (var group in index.ByClaimant)
                Add(group.Key);
            foreach (var group in index.BySubject)
                Add(group.Key);
            foreach (var group in index.BySource)
                Add(group.Key);
            foreach (var corroboration in index.Corroborations)
                AddAll(corroboration.Origins);
        }
        return names.Count == 0 ? EquatableArray<string>.Empty : new EquatableArray<string>(new List<string>(names).ToArray());
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace KnowledgeGen.Generated;

/// <summary>Chunk <paramref name="chunk"/> of YAML file <paramref name="file"/>'s data, as UTF-8 compiled into the pack; empty past the last chunk.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ReadOnlySpan<byte> FactPackData(int file, int chunk);

/// <summary>Entity <paramref name="n"/> of the referenced packs' entities that YAML file <paramref name="file"/>'s records name.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Entity FactExternal(int file, int n);

/// <summary>
/// A generated pack's facts: every YAML file's records, reached through one generated method that gives any file's
/// chunk, and the tables over them, each made the first time it is used. The generated code declares no class and no
/// static initializer per file, so a first access loads one generated class and an enumeration compiles, for each file,
/// only the method that holds its data.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactPack
{
    private const int Kinds = 4; // sources, actors, places and claims, the order of a file's records

    private readonly FactPackData _data;
    private readonly FactPackData _indexData;
    private readonly FactExternal _external;
    private readonly int[] _counts;
    private readonly FactLinks _links;
    private readonly FactFile?[] _files;
    private readonly FactTable<Source>?[] _sources;
    private readonly FactTable<Actor>?[] _actors;
    private readonly FactTable<Place>?[] _places;
    private readonly FactTable<Claim>?[] _claims;
    private FactList<Source>? _allSources;
    private FactList<Actor>? _allActors;
    private FactList<Place>? _allPlaces;
    private FactList<Claim>? _allClaims;
    private PackIndexes? _indexes;

    /// <summary>
    /// A pack whose files' records are <paramref name="data"/> and whose files' parts of the indexes are
    /// <paramref name="indexData"/>; references to other packs go through <paramref name="external"/>.
    /// <paramref name="counts"/> holds, for each file in the pack's order, how many sources, actors, places and claims it
    /// holds, four numbers a file.
    /// </summary>
    public FactPack(FactPackData data, FactPackData indexData, FactExternal external, int[] counts)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _indexData = indexData ?? throw new ArgumentNullException(nameof(indexData));
        _external = external ?? throw new ArgumentNullException(nameof(external));
        if (counts is null)
            throw new ArgumentNullException(nameof(counts));
        if (counts.Length % Kinds != 0)
            throw new ArgumentException("The counts hold four numbers a file.", nameof(counts));
        foreach (var count in counts)
            if (count < 0)
                throw new ArgumentOutOfRangeException(nameof(counts), "A count is negative.");
        _counts = (int[])counts.Clone();
        var files = counts.Length / Kinds;
        _links = new FactLinks(Resolve);
        _files = new FactFile?[files];
        _sources = new FactTable<Source>?[files];
        _actors = new FactTable<Actor>?[files];
        _places = new FactTable<Place>?[files];
        _claims = new FactTable<Claim>?[files];
    }

    /// <summary>The sources of file <paramref name="file"/>.</summary>
    public FactTable<Source> Sources(int file) => Table(_sources, file, EntityKind.Source);

    /// <summary>The actors of file <paramref name="file"/>.</summary>
    public FactTable<Actor> Actors(int file) => Table(_actors, file, EntityKind.Actor);

    /// <summary>The places of file <paramref name="file"/>.</summary>
    public FactTable<Place> Places(int file) => Table(_places, file, EntityKind.Place);

    /// <summary>The claims of file <paramref name="file"/>.</summary>
    public FactTable<Claim> Claims(int file) => Table(_claims, file, EntityKind.Claim);

    /// <summary>Every source of the pack, file after file.</summary>
    public IReadOnlyList<Source> AllSources => _allSources ?? Initialize.Once(ref _allSources, All(_sources, EntityKind.Source));

    /// <summary>Every actor of the pack, file after file.</summary>
    public IReadOnlyList<Actor> AllActors => _allActors ?? Initialize.Once(ref _allActors, All(_actors, EntityKind.Actor));

    /// <summary>Every place of the pack, file after file.</summary>
    public IReadOnlyList<Place> AllPlaces => _allPlaces ?? Initialize.Once(ref _allPlaces, All(_places, EntityKind.Place));

    /// <summary>Every claim of the pack, file after file.</summary>
    public IReadOnlyList<Claim> AllClaims => _allClaims ?? Initialize.Once(ref _allClaims, All(_claims, EntityKind.Claim));

    /// <summary>The pack's indexes, joined from the parts of the files that hold claims, in the pack's file order.</summary>
    public PackIndexes Indexes => _indexes ?? Initialize.Once(ref _indexes, JoinIndexes());

    private int Count(int file, EntityKind kind) => _counts[file * Kinds + (int)kind];

    private static ref FactTable<T>? Slot<T>(FactTable<T>?[] tables, int file) where T : Entity
    {
        if ((uint)file >= (uint)tables.Length)
            throw new ArgumentOutOfRangeException(nameof(file));
        return ref tables[file];
    }

    // File file's table of the kind, made the first time it is asked for and kept.
    private FactTable<T> Table<T>(FactTable<T>?[] tables, int file, EntityKind kind) where T : Entity =>
        Volatile.Read(ref Slot(tables, file)) ?? NewTable(tables, file, kind);

    private FactTable<T> NewTable<T>(FactTable<T>?[] tables, int file, EntityKind kind) where T : Entity
    {
        // A file's records are its sources, then actors, places and claims: a kind's run starts after the kinds before it.
        var table = new FactTable<T>(Records(file), RecordsBefore(file, (int)kind), Count(file, kind), kind);
        return Interlocked.CompareExchange(ref tables[file], table, null) ?? table;
    }

    // One FactFile a file, shared by its tables: a claim reads the rest of its record through it later. It is told how
    // many records the file holds, so it finds where they start in one pass.
    private FactFile Records(int file) =>
        Volatile.Read(ref _files[file]) ?? Initialize.Once(ref _files[file], new FactFile(_links, n => _external(file, n), chunk => _data(file, chunk), RecordsBefore(file, Kinds)));

    // How many records the file holds of its first kinds, in the order of its records (all of them for Kinds).
    private int RecordsBefore(int file, int kinds)
    {
        var records = 0;
        for (var kind = 0; kind < kinds; kind++)
            records += Count(file, (EntityKind)kind);
        return records;
    }

    // The tables of the files that hold the kind, in an array counted first: a list and a delegate would each be one more
    // generic type per kind for the runtime to load before the first fact.
    private FactList<T> All<T>(FactTable<T>?[] tables, EntityKind kind) where T : Entity
    {
        var holding = 0;
        for (var file = 0; file < tables.Length; file++)
            if (Count(file, kind) > 0)
                holding++;
        var all = new FactTable<T>[holding];
        holding = 0;
        for (var file = 0; file < tables.Length; file++)
            if (Count(file, kind) > 0)
                all[holding++] = Table(tables, file, kind);
        return new FactList<T>(all);
    }

    private PackIndexes JoinIndexes()
    {
        var parts = new List<FactIndexPart>();
        for (var file = 0; file < _files.Length; file++)
        {
            if (Count(file, EntityKind.Claim) == 0)
                continue;
            var at = file;
            parts.Add(new FactIndexPart(n => _external(at, n), chunk => _indexData(at, chunk)));
        }
        return FactTable.Indexes(_links, parts.ToArray());
    }

    // How a record's reference to an entity of this pack is followed: by kind, file and place in the file's table.
    private Entity Resolve(int kind, int file, int index) => (EntityKind)kind switch
    {
        EntityKind.Source => Sources(file)[index],
        EntityKind.Actor => Actors(file)[index],
        EntityKind.Place => Places(file)[index],
        EntityKind.Claim => Claims(file)[index],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

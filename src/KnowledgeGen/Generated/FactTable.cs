using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;

namespace KnowledgeGen.Generated;

/// <summary>One chunk of a file's records, as UTF-8 data compiled into the pack; empty past the last chunk.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ReadOnlySpan<byte> FactData(int chunk);

/// <summary>
/// The records of one YAML file, as the generator wrote them (sources, then actors, places and claims) in
/// chunks of UTF-8 literals, and how their references resolve. The records are read where they lie in the
/// assembly's data, never copied; where each one starts is found once, on the file's first access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactFile
{
    private readonly FactData _data;
    private readonly FactLinks _links;
    private readonly Func<int, Entity>? _external;
    private readonly int _records;
    private long[]? _starts;

    /// <summary>A file whose records are <paramref name="data"/>; references resolve through <paramref name="links"/>, and
    /// references to other packs through <paramref name="external"/>.</summary>
    public FactFile(FactLinks links, Func<int, Entity>? external, FactData data)
        : this(links, external, data, records: -1)
    {
    }

    // records: how many records the data holds, when the caller knows (a FactPack does, from its counts), so that their
    // starts are found in one pass over the data; -1 when it does not.
    internal FactFile(FactLinks links, Func<int, Entity>? external, FactData data, int records)
    {
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _external = external;
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _records = records;
    }

    /// <summary>How many records the file holds (all of them are read to find where each starts), when its pack said so; otherwise 0.</summary>
    internal int Records => Math.Max(0, _records);

    /// <summary>A reader at the start of record <paramref name="record"/>'s fields.</summary>
    internal FactReader Reader(int record)
    {
        var starts = _starts ?? Initialize.Once(ref _starts, FindStarts());
        if ((uint)record >= (uint)starts.Length)
            throw new ArgumentOutOfRangeException(nameof(record));
        return ReaderAt(starts[record]);
    }

    /// <summary>A reader at <paramref name="location"/> (a reader's <see cref="FactReader.Location"/>) in this file's records.</summary>
    internal FactReader ReaderAt(long location)
    {
        var chunk = (int)(location >> 32);
        return new FactReader(_data(chunk), (int)location, _links, _external, this, chunk);
    }

    // Each record's chunk (high half) and where its fields start in that chunk (low half). With the count known, one pass
    // places them; otherwise (or should the data hold another number of records) one pass counts the records and one
    // places them (an array, not a list, is one less generic type for a first access to compile).
    private long[] FindStarts()
    {
        if (_records >= 0 && PlaceStarts(new long[_records]) is { } placed)
            return placed;
        var count = 0;
        for (var chunk = 0; ; chunk++)
        {
            var reader = new FactReader(_data(chunk), 0, _links, _external);
            if (reader.AtEnd)
                break;
            for (; !reader.AtEnd; count++)
                reader.SkipRecord();
        }
        var starts = new long[count];
        var record = 0;
        for (var chunk = 0; record < count; chunk++)
        {
            var reader = new FactReader(_data(chunk), 0, _links, _external);
            while (!reader.AtEnd)
                starts[record++] = ((long)chunk << 32) | (uint)reader.SkipRecord();
        }
        return starts;
    }

    // Fills starts in one pass; null when the data holds more or fewer records than it has room for.
    private long[]? PlaceStarts(long[] starts)
    {
        var record = 0;
        for (var chunk = 0; ; chunk++)
        {
            var reader = new FactReader(_data(chunk), 0, _links, _external);
            if (reader.AtEnd)
                return record == starts.Length ? starts : null;
            while (!reader.AtEnd)
            {
                if (record == starts.Length)
                    return null;
                starts[record++] = ((long)chunk << 32) | (uint)reader.SkipRecord();
            }
        }
    }
}

/// <summary>
/// The entities of one kind written in one YAML file: a run of its <see cref="FactFile"/>'s records. An entity
/// is decoded on its first access and kept, so a pack costs no method per fact at run time and a first access
/// pays for one fact, not the pack.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactTable<T> where T : Entity
{
    private readonly FactFile _file;
    private readonly int _first;
    private readonly EntityKind _kind;
    private readonly T?[] _items;

    // kind: which of FactDecoder's decoders makes a T; a kind, not a delegate, so that no delegate type is made per T.
    internal FactTable(FactFile file, int first, int count, EntityKind kind)
    {
        _file = file ?? throw new ArgumentNullException(nameof(file));
        if (first < 0)
            throw new ArgumentOutOfRangeException(nameof(first));
        _first = first;
        _items = new T?[count];
        _kind = kind;
    }

    /// <summary>How many entities the table holds.</summary>
    public int Count => _items.Length;

    /// <summary>The entity at <paramref name="index"/>, decoded on first access; the same instance every time.</summary>
    public T this[int index] => Volatile.Read(ref _items[index]) ?? Create(index);

    /// <summary>The file whose records the table is a run of.</summary>
    internal FactFile File => _file;

    /// <summary>Decodes every entity not yet decoded, last first: a reader going forward meets it instead of doing the same work.</summary>
    internal void DecodeBackward()
    {
        for (var i = _items.Length - 1; i >= 0; i--)
            if (Volatile.Read(ref _items[i]) is null)
                Create(i);
    }

    private T Create(int index)
    {
        var reader = _file.Reader(_first + index);
        var value = (T)FactDecoder.Entity(_kind, ref reader);
        return Interlocked.CompareExchange(ref _items[index], value, null) ?? value;
    }
}

/// <summary>
/// Makes a YAML file's table of one kind, a run of its records, and joins the files' parts of the indexes. Packs generated
/// now reach their tables through <see cref="FactPack"/>; the table factories stay for packs generated by earlier versions,
/// which declared a class of tables per file.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactTable
{
    /// <summary>The sources of one file: <paramref name="count"/> records from record <paramref name="first"/>.</summary>
    public static FactTable<Source> Sources(FactFile file, int first, int count) => new(file, first, count, EntityKind.Source);

    /// <summary>The actors of one file.</summary>
    public static FactTable<Actor> Actors(FactFile file, int first, int count) => new(file, first, count, EntityKind.Actor);

    /// <summary>The places of one file.</summary>
    public static FactTable<Place> Places(FactFile file, int first, int count) => new(file, first, count, EntityKind.Place);

    /// <summary>The claims of one file.</summary>
    public static FactTable<Claim> Claims(FactFile file, int first, int count) => new(file, first, count, EntityKind.Claim);

    /// <summary>
    /// The pack's indexes, from the parts the generator computed into each YAML file's code, in the pack's file order;
    /// every reference resolved.
    /// </summary>
    public static PackIndexes Indexes(FactLinks links, params FactIndexPart[] parts)
    {
        if (links is null)
            throw new ArgumentNullException(nameof(links));
        var join = new FactIndexJoin();
        foreach (var part in parts ?? Array.Empty<FactIndexPart>())
        {
            var reader = new FactReader(Join(part.Data), 0, links, part.External);
            FactDecoder.IndexPart(ref reader, join);
        }
        return join.Indexes();
    }

    // The chunks of a file's part of the indexes, in one array: an item of the stream may run across chunks.
    internal static byte[] Join(FactData data)
    {
        var chunks = new List<byte[]>();
        var length = 0;
        for (var chunk = 0; ; chunk++)
        {
            var span = data(chunk);
            if (span.IsEmpty)
                break;
            chunks.Add(span.ToArray());
            length += span.Length;
        }
        var bytes = new byte[length];
        var at = 0;
        foreach (var chunk in chunks)
        {
            Buffer.BlockCopy(chunk, 0, bytes, at, chunk.Length);
            at += chunk.Length;
        }
        return bytes;
    }
}

/// <summary>One YAML file's part of the pack's indexes: its data, and how its references reach other packs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactIndexPart
{
    /// <summary>A part written as <paramref name="data"/>, whose references to other packs go through <paramref name="external"/>.</summary>
    public FactIndexPart(Func<int, Entity>? external, FactData data)
    {
        External = external;
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    internal Func<int, Entity>? External { get; }

    internal FactData Data { get; }
}

/// <summary>
/// The files' parts of the indexes joined into the pack's. Each part lists its file's claims in the pack's order, so
/// joining keeps the order: claims under one key are added file after file, keys are put in the pack's order once,
/// and the timeline, sorted within each file, is merged by date (a stable sort, so equal dates keep the pack's order).
/// </summary>
internal sealed class FactIndexJoin
{
    public readonly Groups<Actor> ByClaimant = new();
    public readonly Groups<Entity> BySubject = new();
    public readonly Groups<Source> BySource = new();
    public readonly List<ClaimPair> Contradictions = new();
    public readonly List<SupportEdge> Supports = new();
    public readonly List<Corroboration> Corroborations = new();
    private readonly List<Claim> _timeline = new();

    public void AddTimeline(Claim[] claims) => _timeline.AddRange(claims);

    // The timeline by date; OrderBy is a stable sort, so equal dates keep the order the parts gave (the pack's order).
    public PackIndexes Indexes() =>
        new(FrozenList<IndexEntry<Actor>>.Own(ByClaimant.Entries()), FrozenList<IndexEntry<Entity>>.Own(BySubject.Entries()),
            FrozenList<IndexEntry<Source>>.Own(BySource.Entries()), FrozenList<ClaimPair>.Own(Contradictions.ToArray()),
            FrozenList<SupportEdge>.Own(Supports.ToArray()), FrozenList<Claim>.Own(_timeline.OrderBy(c => c.Date!.Value).ToArray()),
            FrozenList<Corroboration>.Own(Corroborations.ToArray()));

    /// <summary>
    /// The claims filed under each key, joined from the parts: keys of the pack in the pack's order, then entities of
    /// other packs in the order the parts first name them. An entity of another pack is told by the object itself: its
    /// number in a part is the part's own, so two parts may give one entity two numbers, or two entities one.
    /// </summary>
    public sealed class Groups<TKey> where TKey : Entity
    {
        private readonly Dictionary<long, (TKey Key, List<Claim> Claims)> _groups = new();
        private readonly Dictionary<TKey, List<Claim>> _others = new(ReferenceEqualityComparer.Instance);
        private readonly List<TKey> _othersInOrder = new();

        public void Add(TKey key, long order, Claim[] claims)
        {
            if (FactTarget.IsExternal(order))
            {
                if (!_others.TryGetValue(key, out var named))
                {
                    _others[key] = named = new List<Claim>(claims.Length);
                    _othersInOrder.Add(key);
                }
                named.AddRange(claims);
                return;
            }
            if (!_groups.TryGetValue(order, out var group))
                _groups[order] = group = (key, new List<Claim>(claims.Length));
            group.Claims.AddRange(claims);
        }

        public IndexEntry<TKey>[] Entries()
        {
            var orders = new long[_groups.Count];
            _groups.Keys.CopyTo(orders, 0);
            Array.Sort(orders);
            var entries = new IndexEntry<TKey>[orders.Length + _othersInOrder.Count];
            for (var i = 0; i < orders.Length; i++)
            {
                var group = _groups[orders[i]];
                entries[i] = new IndexEntry<TKey>(group.Key, FrozenList<Claim>.Own(group.Claims.ToArray()));
            }
            for (var i = 0; i < _othersInOrder.Count; i++)
                entries[orders.Length + i] = new IndexEntry<TKey>(_othersInOrder[i], FrozenList<Claim>.Own(_others[_othersInOrder[i]].ToArray()));
            return entries;
        }
    }
}

/// <summary>A kind's <c>All</c>: its tables in the pack's file order, read as one list without decoding ahead.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactList<T> : IReadOnlyList<T> where T : Entity
{
    private readonly FactTable<T>[] _tables;
    private readonly int[] _starts;

    /// <summary>A list over <paramref name="tables"/>, in order.</summary>
    public FactList(params FactTable<T>[] tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _starts = new int[tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            _starts[i] = Count;
            Count += tables[i].Count;
        }
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            var table = Array.BinarySearch(_starts, index);
            if (table < 0)
                table = ~table - 1;
            while (_tables[table].Count == 0 || index - _starts[table] >= _tables[table].Count)
                table++; // past empty tables that start at the same index
            return _tables[table][index - _starts[table]];
        }
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        var shared = ShareDecoding();
        try
        {
            for (var t = 0; t < _tables.Length; t++)
            {
                Reached(t);
                var table = _tables[t];
                for (var i = 0; i < table.Count; i++)
                    yield return table[i];
            }
        }
        finally
        {
            if (shared)
                Reached(int.MaxValue); // read to the end or left early: the workers stop before their next table
        }
    }

    // The first enumeration of a large pack's list shares the decoding with thread-pool workers, one a core beside the
    // reader's (at most four): the workers take tables from the last one back, each table last entity first, while the
    // reader goes forward, so they meet somewhere in the list instead of decoding the same entities. A worker stops when
    // the next table it would take is one the reader has reached, or once the reader is done with the list, whether it
    // read to the end or left early (a worker finishes the table it is in). Below this many records in the files behind
    // the list (all of a file's records are read to find where its entities start), handing work over costs more than it
    // saves.
    private const int SharedFromRecords = 20_000;
    private int _shared; // 1 once the first enumeration has decided whether to share
    private int _reached = -1; // the furthest table a reader has reached; int.MaxValue once the sharing reader is done
    private int _nextFromEnd; // the table a worker takes next is the one before this

    // True when this call asked workers to share the decoding.
    private bool ShareDecoding()
    {
        if (Volatile.Read(ref _shared) != 0 || Interlocked.Exchange(ref _shared, 1) != 0)
            return false;
        var workers = Math.Min(Environment.ProcessorCount - 1, 4);
        if (workers <= 0 || _tables.Length < 2)
            return false;
        var records = 0L;
        FactFile? last = null;
        foreach (var table in _tables) // a file's tables of one kind: one table a file, in file order
            if (!ReferenceEquals(table.File, last))
            {
                records += table.File.Records;
                last = table.File;
            }
        if (records < SharedFromRecords)
            return false;
        _nextFromEnd = _tables.Length;
        for (var w = 0; w < workers; w++)
            ThreadPool.UnsafeQueueUserWorkItem(static list => list.DecodeFromEnd(), this, preferLocal: false);
        return true;
    }

    private void Reached(int table)
    {
        int reached;
        while ((reached = Volatile.Read(ref _reached)) < table && Interlocked.CompareExchange(ref _reached, table, reached) != reached)
        {
        }
    }

    private void DecodeFromEnd()
    {
        try
        {
            int table;
            while ((table = Interlocked.Decrement(ref _nextFromEnd)) > Volatile.Read(ref _reached))
                _tables[table].DecodeBackward();
        }
        catch
        {
            // Data this version cannot read: a worker stops, and the reader that reaches the entity gets the exception.
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Finds an entity of the pack by kind (0–3: source, actor, place, claim), file ordinal and place in that file.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Entity FactResolve(int kind, int file, int index);

/// <summary>
/// How a record's references reach entities of the pack: through one generated method that the runtime
/// compiles only when the first reference is followed, so a first access loads no other kind's class.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactLinks
{
    private readonly FactResolve _resolve;

    /// <summary>Links through <paramref name="resolve"/>.</summary>
    public FactLinks(FactResolve resolve) => _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));

    internal Entity Get(EntityKind kind, int file, int index) =>
        _resolve((int)kind, file, index) ?? throw new InvalidOperationException("A generated reference resolved to null.");
}

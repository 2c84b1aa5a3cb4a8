using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace KnowledgeGen.Generated;

/// <summary>One chunk of a table's records, as UTF-8 data compiled into the pack; empty past the last chunk.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ReadOnlySpan<byte> FactData(int chunk);

/// <summary>
/// The entities of one kind written in one YAML file, as the generator wrote them: records in the format
/// <see cref="FactReader"/> reads. An entity is decoded on its first access and kept, so a pack costs no
/// method per fact at run time and a first access pays for one fact, not the pack.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactTable<T> where T : Entity
{
    private readonly FactData _data;
    private readonly FactLinks _links;
    private readonly Func<int, Entity>? _external;
    private readonly Func<FactRecord, T> _decode;
    private readonly T?[] _items;
    private Layout? _layout;

    internal FactTable(int count, FactData data, FactLinks links, Func<int, Entity>? external, Func<FactRecord, T> decode)
    {
        _items = new T?[count];
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _external = external;
        _decode = decode;
    }

    /// <summary>How many entities the table holds.</summary>
    public int Count => _items.Length;

    /// <summary>The entity at <paramref name="index"/>, decoded on first access; the same instance every time.</summary>
    public T this[int index] => Volatile.Read(ref _items[index]) ?? Create(index);

    private T Create(int index)
    {
        var layout = _layout ?? Initialize.Once(ref _layout, new Layout(_data, Count));
        var value = _decode(new FactRecord(layout.Bytes, layout.Starts[index], _links, _external));
        return Interlocked.CompareExchange(ref _items[index], value, null) ?? value;
    }

    // The table's bytes in one array (chunks joined) and where each record starts, found once by skipping lengths.
    private sealed class Layout
    {
        public Layout(FactData data, int count)
        {
            Bytes = FactTable.Join(data);
            Starts = new int[count];
            var reader = new FactReader(Bytes, 0);
            for (var i = 0; i < count; i++)
                Starts[i] = reader.SkipRecord();
        }

        public byte[] Bytes { get; }
        public int[] Starts { get; }
    }
}

/// <summary>Makes the tables generated code declares, one per kind and YAML file.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FactTable
{
    /// <summary>The sources of one file.</summary>
    public static FactTable<Source> Sources(int count, FactLinks links, Func<int, Entity>? external, FactData data) =>
        new(count, data, links, external, FactDecoder.Source);

    /// <summary>The actors of one file.</summary>
    public static FactTable<Actor> Actors(int count, FactLinks links, Func<int, Entity>? external, FactData data) =>
        new(count, data, links, external, FactDecoder.Actor);

    /// <summary>The places of one file.</summary>
    public static FactTable<Place> Places(int count, FactLinks links, Func<int, Entity>? external, FactData data) =>
        new(count, data, links, external, FactDecoder.Place);

    /// <summary>The claims of one file.</summary>
    public static FactTable<Claim> Claims(int count, FactLinks links, Func<int, Entity>? external, FactData data) =>
        new(count, data, links, external, FactDecoder.Claim);

    /// <summary>The pack's indexes, from the data the generator computed them into; every reference resolved.</summary>
    public static PackIndexes Indexes(FactLinks links, Func<int, Entity>? external, FactData data) =>
        FactDecoder.Indexes(new FactRecord(Join(data), 0, links, external));

    // The chunks of a table's data, in one array.
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
        foreach (var table in _tables)
            for (var i = 0; i < table.Count; i++)
                yield return table[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>How a record's references reach entities of the pack: by kind, file and index within the file.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactLinks
{
    private readonly Func<int, int, Source> _sources;
    private readonly Func<int, int, Actor> _actors;
    private readonly Func<int, int, Place> _places;
    private readonly Func<int, int, Claim> _claims;

    /// <summary>Links through each kind's lookup by file and index.</summary>
    public FactLinks(Func<int, int, Source> sources, Func<int, int, Actor> actors, Func<int, int, Place> places, Func<int, int, Claim> claims)
    {
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _actors = actors ?? throw new ArgumentNullException(nameof(actors));
        _places = places ?? throw new ArgumentNullException(nameof(places));
        _claims = claims ?? throw new ArgumentNullException(nameof(claims));
    }

    internal Entity Get(EntityKind kind, int file, int index) => kind switch
    {
        EntityKind.Source => _sources(file, index),
        EntityKind.Actor => _actors(file, index),
        EntityKind.Place => _places(file, index),
        _ => _claims(file, index),
    };
}

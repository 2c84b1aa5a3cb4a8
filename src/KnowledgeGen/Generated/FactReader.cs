using System;
using System.Collections.Generic;
using System.Buffers.Text;
using System.Text;
using System.Threading;

namespace KnowledgeGen.Generated;

/// <summary>
/// Reads the record format the generator writes (docs/generated-code.md): a record is <c>len#</c> and its
/// bytes; inside it, <c>~</c> is null, <c>n,</c> an integer, <c>n:</c> a string of n UTF-8 bytes, and
/// <c>n!</c> a string of n UTF-16 units in hex (text a lone surrogate keeps out of UTF-8). A reference is
/// <c>kind,file,index,</c>, or <c>4,n,</c> for the n-th entity of a referenced pack; a list is its count and items.
/// </summary>
internal ref struct FactReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly FactLinks _links;
    private readonly Func<int, Entity>? _external;
    private readonly FactFile? _file;
    private readonly int _chunk;
    private int _at;

    /// <summary>
    /// A reader over <paramref name="bytes"/>, whose references resolve through <paramref name="links"/>; when the bytes
    /// are chunk <paramref name="chunk"/> of <paramref name="file"/>'s records, a decoder can come back to where it stands.
    /// </summary>
    public FactReader(ReadOnlySpan<byte> bytes, int at, FactLinks links, Func<int, Entity>? external, FactFile? file = null, int chunk = 0)
    {
        _bytes = bytes;
        _at = at;
        _links = links;
        _external = external;
        _file = file;
        _chunk = chunk;
    }

    /// <summary>Where the reader stands.</summary>
    public int Position => _at;

    /// <summary>The file whose records this reads; only for readers its <see cref="FactFile"/> made.</summary>
    public FactFile File => _file ?? throw new InvalidOperationException("This reader reads no file's records.");

    /// <summary>Where the reader stands in its file, for <see cref="FactFile.ReaderAt"/>: chunk (high half) and place (low half).</summary>
    public long Location => ((long)_chunk << 32) | (uint)_at;

    /// <summary>True once every byte is read.</summary>
    public bool AtEnd => _at >= _bytes.Length;

    /// <summary>Steps over one record, returning where its content starts.</summary>
    public int SkipRecord()
    {
        var length = Number('#');
        var start = _at;
        if (length > _bytes.Length - start)
            throw Corrupt("record within its data");
        _at += length;
        return start;
    }

    public bool Null()
    {
        if (_bytes[_at] != (byte)'~')
            return false;
        _at++;
        return true;
    }

    public int Int() => Number(',');

    public bool Bool() => Int() != 0;

    public string Text() => OptionalText() ?? throw Corrupt("text");

    public string? OptionalText()
    {
        if (Null())
            return null;
        var length = Number(':', '!');
        if (_bytes[_at - 1] == (byte)':')
        {
            var text = Utf8Text(_bytes.Slice(_at, length));
            _at += length;
            return text;
        }
        var units = new char[length];
        for (var i = 0; i < length; i++)
        {
            var unit = 0;
            for (var d = 0; d < 4; d++)
                unit = unit * 16 + Hex(_bytes[_at++]);
            units[i] = (char)unit;
        }
        return new string(units);
    }

    /// <summary>Steps over a text (or its null) without decoding it.</summary>
    public void SkipText()
    {
        if (Null())
            return;
        var length = Number(':', '!');
        var size = _bytes[_at - 1] == (byte)':' ? length : 4 * length; // UTF-8 bytes, or UTF-16 units of 4 hex digits
        if (size > _bytes.Length - _at)
            throw Corrupt("text within its record");
        _at += size;
    }

    /// <summary>Steps over a list of texts without decoding them.</summary>
    public void SkipTexts()
    {
        var count = Int();
        for (var i = 0; i < count; i++)
            SkipText();
    }

    public IReadOnlyList<string> Texts()
    {
        var count = Int();
        if (count == 0)
            return Array.Empty<string>();
        var texts = new string[count];
        for (var i = 0; i < count; i++)
            texts[i] = Text();
        return FrozenList<string>.Own(texts);
    }

    /// <summary>An enum's value, written as its number; <paramref name="count"/> is how many values the enum has.</summary>
    public int Choice(int count)
    {
        var value = Int();
        return value >= 0 && value < count ? value : throw Corrupt("choice among " + count);
    }

    public FactDate? Date()
    {
        if (Null())
            return null;
        var year = Int();
        var month = Int();
        var day = Int();
        return new FactDate(new DateOnly(year, month, day), (DatePrecision)Choice(4));
    }

    public Quantity? Quantity()
    {
        if (Null())
            return null;
        var min = Decimal();
        var max = Decimal();
        return new Quantity(min, max, Text(), Bool());
    }

    // A decimal, written as invariant text; parsed from the bytes, with no string in between.
    private decimal Decimal()
    {
        var length = Number(':');
        if (length > _bytes.Length - _at)
            throw Corrupt("decimal");
        var text = _bytes.Slice(_at, length);
        _at += length;
        return Utf8Parser.TryParse(text, out decimal value, out var used) && used == length ? value : throw Corrupt("decimal");
    }

    /// <summary>
    /// The next text, as the same string as <paramref name="earlier"/> when it is written with the same bytes
    /// (<paramref name="start"/> to <paramref name="end"/>): a claim's statement is most often its name.
    /// </summary>
    public string TextSharing(int start, int end, string earlier)
    {
        var token = _bytes.Slice(start, end - start);
        if (!SameBytes(_bytes.Slice(_at), token))
            return Text();
        _at += token.Length;
        return earlier;
    }

    /// <summary>A reference, resolved when first read through the entity that holds it.</summary>
    public Ref<T>? Ref<T>() where T : Entity => Null() ? null : new Ref<T>(Target());

    public RefList<T> Refs<T>() where T : Entity
    {
        var count = Int();
        if (count == 0)
            return RefList<T>.Empty;
        var targets = new FactTarget[count];
        for (var i = 0; i < count; i++)
            targets[i] = Target();
        return new RefList<T>(targets);
    }

    /// <summary>A reference, resolved now.</summary>
    public T Entity<T>() where T : Entity => (T)Target().Resolve();

    /// <summary>A reference to an entity of this pack, resolved now, and its place in the pack's order (kind, file, place).</summary>
    public T Entity<T>(out long order) where T : Entity
    {
        var target = Target();
        order = target.Order;
        return (T)target.Resolve();
    }

    public T[] Entities<T>() where T : Entity
    {
        var entities = new T[Int()];
        for (var i = 0; i < entities.Length; i++)
            entities[i] = Entity<T>();
        return entities;
    }

    private FactTarget Target()
    {
        var kind = Int();
        if (kind == ExternalKind)
            return new FactTarget(_links, _external ?? throw Corrupt("reference to another pack"), (EntityKind)kind, 0, Int());
        if (kind < 0 || kind > ExternalKind)
            throw Corrupt("kind of entity");
        return new FactTarget(_links, null, (EntityKind)kind, Int(), Int());
    }

    private const int ExternalKind = 4;

    // Most of a pack's text is ASCII, which is widened here, a byte to a char. The runtime's UTF-8 decoder costs a process
    // that has decoded none yet some milliseconds on its first call, most of a first access to a fact where this library
    // is compiled ahead of time; with the JIT this loop runs unoptimized at first, a trade docs/performance-notes.md
    // measures ("First calls into .NET").
    // Text with other characters still goes to the decoder, which checks it.
    private const int WidenedAtMost = 512;

    private static string Utf8Text(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return string.Empty;
        if (bytes.Length > WidenedAtMost)
            return Encoding.UTF8.GetString(bytes);
        Span<char> chars = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b >= 0x80)
                return Encoding.UTF8.GetString(bytes);
            chars[i] = (char)b;
        }
        return new string(chars);
    }

    // Whether `bytes` starts with `token`, a byte at a time, as Utf8Text reads: tokens are short.
    private static bool SameBytes(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> token)
    {
        if (bytes.Length < token.Length)
            return false;
        for (var i = 0; i < token.Length; i++)
            if (bytes[i] != token[i])
                return false;
        return true;
    }

    private int Number(char end, char other = ',')
    {
        var negative = _bytes[_at] == (byte)'-';
        if (negative)
            _at++;
        var value = 0;
        while (true)
        {
            if (_at >= _bytes.Length)
                throw Corrupt("number");
            var b = _bytes[_at++];
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                value = value * 10 + (b - '0');
                continue;
            }
            if (b != (byte)end && b != (byte)other)
                throw Corrupt("number");
            return negative ? -value : value;
        }
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw Corrupt("hex digit"),
    };

    private static InvalidOperationException Corrupt(string what) =>
        new("The generated fact data is not in the format this version of KnowledgeGen reads (expected a " + what +
            "). Rebuild the pack with the KnowledgeGen version it references.");
}

/// <summary>Where a reference in a record points: an entity of the pack by kind, file and place, or of a referenced pack.</summary>
internal readonly struct FactTarget
{
    private readonly FactLinks _links;
    private readonly Func<int, Entity>? _external;
    private readonly EntityKind _kind;
    private readonly int _file;
    private readonly int _index;

    public FactTarget(FactLinks links, Func<int, Entity>? external, EntityKind kind, int file, int index)
    {
        _links = links;
        _external = external;
        _kind = kind;
        _file = file;
        _index = index;
    }

    /// <summary>False for the default value, which points nowhere.</summary>
    public bool IsSet => _links is not null;

    public Entity Resolve() => _external is not null ? _external(_index) : _links.Get(_kind, _file, _index);

    /// <summary>Where the target stands in its pack's order: by kind, then file, then place.</summary>
    public long Order => ((long)_kind << 56) | ((long)_file << 28) | (uint)_index;

    /// <summary>True for the <see cref="Order"/> of an entity of another pack, which has no place in this pack's order.</summary>
    public static bool IsExternal(long order) => (order >> 56) == ExternalKind;

    private const int ExternalKind = 4; // as FactReader writes it
}

/// <summary>Makes each kind of entity from its record, field by field in the order the generator writes them.</summary>
internal static class FactDecoder
{
    /// <summary>The entity of kind <paramref name="kind"/> (source, actor, place or claim) whose record the reader stands at.</summary>
    public static Entity Entity(EntityKind kind, ref FactReader r) => kind switch
    {
        EntityKind.Source => Source(ref r),
        EntityKind.Actor => Actor(ref r),
        EntityKind.Place => Place(ref r),
        EntityKind.Claim => Claim(ref r),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // A record starts with the entity's id, name, aliases and note, and a claim's statement; then come its details. An
    // entity is made with its name (and a claim with its statement) and where its record starts: the rest is read from
    // there when first needed (Entity).
    public static Source Source(ref FactReader r) => new(Name(ref r, out var at), r.File, at);

    public static Actor Actor(ref FactReader r) => new(Name(ref r, out var at), r.File, at);

    public static Place Place(ref FactReader r) => new(Name(ref r, out var at), r.File, at);

    public static Claim Claim(ref FactReader r)
    {
        var at = StepOverId(ref r);
        var nameStart = r.Position;
        var name = r.Text();
        var nameEnd = r.Position;
        StepOverAliasesAndNote(ref r);
        var statement = r.TextSharing(nameStart, nameEnd, name);
        return new Claim(name, statement, r.File, at);
    }

    // The name of the entity whose record the reader stands at the start of, which `at` keeps.
    private static string Name(ref FactReader r, out long at)
    {
        at = StepOverId(ref r);
        return r.Text();
    }

    // Where the record starts, stepping over the id that starts it.
    private static long StepOverId(ref FactReader r)
    {
        var at = r.Location;
        r.SkipText();
        return at;
    }

    /// <summary>The id of the entity whose record <paramref name="record"/> stands at the start of.</summary>
    public static string Id(FactReader record) => record.Text();

    /// <summary>The aliases of the entity whose record <paramref name="record"/> stands at the start of.</summary>
    public static IReadOnlyList<string> Aliases(FactReader record)
    {
        SkipIdAndName(ref record);
        return record.Texts();
    }

    /// <summary>The note of the entity whose record <paramref name="record"/> stands at the start of.</summary>
    public static string? Note(FactReader record)
    {
        SkipIdAndName(ref record);
        record.SkipTexts();
        return record.OptionalText();
    }

    /// <summary>The details of an entity of kind <paramref name="kind"/> whose record <paramref name="record"/> stands at the start of.</summary>
    public static object Details(EntityKind kind, FactReader record)
    {
        SkipIdAndName(ref record);
        StepOverAliasesAndNote(ref record);
        if (kind == EntityKind.Claim)
            record.SkipText(); // the statement
        return kind switch
        {
            EntityKind.Source => SourceDetails(ref record),
            EntityKind.Actor => ActorDetails(ref record),
            EntityKind.Place => PlaceDetails(ref record),
            EntityKind.Claim => ClaimDetails(ref record),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static void SkipIdAndName(ref FactReader record)
    {
        record.SkipText();
        record.SkipText();
    }

    private static void StepOverAliasesAndNote(ref FactReader record)
    {
        record.SkipTexts();
        record.SkipText();
    }

    private static SourceDetails SourceDetails(ref FactReader r) =>
        new((SourceKind)r.Choice(8), r.Ref<Actor>(), r.Ref<Actor>(), r.OptionalText(), r.OptionalText(),
            r.Date(), r.OptionalText(), r.OptionalText(), r.Refs<Source>());

    private static ActorDetails ActorDetails(ref FactReader r)
    {
        var kind = (ActorKind)r.Choice(4);
        var anonymous = r.Bool();
        var description = r.OptionalText();
        var count = r.Int();
        var roles = count == 0 ? Array.Empty<Role>() : new Role[count];
        for (var i = 0; i < count; i++)
            roles[i] = new Role(r.Text(), r.Ref<Entity>(), r.Bool(), r.OptionalText());
        return new ActorDetails(FrozenList<Role>.Own(roles), kind, anonymous, description);
    }

    private static PlaceDetails PlaceDetails(ref FactReader r) => new((PlaceKind)r.Choice(12), r.Ref<Place>());

    /// <summary>The rest of a claim's record, read when a claim's details are first needed.</summary>
    private static ClaimDetails ClaimDetails(ref FactReader r)
    {
        var claimant = r.Ref<Actor>() ?? throw new InvalidOperationException("A generated claim has no claimant.");
        var about = r.Refs<Entity>();
        var date = r.Date();
        var status = (ClaimStatus)r.Choice(5);
        var quantity = r.Quantity();
        var count = r.Int();
        var citations = count == 0 ? Array.Empty<Citation>() : new Citation[count];
        for (var i = 0; i < count; i++)
        {
            var source = r.Ref<Source>() ?? throw new InvalidOperationException("A generated citation has no source.");
            citations[i] = new Citation(source, r.Text(), r.Ref<Source>());
        }
        return new ClaimDetails(claimant, about, date, status, quantity, FrozenList<Citation>.Own(citations), r.Refs<Claim>(), r.Refs<Claim>(), r.Refs<Claim>());
    }

    // One file's part of the indexes: by claimant, subject and source (each a count, then key and claims),
    // contradictions and supports (a count, then pairs), the dated claims in time order (a list), and corroborations
    // (a count, then claim, citations, reports and origins). Each list is added to what the parts before it gave.
    public static void IndexPart(ref FactReader r, FactIndexJoin into)
    {
        Groups(ref r, into.ByClaimant);
        Groups(ref r, into.BySubject);
        Groups(ref r, into.BySource);
        for (var i = r.Int(); i > 0; i--)
            into.Contradictions.Add(new ClaimPair(r.Entity<Claim>(), r.Entity<Claim>()));
        for (var i = r.Int(); i > 0; i--)
            into.Supports.Add(new SupportEdge(r.Entity<Claim>(), r.Entity<Claim>()));
        into.AddTimeline(r.Entities<Claim>());
        for (var i = r.Int(); i > 0; i--)
            into.Corroborations.Add(new Corroboration(r.Entity<Claim>(), r.Int(), r.Int(), FrozenList<Source>.Own(r.Entities<Source>())));
    }

    private static void Groups<TKey>(ref FactReader r, FactIndexJoin.Groups<TKey> into) where TKey : Entity
    {
        for (var i = r.Int(); i > 0; i--)
            into.Add(r.Entity<TKey>(out var order), order, r.Entities<Claim>());
    }
}

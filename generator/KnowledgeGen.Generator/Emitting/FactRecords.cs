using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Writes each entity as a record of the format the runtime's <c>FactReader</c> decodes (docs/generated-code.md):
/// a record is <c>len#</c> and its bytes; <c>~</c> is null, <c>n,</c> an integer, <c>n:</c> a string of n UTF-8
/// bytes, <c>n!</c> a string of n UTF-16 units in hex; a reference is <c>kind,file,index,</c> or <c>4,n,</c>
/// for the n-th entity of a referenced pack this file names; a list is its count, then its items. The
/// fields come in the order of the runtime's constructors. Facts as data instead of code keep the generated
/// text small, and cost the runtime no method (and no JIT) per fact.
/// </summary>
internal sealed class FactRecords
{
    // The number the file gives each entity of another pack it references (FileChunks.Externals), by the member it
    // compiles to: numbered for the whole file, so that each chunk of its records can be written on its own.
    private readonly Dictionary<string, int> _externalIndex = new(System.StringComparer.Ordinal);

    public FactRecords(EquatableArray<string> externals)
    {
        for (var i = 0; i < externals.Count; i++)
            _externalIndex[externals[i]] = i;
    }

    // The record being written, and how many more UTF-8 bytes than characters its texts take so far.
    private readonly StringBuilder _record = new(1024);
    private int _nonAscii;
    private char[] _frame = new char[1024];

    public string Source(SourceModel s)
    {
        var r = Common(s.Entity);
        Choice(r, s.Kind, SourceKinds);
        Ref(r, s.Outlet);
        Ref(r, s.Author);
        Text(r, s.Language);
        Text(r, s.TranslatedFrom);
        Date(r, s.Published);
        Text(r, s.Document);
        Text(r, s.Url);
        Refs(r, s.Relays);
        return Frame(r);
    }

    public string Actor(ActorModel a)
    {
        var r = Common(a.Entity);
        Choice(r, a.Kind, ActorKinds);
        Int(r, a.Anonymous ? 1 : 0);
        Text(r, a.Description);
        Int(r, a.Roles.Count);
        foreach (var role in a.Roles)
        {
            Text(r, role.Title);
            Ref(r, role.Of);
            Int(r, role.Former ? 1 : 0);
            Text(r, role.Note);
        }
        return Frame(r);
    }

    public string Place(PlaceModel p)
    {
        var r = Common(p.Entity);
        Choice(r, p.Kind, PlaceKinds);
        Ref(r, p.In);
        return Frame(r);
    }

    public string Claim(ClaimModel c)
    {
        var r = Common(c.Entity);
        Text(r, c.Statement);
        Ref(r, c.Claimant);
        Refs(r, c.About);
        Date(r, c.Date);
        Choice(r, c.Status, ClaimStatuses);
        if (c.Quantity is null)
        {
            r.Append('~');
        }
        else
        {
            Text(r, c.Quantity.Min);
            Text(r, c.Quantity.Max);
            Text(r, c.Quantity.Unit);
            Int(r, c.Quantity.Approximate ? 1 : 0);
        }
        Int(r, c.Citations.Count);
        foreach (var citation in c.Citations)
        {
            Ref(r, citation.Source);
            Text(r, citation.Quote);
            Ref(r, citation.Via);
        }
        Refs(r, c.Contradicts);
        Refs(r, c.Supports);
        Refs(r, c.SupportedBy);
        return Frame(r);
    }

    /// <summary>
    /// The pack's indexes as one stream, cut into pieces of at least 400 characters (whole items each) that can be chunked anywhere:
    /// by claimant, subject and source (a count, then each key and its claims), contradictions and supports (a count,
    /// then pairs), the timeline (a list), and corroborations (a count, then claim, citations, reports and origins).
    /// </summary>
    public IReadOnlyList<string> Indexes(IndexModel model)
    {
        // The runtime reads the indexes as one stream, so items can share a piece: one literal per item would make
        // tens of thousands of tiny ones for the compiler.
        const int PieceLength = 400;
        var pieces = new List<string>();
        var piece = new StringBuilder();
        void Flush(int atLeast)
        {
            if (piece.Length < atLeast)
                return;
            pieces.Add(piece.ToString());
            piece.Clear();
        }
        void Section<T>(EquatableArray<T> items, System.Action<StringBuilder, T> write) where T : System.IEquatable<T>
        {
            Int(piece, items.Count);
            foreach (var item in items)
            {
                write(piece, item);
                Flush(PieceLength);
            }
        }
        void Group(StringBuilder r, IndexGroup g)
        {
            Ref(r, g.Key);
            Refs(r, g.Claims);
        }
        Section(model.ByClaimant, Group);
        Section(model.BySubject, Group);
        Section(model.BySource, Group);
        Section(model.Contradictions, (r, p) => { Ref(r, p.First); Ref(r, p.Second); });
        Section(model.Supports, (r, p) => { Ref(r, p.First); Ref(r, p.Second); });
        Section(model.Timeline, Ref);
        Section(model.Corroborations, (r, c) =>
        {
            Ref(r, c.Claim);
            Int(r, c.Citations);
            Int(r, c.Reports);
            Refs(r, c.Origins);
        });
        Flush(1);
        return pieces;
    }

    // Starts an entity's record in the one builder this file's records share.
    private StringBuilder Common(EntityModel e)
    {
        var r = _record.Clear();
        _nonAscii = 0;
        Text(r, e.Id);
        Text(r, e.Name);
        Int(r, e.Aliases.Count);
        foreach (var alias in e.Aliases)
            Text(r, alias);
        Text(r, e.Note);
        return r;
    }

    // The record with its length in UTF-8 bytes in front: its characters, plus what its texts' non-ASCII
    // characters take beyond one byte each (counted as they were written).
    private string Frame(StringBuilder record)
    {
        var prefix = (record.Length + _nonAscii).ToString(CultureInfo.InvariantCulture);
        var length = prefix.Length + 1 + record.Length;
        if (_frame.Length < length)
            _frame = new char[System.Math.Max(length, 2 * _frame.Length)];
        prefix.CopyTo(0, _frame, 0, prefix.Length);
        _frame[prefix.Length] = '#';
        record.CopyTo(0, _frame, prefix.Length + 1, record.Length);
        return new string(_frame, 0, length);
    }

    // Each enum's members in the runtime's order (the reader's lists of YAML names are in that order), so a
    // record holds the number the runtime casts, not a name it would have to parse.
    private static readonly Dictionary<string, int> SourceKinds = Values(Reading.PackFileReader.SourceKinds);
    private static readonly Dictionary<string, int> ActorKinds = Values(Reading.PackFileReader.ActorKinds);
    private static readonly Dictionary<string, int> PlaceKinds = Values(Reading.PackFileReader.PlaceKinds);
    private static readonly Dictionary<string, int> ClaimStatuses = Values(Reading.PackFileReader.ClaimStatuses);

    private static Dictionary<string, int> Values(IReadOnlyList<string> yamlNames)
    {
        var values = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < yamlNames.Count; i++)
            values[Naming.Pascal(yamlNames[i])] = i;
        return values;
    }

    private static void Choice(StringBuilder r, string member, Dictionary<string, int> values) =>
        Int(r, values.TryGetValue(member, out var value) ? value
            : throw new System.ArgumentException("'" + member + "' is not a member the runtime knows", nameof(member)));

    private static void Int(StringBuilder r, int value) => r.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');

    private void Text(StringBuilder r, string? value)
    {
        if (value is null)
        {
            r.Append('~');
            return;
        }
        // A lone surrogate has no UTF-8 form; such text is written as its UTF-16 units so it reads back exactly.
        if (HasLoneSurrogate(value))
        {
            r.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append('!');
            foreach (var c in value)
                r.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            return;
        }
        var bytes = Utf8Length(value);
        _nonAscii += bytes - value.Length;
        r.Append(bytes.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    private static void Date(StringBuilder r, DateSpec? date)
    {
        if (date is null)
        {
            r.Append('~');
            return;
        }
        Int(r, date.Year);
        Int(r, date.Month);
        Int(r, date.Day);
        Int(r, (int)date.Precision); // DatePrecisionSpec has the runtime DatePrecision's order
    }

    private void Ref(StringBuilder r, EntityRef? target)
    {
        if (target is null)
        {
            r.Append('~');
            return;
        }
        if (target.External is { } member)
        {
            if (!_externalIndex.TryGetValue(member, out var n))
                throw new System.InvalidOperationException("'" + member + "' has no number among the file's references to other packs");
            Int(r, 4);
            Int(r, n);
            return;
        }
        Int(r, (int)target.Class);
        Int(r, target.File);
        Int(r, target.Index);
    }

    private void Refs(StringBuilder r, EquatableArray<EntityRef> targets)
    {
        Int(r, targets.Count);
        foreach (var target in targets)
            Ref(r, target);
    }

    private static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }
}

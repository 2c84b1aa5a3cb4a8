using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>The file being read and the diagnostics found so far.</summary>
internal sealed class ReadContext
{
    public ReadContext(string path) => Path = path;

    public string Path { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public void Report(DiagnosticRule rule, SourceSpan span, params object?[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(rule, Path, span, arguments));

    public void WrongKind(string what, string expected, YamlNode actual) =>
        Report(DiagnosticRules.WrongNodeKind, actual.Span, what, expected, actual.KindName);
}

/// <summary>
/// The fields of one YAML map, checked against the names the format allows: a repeated field and an
/// unknown field are reported once here, and typed getters report a missing or malformed value at
/// the value itself. <see cref="Owner"/> names the entity in messages ("the claim 'x'").
/// </summary>
internal sealed class MapFields
{
    private readonly ReadContext _context;
    private readonly YamlMapping _map;
    // A field's value is found by walking the map's own entries: maps of the format hold a dozen fields at
    // most, and a dictionary per map was a tenth of what reading a file allocates. Only a map too long for
    // that (hostile or mistaken input) gets one, so that checking it for repeats stays linear.
    private const int ScanLimit = 16;
    private readonly Dictionary<string, YamlNode>? _long;

    public MapFields(ReadContext context, YamlMapping map, string owner, IReadOnlyList<string> known)
    {
        _context = context;
        _map = map;
        Owner = owner;
        var entries = map.Entries;
        if (entries.Count > ScanLimit)
            _long = new Dictionary<string, YamlNode>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is not YamlScalar key || key.IsNull)
            {
                context.WrongKind("A field name of " + owner, "a plain name", entries[i].Key);
                continue;
            }
            if (IsRepeat(key.Value, i))
            {
                context.Report(DiagnosticRules.DuplicateField, key.Span, Capitalized(owner), key.Value);
                continue;
            }
            _long?.Add(key.Value, entries[i].Value);
            if (!known.Contains(key.Value))
                context.Report(DiagnosticRules.UnknownField, key.Span, Capitalized(owner), key.Value, UnknownFieldAdvice(key.Value, known));
        }
    }

    // Whether the field at entry `index` was written before it in the map (the first one is the one read).
    private bool IsRepeat(string field, int index)
    {
        if (_long is not null)
            return _long.ContainsKey(field);
        for (var i = 0; i < index; i++)
            if (_map.Entries[i].Key is YamlScalar { IsNull: false } key && key.Value == field)
                return true;
        return false;
    }

    // The first value written for a field, or null when the field is absent.
    private YamlNode? Value(string field)
    {
        if (_long is not null)
            return _long.TryGetValue(field, out var value) ? value : null;
        foreach (var entry in _map.Entries)
            if (entry.Key is YamlScalar { IsNull: false } key && key.Value == field)
                return entry.Value;
        return null;
    }

    /// <summary>Where the name of a field is written, or null when the map has no such field.</summary>
    public SourceSpan? KeySpan(string field)
    {
        foreach (var entry in _map.Entries)
            if (entry.Key is YamlScalar { IsNull: false } key && key.Value == field)
                return key.Span;
        return null;
    }

    public string Owner { get; set; }

    public SourceSpan Span => _map.Span;

    public ReadContext Context => _context;

    // "; did you mean 'aliases'?" when a known field is close, otherwise the fields the map takes.
    private static string UnknownFieldAdvice(string field, IReadOnlyList<string> known)
    {
        var suggestion = Suggestions.DidYouMean(field, known);
        return suggestion.Length > 0 ? suggestion : "; the fields it takes are " + string.Join(", ", known);
    }

    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    public string Describe(string field) => "The field '" + field + "' of " + Owner;

    /// <summary>The raw node of a field, or null when it is absent or written empty.</summary>
    public YamlNode? Node(string field) => Value(field) is { } value && !(value is YamlScalar { IsNull: true }) ? value : null;

    public bool Has(string field) => Node(field) is not null;

    /// <summary>The value of a field written with no value (<c>pack:</c> alone, <c>~</c>, <c>null</c>), or null when it has one or is absent.</summary>
    public YamlScalar? Empty(string field) => Value(field) as YamlScalar is { IsNull: true } scalar ? scalar : null;

    // A value written as null, ~ or Null: present in the file, but no value to YAML.
    private YamlScalar? WrittenNull(string field) => Value(field) is YamlScalar { IsNull: true, Value.Length: > 0 } scalar ? scalar : null;

    /// <summary>A text field; reports a missing required field at the map and a non-text value at the value.</summary>
    public YamlScalar? Scalar(string field, bool required = false, string? hint = null)
    {
        var node = Node(field);
        if (node is null)
        {
            if (required)
                ReportNoValue(field, FieldHints.What(field, hint));
            return null;
        }
        if (node is YamlScalar scalar)
        {
            // Quoted empty or blank text says nothing: a required field written so is as missing as one left out. (An id
            // has rules of its own, and KG0005 already says that an empty one is empty.)
            if (required && IsBlank(scalar) && field != "id")
            {
                ReportNoValue(field, FieldHints.What(field, hint));
                return null;
            }
            return scalar;
        }
        _context.WrongKind(Describe(field), "a text", node);
        return null;
    }

    /// <summary>
    /// KG0004 for a required field that gives no value, saying how it gives none: left out (at the map), written with
    /// nothing after its name (at the name), written as a word YAML reads as no value, or as blank text (at the value).
    /// <paramref name="what"/> is what the field holds ("the display name").
    /// </summary>
    public void ReportNoValue(string field, string what)
    {
        var owner = Capitalized(Owner);
        switch (Value(field))
        {
            case null:
                _context.Report(DiagnosticRules.MissingField, _map.Span, owner, "is missing", field, "", "add " + FieldHints.For(field, what));
                break;
            case YamlScalar { IsNull: true, Value.Length: > 0 } written:
                _context.Report(DiagnosticRules.MissingField, written.Span, owner, "has", field, $" written '{written.Value}', which YAML reads as no value",
                    $"give it {what}, or put it in quotes if it is the text");
                break;
            case YamlScalar { IsNull: true }:
                _context.Report(DiagnosticRules.MissingField, KeySpan(field) ?? _map.Span, owner, "has", field, " written with nothing after it", "give it " + what);
                break;
            case var value:
                _context.Report(DiagnosticRules.MissingField, value.Span, owner, "has", field, " written as blank text", "give it " + what);
                break;
        }
    }

    private static bool IsBlank(YamlScalar scalar) => scalar.Value.Trim().Length == 0;

    public string? Text(string field, bool required = false) => Scalar(field, required)?.Value;

    /// <summary>An id written in a field; a blank one names nothing and is reported, not passed over as if the field were absent.</summary>
    public Located? Reference(string field, bool required = false)
    {
        var scalar = Scalar(field, required);
        if (scalar is not null && IsBlank(scalar))
        {
            _context.Report(DiagnosticRules.InvalidValue, scalar.Span, Describe(field), scalar.Value, "an id, or no field at all");
            return null;
        }
        return scalar?.Located;
    }

    /// <summary>A list of ids; a single id is accepted as a list of one.</summary>
    public EquatableArray<Located> References(string field, string item = "id")
    {
        var node = Node(field);
        switch (node)
        {
            case null:
                return EquatableArray<Located>.Empty;
            case YamlScalar scalar:
                if (IsBlank(scalar))
                {
                    _context.Report(DiagnosticRules.InvalidValue, scalar.Span, Describe(field), scalar.Value, (item == "id" ? "an id" : "a " + item) + ", or no field at all");
                    return EquatableArray<Located>.Empty;
                }
                return new EquatableArray<Located>(new[] { scalar.Located });
            case YamlSequence sequence:
                var items = new List<Located>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] is YamlScalar { IsNull: false } blank && IsBlank(blank))
                        _context.Report(DiagnosticRules.InvalidValue, blank.Span, $"Item {i + 1} of the field '{field}' of {Owner}", blank.Value, item == "id" ? "an id" : "a " + item);
                    else if (sequence.Items[i] is YamlScalar { IsNull: false } id)
                        items.Add(id.Located);
                    else
                        _context.WrongKind($"Item {i + 1} of the field '{field}' of {Owner}", (item == "id" ? "an id" : "a " + item), sequence.Items[i]);
                }
                return items.ToEquatableArray();
            default:
                _context.WrongKind(Describe(field), "a list of " + item + "s", node);
                return EquatableArray<Located>.Empty;
        }
    }

    /// <summary>A list of texts (aliases); a single text is accepted as a list of one.</summary>
    public EquatableArray<Located> Texts(string field) => References(field, item: "text");

    /// <summary>
    /// A field that holds one of the format's words (a kind, a status, a precision, a flag, a language tag, the pack's name,
    /// namespace and version): white space around a word written in quotes (<c>" person "</c>) is not part of it, as around a date or a number.
    /// </summary>
    public YamlScalar? Word(string field, bool required = false, string? hint = null) => Trimmed(Scalar(field, required, hint));

    /// <summary>The scalar with the white space around its text left out, at the same place.</summary>
    public static YamlScalar? Trimmed(YamlScalar? scalar) =>
        scalar is null || scalar.Value.Trim().Length == scalar.Value.Length ? scalar : new YamlScalar(scalar.Value.Trim(), scalar.IsPlain, scalar.Span);

    public bool Boolean(string field)
    {
        var scalar = Word(field);
        if (scalar is null)
            return false;
        switch (scalar.Value.ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                _context.Report(DiagnosticRules.InvalidValue, scalar.Span, Describe(field), scalar.Value, "true or false");
                return false;
        }
    }

    /// <summary>
    /// A text that should be an IETF language tag (<c>en</c>, <c>pt-BR</c>); one that is not well-formed is warned about at
    /// the value and kept as written.
    /// </summary>
    public string? LanguageTag(string field)
    {
        var scalar = Word(field);
        if (scalar is not null && LanguageTags.Check(scalar.Value) is { } problem)
            _context.Report(DiagnosticRules.IllFormedLanguageTag, scalar.Span, Describe(field), scalar.Value, problem.Reason, problem.Advice);
        return scalar?.Value;
    }

    /// <summary>
    /// One of a fixed set of kebab-case words, returned as the matching C# enum member name
    /// (<c>news-report</c> → <c>NewsReport</c>); null when missing or invalid (both reported).
    /// </summary>
    public string? Choice(string field, IReadOnlyList<string> allowed, bool required, string? fallback = null)
    {
        var scalar = Word(field, required, FieldHints.OneOf(allowed));
        if (scalar is null)
            return fallback;
        if (allowed.Contains(scalar.Value))
            return Naming.Pascal(scalar.Value);
        var nearest = Suggestions.Nearest(scalar.Value, allowed, max: 1);
        _context.Report(DiagnosticRules.InvalidValue, scalar.Span, Describe(field), scalar.Value,
            FieldHints.OneOf(allowed) + (nearest.Count == 0 ? "" : " (did you mean '" + nearest[0] + "'?)"));
        return null;
    }
}

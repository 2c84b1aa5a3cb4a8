using System;
using System.Collections.Generic;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Reads the fields every entity shares (id, name, aliases, note) and tracks whether the entity is
/// complete enough to generate code for. The id is looked up first so that every message about the
/// entity can name it.
/// </summary>
internal sealed class EntityFields
{
    private readonly ReadContext _context;
    private readonly YamlMapping _map;
    private readonly string _kind;
    private readonly int _position;
    private MapFields? _fields;
    private bool _complete = true;

    public EntityFields(ReadContext context, YamlMapping map, string kind, int position)
    {
        _context = context;
        _map = map;
        _kind = kind;
        _position = position;
    }

    public MapFields Open(string[] known)
    {
        var id = PeekId();
        var owner = id is null ? $"the {_kind} at item {_position}" : $"the {_kind} '{id}'";
        _fields = new MapFields(_context, _map, owner, known);
        return _fields;
    }

    /// <summary>Passes a required value through; a missing one marks the entity incomplete.</summary>
    public T Required<T>(T? value, T fallback) where T : class
    {
        if (value is null)
            _complete = false;
        return value ?? fallback;
    }

    public Located Required(Located? value, Located fallback)
    {
        if (value is null)
            _complete = false;
        return value ?? fallback;
    }

    public EntityHeader Header(bool nameRequired, string? defaultName = null)
    {
        var f = _fields!;
        var idScalar = f.Scalar("id", required: true);
        var id = idScalar?.Located ?? new Located("", _map.Span);
        if (idScalar is null)
        {
            _complete = false;
        }
        else if (!Naming.IsValidId(idScalar.Value))
        {
            _context.Report(DiagnosticRules.InvalidId, idScalar.Span, idScalar.Value, $"the {_kind} at item {_position} of '{_kind}s'",
                IdAdvice.Reason(idScalar.Value), IdAdvice.Suggestion(idScalar.Value));
            _complete = false;
        }
        var nameScalar = f.Scalar("name", nameRequired);
        var name = nameScalar?.Value;
        if (name is null && nameRequired)
            _complete = false;
        var aliases = f.Texts("aliases");
        CheckRepeats(aliases, _kind == "claim" ? null : name);
        return new EntityHeader(id, name ?? defaultName ?? id.Value, aliases, f.Text("note"), _map.Span, _complete) { NameSpan = nameScalar?.Span };
    }

    // An alias that spells the entity's name again (a claim's name is its statement, which Find does not look up) or an
    // alias written before it. Kept as written, and warned about at the repeat.
    private void CheckRepeats(EquatableArray<Located> aliases, string? name)
    {
        if (aliases.Count == 0)
            return;
        // Earlier aliases are looked up in a table only for a long list, so that a hostile one costs linear time.
        var earlier = aliases.Count > 8 ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < aliases.Count; i++)
        {
            var alias = aliases[i];
            var (what, repeated) = name is not null && Naming.SameSpelling(alias.Value, name) ? ("name", name) : ("alias", Earlier(i));
            if (repeated is not null)
                _context.Report(DiagnosticRules.RepeatedAlias, alias.Span, alias.Value, _fields!.Owner, what, repeated);
        }

        string? Earlier(int index)
        {
            var alias = aliases[index].Value;
            if (earlier is not null)
            {
                var key = Naming.FindKey(alias);
                if (earlier.TryGetValue(key, out var first))
                    return first;
                earlier.Add(key, alias);
                return null;
            }
            for (var i = 0; i < index; i++)
                if (Naming.SameSpelling(aliases[i].Value, alias))
                    return aliases[i].Value;
            return null;
        }
    }

    private string? PeekId()
    {
        foreach (var entry in _map.Entries)
            if (entry.Key is YamlScalar { Value: "id" } && entry.Value is YamlScalar { IsNull: false } value)
                return value.Value;
        return null;
    }
}

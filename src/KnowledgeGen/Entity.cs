using System;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>The four kinds of entity a fact pack holds.</summary>
public enum EntityKind
{
    /// <summary>A document: a news report, a post, an audio or video message.</summary>
    Source,
    /// <summary>A person, an organisation, a medium or a group.</summary>
    Actor,
    /// <summary>A named place.</summary>
    Place,
    /// <summary>An attributed assertion.</summary>
    Claim,
}

/// <summary>What every entity of a fact pack has: a stable id, a display name and its aliases.</summary>
public abstract class Entity
{
    private protected Entity(string id, string name, IReadOnlyList<string> aliases, string? note)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An entity's id is not empty.", nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Aliases = FrozenList<string>.Copy(aliases, nameof(aliases));
        Note = note;
    }

    /// <summary>The kebab-case id the curator gave this entity, unique within its pack.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Other names and spellings the documents use for this entity.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>A curator's note, if any.</summary>
    public string? Note { get; }

    /// <summary>Which of the four kinds this entity is.</summary>
    public abstract EntityKind EntityKind { get; }

    /// <summary>
    /// True when <paramref name="text"/> finds this entity as <see cref="KnowledgePack.Find(string)"/> would: it is the id,
    /// the name (not a claim's: its short name, or else its whole statement) or one of the aliases, ignoring case, the white space and invisible
    /// formatting characters around it, and how accented letters are encoded (composed or decomposed).
    /// </summary>
    public bool IsKnownAs(string text)
    {
        if (text is null)
            return false;
        var key = NameKey(text);
        if (NameComparer.Equals(NameKey(Id), key) || (IsFoundByName && NameComparer.Equals(NameKey(Name), key)))
            return true;
        foreach (var alias in Aliases)
            if (NameComparer.Equals(NameKey(alias), key))
                return true;
        return false;
    }

    // The one rule of Find and IsKnownAs, so the two cannot drift apart: texts compare ignoring case, the white space and
    // invisible formatting characters around them, and how accented letters are encoded; a claim is not known by its name
    // (a short name or its statement). The generator compiles NameKeys too, so its KG0019 compares aliases by the same rule.
    internal static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    /// <summary><paramref name="text"/> as Find compares it (<see cref="NameKeys"/>), with <see cref="NameComparer"/>.</summary>
    internal static string NameKey(string text) => NameKeys.Of(text);

    /// <summary>
    /// True when <see cref="KnowledgePack.Find(string)"/> and <see cref="IsKnownAs"/> find this entity by its name: every
    /// entity but a claim, which is found by its id or an alias only.
    /// </summary>
    public bool IsFoundByName => EntityKind != EntityKind.Claim;

    /// <inheritdoc />
    public override string ToString() => Name;
}

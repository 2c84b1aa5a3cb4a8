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

    /// <summary>True when <paramref name="text"/> is this entity's id, name or one of its aliases, ignoring case and the white space around it as <see cref="KnowledgePack.Find(string)"/> does.</summary>
    public bool IsKnownAs(string text)
    {
        text = text?.Trim()!;
        if (string.Equals(Id.Trim(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(Name.Trim(), text, StringComparison.OrdinalIgnoreCase))
            return true;
        foreach (var alias in Aliases)
            if (string.Equals(alias.Trim(), text, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

using System;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>What kind of actor an <see cref="Actor"/> is.</summary>
public enum ActorKind
{
    /// <summary>A single person, named or not.</summary>
    Person,
    /// <summary>An organisation: a movement, an army, a government, an agency.</summary>
    Organisation,
    /// <summary>A news medium: a newspaper, a network, a broadcaster.</summary>
    Media,
    /// <summary>An informal group of people (residents, fighters).</summary>
    Group,
}

/// <summary>A role an actor holds or held: "spokesperson of", "leader of", "son of", "former vice president of".</summary>
public sealed class Role
{
    private readonly Ref<Entity>? _of;

    /// <summary>Creates a role; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public Role(string title, Func<Entity>? of, bool former, string? note = null)
        : this(title, Ref<Entity>.Optional(of), former, note)
    {
    }

    internal Role(string title, Ref<Entity>? of, bool former, string? note)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        _of = of;
        Former = former;
        Note = note;
    }

    /// <summary>The role itself: spokesperson, leader, son, vice president.</summary>
    public string Title { get; }

    /// <summary>The actor or place the role is held in or toward, if any.</summary>
    public Entity? Of => _of?.Value;

    /// <summary>True when the role is no longer held.</summary>
    public bool Former { get; }

    /// <summary>A curator's note, if any.</summary>
    public string? Note { get; }

    /// <summary>Reads as "former vice president of Afghanistan".</summary>
    public override string ToString() => (Former ? "former " : "") + Title + (Of is null ? "" : " of " + Of.Name);
}

/// <summary>A person, organisation, medium or group that makes claims or is spoken of.</summary>
public sealed class Actor : Entity
{
    private readonly IReadOnlyList<Role> _roles;

    /// <summary>Creates an actor; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public Actor(string id, string name, IReadOnlyList<string> aliases, string? note,
        ActorKind kind, bool anonymous, string? description, IReadOnlyList<Role> roles)
        : this(id, name, aliases, note, FrozenList<Role>.Copy(roles, nameof(roles)), EnumArgument.Named(kind, nameof(kind)), anonymous, description)
    {
    }

    // A generated pack's, as its record holds it: the kind is in range (FactReader.Choice checks it), so the decoder skips
    // Enum.IsDefined, whose first call costs a fresh process milliseconds; the roles are a frozen list of its own.
    internal Actor(string id, string name, IReadOnlyList<string> aliases, string? note, IReadOnlyList<Role> roles,
        ActorKind kind, bool anonymous, string? description)
        : base(id, name, aliases, note)
    {
        Kind = kind;
        Anonymous = anonymous;
        Description = description;
        _roles = roles;
    }

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Actor;

    /// <summary>Person, organisation, medium or group.</summary>
    public ActorKind Kind { get; }

    /// <summary>True for an unnamed speaker the documents describe but do not name.</summary>
    public bool Anonymous { get; }

    /// <summary>A one-line description.</summary>
    public string? Description { get; }

    /// <summary>The roles this actor holds or held.</summary>
    public IReadOnlyList<Role> Roles => _roles;
}

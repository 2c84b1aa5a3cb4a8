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
    /// <summary>Creates an actor; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public Actor(string id, string name, IReadOnlyList<string> aliases, string? note,
        ActorKind kind, bool anonymous, string? description, IReadOnlyList<Role> roles)
        : base(id, name, aliases, note, new ActorDetails(FrozenList<Role>.Copy(roles, nameof(roles)), EnumArgument.Named(kind, nameof(kind)), anonymous, description))
    {
    }

    /// <summary>An actor of a generated pack, whose record starts at <paramref name="recordAt"/> in <paramref name="file"/>: all of it but its name is read from there when first needed.</summary>
    internal Actor(string name, Generated.FactFile file, long recordAt)
        : base(name, file, recordAt)
    {
    }

    private new ActorDetails Details => (ActorDetails)base.Details;

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Actor;

    /// <summary>Person, organisation, medium or group.</summary>
    public ActorKind Kind => Details.Kind;

    /// <summary>True for an unnamed speaker the documents describe but do not name.</summary>
    public bool Anonymous => Details.Anonymous;

    /// <summary>A one-line description.</summary>
    public string? Description => Details.Description;

    /// <summary>The roles this actor holds or held.</summary>
    public IReadOnlyList<Role> Roles => Details.Roles;
}

/// <summary>
/// What an actor holds beyond its id, names and note. A generated pack's kind is in range (FactReader.Choice checks it), so
/// its decoder skips Enum.IsDefined, whose first call costs a fresh process milliseconds; its roles are a frozen list of its own.
/// </summary>
internal sealed class ActorDetails
{
    public ActorDetails(IReadOnlyList<Role> roles, ActorKind kind, bool anonymous, string? description)
    {
        Roles = roles;
        Kind = kind;
        Anonymous = anonymous;
        Description = description;
    }

    public IReadOnlyList<Role> Roles { get; }
    public ActorKind Kind { get; }
    public bool Anonymous { get; }
    public string? Description { get; }
}

using System;
using System.Collections.Generic;
using System.Threading;

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
    // What its kind holds beyond the id, names and note (a claim's statement too): a generated entity decodes the rest of
    // its record on the first read of any of it. A program that lists names or statements never needs the rest, and the
    // first enumeration of a pack then loads none of the types it is made of (dates, kinds, roles, references). A
    // hand-made entity is given it whole.
    private object? _details;
    private readonly Generated.FactFile? _file;
    private readonly long _detailsAt;

    /// <summary>An entity given its <paramref name="details"/> whole: one built by hand.</summary>
    private protected Entity(string id, string name, IReadOnlyList<string> aliases, string? note, object details)
        : this(id, name, aliases, note)
    {
        _details = details;
    }

    /// <summary>An entity of a generated pack, the rest of whose record is read from <paramref name="file"/> at <paramref name="detailsAt"/> when first needed.</summary>
    private protected Entity(string id, string name, IReadOnlyList<string> aliases, string? note, Generated.FactFile file, long detailsAt)
        : this(id, name, aliases, note)
    {
        _file = file;
        _detailsAt = detailsAt;
    }

    private Entity(string id, string name, IReadOnlyList<string> aliases, string? note)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An entity's id is not empty.", nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Aliases = FrozenList<string>.Copy(aliases, nameof(aliases));
        Note = note;
    }

    /// <summary>The kind's details (SourceDetails, ActorDetails, PlaceDetails or ClaimDetails), decoded on first use.</summary>
    private protected object Details => Volatile.Read(ref _details) ?? DecodeDetails();

    // Threads that race here decode the same record; the first to finish is kept, so every reader sees one set of details.
    private object DecodeDetails()
    {
        var reader = _file!.ReaderAt(_detailsAt);
        var details = Generated.FactDecoder.Details(EntityKind, ref reader);
        return Interlocked.CompareExchange(ref _details, details, null) ?? details;
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

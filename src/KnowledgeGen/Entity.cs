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
    // A generated entity decodes its name (and a claim its statement) with it, and the rest of its record when first
    // needed: its id, its aliases and its note each on its first read, and what its kind holds beyond them (its details:
    // dates, kinds, roles, references) on the first read of any of that. A program that lists names or statements then
    // allocates and decodes nothing else, and the first enumeration of a pack loads none of the types the details are
    // made of. A hand-made entity is given it all.
    private readonly Generated.FactFile? _file;
    private readonly long _recordAt;
    private string? _id;
    private IReadOnlyList<string>? _aliases;
    private object? _note; // NotRead until a generated entity's note is first read, then the note (null for none)
    private object? _details;

    private static readonly object NotRead = new();

    /// <summary>An entity given its <paramref name="details"/> whole: one built by hand.</summary>
    private protected Entity(string id, string name, IReadOnlyList<string> aliases, string? note, object details)
    {
        _id = id ?? throw new ArgumentNullException(nameof(id));
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An entity's id is not empty.", nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _aliases = FrozenList<string>.Copy(aliases, nameof(aliases));
        _note = note;
        _details = details;
    }

    /// <summary>
    /// An entity of a generated pack, whose record starts at <paramref name="recordAt"/> in <paramref name="file"/>: the
    /// rest of it is read from there when first needed.
    /// </summary>
    private protected Entity(string name, Generated.FactFile file, long recordAt)
    {
        Name = name;
        _file = file;
        _recordAt = recordAt;
        _note = NotRead;
    }

    /// <summary>The kind's details (SourceDetails, ActorDetails, PlaceDetails or ClaimDetails), decoded on first use.</summary>
    private protected object Details => Volatile.Read(ref _details) ?? Publish(ref _details, Generated.FactDecoder.Details(EntityKind, Record()))!;

    // Threads that race to decode a part of the record decode the same bytes; the first to finish replaces `unread`, and
    // every reader gets what it put there, so all see one instance of it.
    private static T? Publish<T>(ref T? field, T? decoded, T? unread = null) where T : class
    {
        var kept = Interlocked.CompareExchange(ref field, decoded, unread);
        return ReferenceEquals(kept, unread) ? decoded : kept;
    }

    private Generated.FactReader Record() => _file!.ReaderAt(_recordAt);

    /// <summary>The kebab-case id the curator gave this entity, unique within its pack.</summary>
    public string Id => Volatile.Read(ref _id) ?? Publish(ref _id, Generated.FactDecoder.Id(Record()))!;

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Other names and spellings the documents use for this entity.</summary>
    public IReadOnlyList<string> Aliases => Volatile.Read(ref _aliases) ?? Publish(ref _aliases, Generated.FactDecoder.Aliases(Record()))!;

    /// <summary>A curator's note, if any.</summary>
    public string? Note
    {
        get
        {
            var note = Volatile.Read(ref _note);
            return (string?)(ReferenceEquals(note, NotRead) ? Publish(ref _note, Generated.FactDecoder.Note(Record()), NotRead) : note);
        }
    }

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

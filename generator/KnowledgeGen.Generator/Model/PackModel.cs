using KnowledgeGen.Generator.Diagnostics;

namespace KnowledgeGen.Generator.Model;

// The Link stage's output and the Emit stage's input: only entities that are valid, with every reference
// resolved to the generated member it points at, plus what the documentation comments show.

public sealed record PackModel(
    PackInfo Info,
    EquatableArray<SourceModel> Sources,
    EquatableArray<ActorModel> Actors,
    EquatableArray<PlaceModel> Places,
    EquatableArray<ClaimModel> Claims,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The path of every file of the pack, in ordinal order: what generated file names are made from.</summary>
    public EquatableArray<string> Files { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>The manifest as the generated code states it.</summary>
public sealed record PackInfo(string Name, string Namespace, string Title, string Version, string? Description);

/// <summary>Which generated class holds an entity of each kind.</summary>
public enum EntityClass
{
    Sources,
    Actors,
    Places,
    Claims,
}

/// <summary>How messages and generated comments name a kind of entity.</summary>
public static class EntityKinds
{
    /// <summary>"source", "actor", "place" or "claim".</summary>
    public static string Name(EntityClass @class) => @class switch
    {
        EntityClass.Sources => "source",
        EntityClass.Actors => "actor",
        EntityClass.Places => "place",
        _ => "claim",
    };

    /// <summary>"a source", "an actor", "a place" or "a claim".</summary>
    public static string WithArticle(EntityClass @class) => (@class == EntityClass.Actors ? "an " : "a ") + Name(@class);
}

/// <summary>
/// A resolved reference: the member it compiles to, and the id and name the docs show. <see cref="External"/>
/// is the fully qualified member of an entity of a referenced pack (null for the pack's own entities).
/// <see cref="File"/> and <see cref="Index"/> locate one of the pack's own entities in the generated tables:
/// the ordinal of its YAML file (in path order) and its place among the entities of its kind in that file.
/// </summary>
public sealed record EntityRef(EntityClass Class, string Member, string Id, string Name, string? External = null, int File = -1, int Index = -1);

/// <summary>What every entity shares; <see cref="FilePath"/> is the file it was written in, whose generated file holds it.</summary>
public sealed record EntityModel(string Id, string Member, string Name, EquatableArray<string> Aliases, string? Note, string FilePath, int File = -1, int Index = -1);

public sealed record SourceModel(
    EntityModel Entity,
    string Kind,
    EntityRef? Outlet,
    EntityRef? Author,
    string? Language,
    string? TranslatedFrom,
    DateSpec? Published,
    string? Document,
    string? Url,
    EquatableArray<EntityRef> Relays,
    int CitationCount);

public sealed record RoleModel(string Title, EntityRef? Of, bool Former, string? Note);

public sealed record ActorModel(
    EntityModel Entity,
    string Kind,
    bool Anonymous,
    string? Description,
    EquatableArray<RoleModel> Roles,
    int ClaimCount,
    EquatableArray<string> CitedIn,
    int CitedInCount)
{
    /// <summary>How many of the sources an actor is cited in <see cref="CitedIn"/> names (the first by id); <see cref="CitedInCount"/> counts them all.</summary>
    public const int MaxCitedIn = 8;
}

public sealed record PlaceModel(EntityModel Entity, string Kind, EntityRef? In, int MentionCount);

public sealed record CitationModel(EntityRef Source, string Quote, EntityRef? Via);

public sealed record ClaimModel(
    EntityModel Entity,
    string Statement,
    EntityRef Claimant,
    EquatableArray<EntityRef> About,
    DateSpec? Date,
    string Status,
    QuantitySpec? Quantity,
    EquatableArray<CitationModel> Citations,
    EquatableArray<EntityRef> Contradicts,
    EquatableArray<EntityRef> Supports,
    EquatableArray<EntityRef> SupportedBy);

/// <summary>Build settings that shape the pack, read from MSBuild properties visible to the compiler.</summary>
public sealed record PackOptions(string? NamespaceOverride, string? RootNamespace)
{
    public static readonly PackOptions Default = new(null, null);
}

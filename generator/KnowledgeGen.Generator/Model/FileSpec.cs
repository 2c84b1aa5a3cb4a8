using KnowledgeGen.Generator.Diagnostics;

namespace KnowledgeGen.Generator.Model;

// The Read stage's output: what one *.kg.yaml file says, as written, with the span of every value a
// later diagnostic may point at. References are still plain ids here; the Link stage resolves them.

/// <summary>Everything read from one file, plus the problems found while reading it.</summary>
public sealed record FileSpec(
    string Path,
    ManifestSpec? Manifest,
    EquatableArray<SourceSpec> Sources,
    EquatableArray<ActorSpec> Actors,
    EquatableArray<PlaceSpec> Places,
    EquatableArray<ClaimSpec> Claims,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// True when an error kept the reader from the whole file (a syntax error, text that is not UTF-8, …): what it holds may
    /// be more than what was read, a manifest among it.
    /// </summary>
    public bool ReadInPart { get; init; }

    /// <summary>A file of which nothing could be read, with the diagnostics that say why.</summary>
    public static FileSpec NothingRead(string path, EquatableArray<DiagnosticInfo> diagnostics) =>
        new(path, null, EquatableArray<SourceSpec>.Empty, EquatableArray<ActorSpec>.Empty, EquatableArray<PlaceSpec>.Empty,
            EquatableArray<ClaimSpec>.Empty, diagnostics) { ReadInPart = true };
}

/// <summary>The pack manifest. <see cref="NamespaceSpan"/> is the namespace's value, when it is written.</summary>
public sealed record ManifestSpec(string? Name, string? Namespace, string? Title, string? Version, string? Description, SourceSpan Span)
{
    public SourceSpan? NamespaceSpan { get; init; }
}

/// <summary>
/// What all four kinds of entity share. <see cref="Span"/> is the entity's start, for diagnostics about it
/// as a whole. <see cref="Complete"/> is false when a required field is missing or invalid: the entity
/// still answers references (so one mistake does not cascade) but no code is generated for it.
/// </summary>
public sealed record EntityHeader(Located Id, string Name, EquatableArray<Located> Aliases, string? Note, SourceSpan Span, bool Complete)
{
    /// <summary>Where the <c>name:</c> value is written; null when the name is not written (a claim's, which defaults to its statement).</summary>
    public SourceSpan? NameSpan { get; init; }

    /// <summary>
    /// The C# name of the entity's member, made when its file is read: a file that is not edited keeps it. It is set by
    /// the constructor, and a copy made with <c>with</c> keeps it: make a header with another id through the constructor.
    /// </summary>
    public string Member { get; } = Naming.Pascal(Id.Value);
}

public enum DatePrecisionSpec
{
    Day,
    Month,
    Year,
    Approximate,
}

/// <summary>A date as validated by the reader: year, month and day (1 for unknown parts) and the precision.</summary>
public sealed record DateSpec(int Year, int Month, int Day, DatePrecisionSpec Precision);

/// <summary>A quantity as validated by the reader; decimals kept as invariant text so the emitter writes them back exactly.</summary>
public sealed record QuantitySpec(string Min, string Max, string Unit, bool Approximate);

public sealed record SourceSpec(
    EntityHeader Header,
    string Kind,
    Located? Outlet,
    Located? Author,
    string? Language,
    string? TranslatedFrom,
    DateSpec? Published,
    Located? Document,
    string? Url,
    EquatableArray<Located> Relays);

public sealed record RoleSpec(string Title, Located? Of, bool Former, string? Note);

public sealed record ActorSpec(
    EntityHeader Header,
    string Kind,
    bool Anonymous,
    string? Description,
    EquatableArray<RoleSpec> Roles);

public sealed record PlaceSpec(EntityHeader Header, string Kind, Located? In);

public sealed record CitationSpec(Located Source, Located Quote, Located? Via);

public sealed record ClaimSpec(
    EntityHeader Header,
    string Statement,
    Located Claimant,
    EquatableArray<Located> About,
    DateSpec? Date,
    string Status,
    QuantitySpec? Quantity,
    EquatableArray<CitationSpec> Citations,
    EquatableArray<Located> Contradicts,
    EquatableArray<Located> Supports);

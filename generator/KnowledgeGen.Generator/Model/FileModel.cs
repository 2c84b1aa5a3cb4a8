using KnowledgeGen.Generator.Diagnostics;

namespace KnowledgeGen.Generator.Model;

// The linked pack cut along the lines of what each generated file needs, so that an edit regenerates only
// the files whose input changed: one slice per YAML file (its entities and the diagnostics at its
// locations), and the pack's shape (the manifest and every member, in order) for the lists and the Pack class.

/// <summary>One YAML file's entities, ready to emit into the generated file named <see cref="HintName"/>.</summary>
public sealed record FileModel(
    string Path,
    string HintName,
    string Namespace,
    EquatableArray<SourceModel> Sources,
    EquatableArray<ActorModel> Actors,
    EquatableArray<PlaceModel> Places,
    EquatableArray<ClaimModel> Claims,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasEntities => Sources.Count + Actors.Count + Places.Count + Claims.Count > 0;
}

/// <summary>
/// What the pack-wide generated code needs: the manifest, the member of every entity of each kind in the
/// pack's order (for <c>All</c>), and the diagnostics tied to no file. Editing a fact's text leaves it equal.
/// </summary>
public sealed record PackShape(
    PackInfo Info,
    EquatableArray<string> Sources,
    EquatableArray<string> Actors,
    EquatableArray<string> Places,
    EquatableArray<string> Claims,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool Failed);

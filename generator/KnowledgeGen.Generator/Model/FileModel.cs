using System;
using KnowledgeGen.Generator.Diagnostics;

namespace KnowledgeGen.Generator.Model;

// The linked pack cut along the lines of what each generated file needs, so that an edit regenerates only
// the files whose input changed: one slice per YAML file (its entities and the diagnostics at its
// locations), and the pack's shape (the manifest and which files hold how many entities of each kind)
// for the lists, the lookups and the Pack class.

/// <summary>
/// One YAML file's entities, ready to emit into the generated file named <see cref="HintName"/>.
/// <see cref="Ordinal"/> is the file's place in path order, which names its generated tables. <see cref="RelativePath"/>
/// is the file's path below the folder all the pack's files share: what the generated code shows of it, never the
/// machine's own folders.
/// </summary>
public sealed record FileModel(
    string Path,
    string HintName,
    string RelativePath,
    string Namespace,
    int Ordinal,
    KindParts Parts,
    EquatableArray<SourceModel> Sources,
    EquatableArray<ActorModel> Actors,
    EquatableArray<PlaceModel> Places,
    EquatableArray<ClaimModel> Claims,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasEntities => Sources.Count + Actors.Count + Places.Count + Claims.Count > 0;

    /// <summary>The same file with no entity and no diagnostic: what a generated file that holds none of its facts is told of it.</summary>
    public FileModel WithoutEntities() => this with
    {
        Sources = EquatableArray<SourceModel>.Empty, Actors = EquatableArray<ActorModel>.Empty, Places = EquatableArray<PlaceModel>.Empty,
        Claims = EquatableArray<ClaimModel>.Empty, Diagnostics = EquatableArray<DiagnosticInfo>.Empty,
    };
}

/// <summary>
/// What the pack-wide generated code needs: the manifest, which files hold entities of each kind and how
/// many (for <c>All</c> and the lookup references go through), how many classes each kind's members are
/// spread over, and the diagnostics tied to no file. Editing a fact, or renaming it, leaves it equal.
/// </summary>
public sealed record PackShape(
    PackInfo Info,
    EquatableArray<FileTable> Sources,
    EquatableArray<FileTable> Actors,
    EquatableArray<FileTable> Places,
    EquatableArray<FileTable> Claims,
    KindParts Parts,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool Failed);

/// <summary>The generated table of one kind in one YAML file: the file's ordinal and how many entities it holds.</summary>
public sealed record FileTable(int File, int Count)
{
    /// <summary>How many entities a kind's tables hold: the kind's count in the pack (the list's own count is of files).</summary>
    public static int Total(EquatableArray<FileTable> tables)
    {
        var total = 0;
        foreach (var table in tables)
            total += table.Count;
        return total;
    }
}

/// <summary>
/// How many classes hold each kind's members. The runtime refuses a class of more than 65,535 methods, and
/// every member is a property getter, so a kind with more than <see cref="MembersPerPart"/> entities is spread
/// over base classes of its class (still reached as <c>Claims.X</c>); a member's part follows from its name alone,
/// so an edit elsewhere in the pack never moves it.
/// </summary>
public sealed record KindParts(int Sources, int Actors, int Places, int Claims)
{
    /// <summary>Expected members per part; parts vary around it, far below the runtime's limit.</summary>
    public const int MembersPerPart = 40000;

    public static KindParts For(int sources, int actors, int places, int claims) =>
        new(PartsFor(sources), PartsFor(actors), PartsFor(places), PartsFor(claims));

    public int Of(EntityClass @class) => @class switch
    {
        EntityClass.Sources => Sources,
        EntityClass.Actors => Actors,
        EntityClass.Places => Places,
        _ => Claims,
    };

    /// <summary>The part holding <paramref name="member"/> among <paramref name="parts"/>: a stable hash (FNV-1a) of its name.</summary>
    public static int PartOf(string member, int parts)
    {
        if (parts <= 1)
            return 0;
        var hash = 2166136261u;
        foreach (var c in member)
            hash = unchecked((hash ^ c) * 16777619u);
        return (int)(hash % (uint)parts);
    }

    private static int PartsFor(int count) => Math.Max(1, (count + MembersPerPart - 1) / MembersPerPart);
}

/// <summary>
/// The pack's link cut per file, for <see cref="Linking.FileLinker"/>: each file's entities as the link of the
/// outlines made them (without free text; diagnostics with ranked offsets); for each file where its generated
/// claims stand among the claims it writes; and for each file the claims its claims are linked with (file ordinal
/// and place among that file's generated claims, in pairs, -1 for a referenced pack's claim), in the order its
/// slice lists them. An edit then finds the names of linked claims without walking the pack.
/// </summary>
public sealed record PackSlices(EquatableArray<FileModel> Files, EquatableArray<EquatableArray<int>> ClaimPositions,
    EquatableArray<EquatableArray<int>> LinkedClaims);

/// <summary>
/// One file to link on its own: what it says, its slice of the pack's link, and the names of the claims its claims
/// contradict, support or are supported by, in the order its slice lists them (null keeps the name the slice has:
/// a referenced pack's claim). Equal when none of these changed,
/// so an edit links again only the edited file and those whose linked claims were renamed.
/// </summary>
public sealed record FileInput(FileSpec Spec, FileModel Slice, EquatableArray<string> ClaimNames);

/// <summary>
/// The names of the claims one file writes, in the order it writes them: what other files' docs show of its claims.
/// Read per file, so an edit to one file makes one of these again and the others stay cached.
/// </summary>
public sealed record ClaimNames(string Path, EquatableArray<string> Names);

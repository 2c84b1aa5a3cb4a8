using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// The Link stage: all files of a pack → one <see cref="PackModel"/>. Resolves the manifest, registers
/// every id, resolves every reference (reporting unknown ids and references to the wrong kind), and
/// computes what the generated docs and indexes need. Files are taken in path order, so the result
/// does not depend on the order the build passed them in. The pipeline runs this pack-wide link on the files'
/// outlines (<see cref="LinkOutlines"/>) and then links each file on its own (<see cref="FileLinker"/>);
/// <see cref="Link(IEnumerable{FileSpec}, PackOptions, IReadOnlyList{DocumentSpec}, ReferencedPacksModel?, CancellationToken)"/>
/// runs the same stages in a row, for the CLI and tests.
/// </summary>
public static class PackLinker
{
    public static PackModel Link(IEnumerable<FileSpec> unorderedFiles, PackOptions options, CancellationToken cancellationToken = default) =>
        Link(unorderedFiles, options, Array.Empty<DocumentSpec>(), cancellationToken);

    public static PackModel Link(IEnumerable<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        CancellationToken cancellationToken = default) =>
        Link(unorderedFiles, options, documents, null, cancellationToken);

    /// <param name="referenced">Entities of the fact packs the project references, for cross-pack references.</param>
    public static PackModel Link(IEnumerable<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, CancellationToken cancellationToken = default)
    {
        // The pipeline's stages in a row: the pack-wide link of the outlines, then each file on its own.
        var files = unorderedFiles.ToList();
        var outlines = files.Select(FileOutline.Of).ToList();
        var linked = LinkOutlines(outlines, options, documents, referenced, cancellationToken);
        var slices = PackSlicer.Slice(linked, outlines);
        var models = FileLinker.Inputs(files, files.Select(FileLinker.NamesOf).ToList(), slices).Select(FileLinker.Link).ToList();
        return Join(linked, models);
    }

    /// <summary>
    /// The pack-wide link, of every file's <see cref="FileOutline"/>: ids, references, what is generated and where, the
    /// counts and reverse links the docs show, and every diagnostic of the link (at ranked offsets).
    /// </summary>
    public static PackModel LinkOutlines(IEnumerable<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, CancellationToken cancellationToken = default) =>
        LinkOutlines(unorderedFiles, options, documents, referenced, cancellationToken, out _);

    /// <param name="state">The link kept for the next one to update (<see cref="IncrementalLink"/>): null when anything was
    /// reported, since the update handles only a pack with nothing to report.</param>
    internal static PackModel LinkOutlines(IEnumerable<FileSpec> unorderedFiles, PackOptions options, IReadOnlyList<DocumentSpec> documents,
        ReferencedPacksModel? referenced, CancellationToken cancellationToken, out LinkState? state)
    {
        state = null;
        var diagnostics = new List<DiagnosticInfo>();
        var files = OncePerPath(unorderedFiles, diagnostics);
        foreach (var file in files)
            diagnostics.AddRange(file.Diagnostics);

        var info = LinkManifest(files, options, referenced, diagnostics);

        var written = new int[4];
        foreach (var file in files)
        {
            written[(int)EntityClass.Sources] += file.Sources.Count;
            written[(int)EntityClass.Actors] += file.Actors.Count;
            written[(int)EntityClass.Places] += file.Places.Count;
            written[(int)EntityClass.Claims] += file.Claims.Count;
        }
        var index = new EntityIndex(diagnostics, written);
        var sources = new List<(LinkedEntity Entity, SourceSpec Spec)>(written[(int)EntityClass.Sources]);
        var actors = new List<(LinkedEntity Entity, ActorSpec Spec)>(written[(int)EntityClass.Actors]);
        var places = new List<(LinkedEntity Entity, PlaceSpec Spec)>(written[(int)EntityClass.Places]);
        var claims = new List<(LinkedEntity Entity, ClaimSpec Spec)>(written[(int)EntityClass.Claims]);
        for (var ordinal = 0; ordinal < files.Count; ordinal++)
            RegisterAsWritten(files[ordinal], ordinal, index, sources, actors, places, claims);
        index.CheckNames();
        index.CheckSharedNames();
        index.CheckAliases();
        index.AddReferencedPacks(referenced, except: info.Namespace);
        cancellationToken.ThrowIfCancellationRequested();

        QuoteVerifier.Verify(sources, claims, documents, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var resolver = new ReferenceResolver(index, diagnostics);
        var model = new ModelBuilder(resolver).Build(info, files.Select(f => f.Path).ToList(), sources, actors, places, claims, out var graph);
        cancellationToken.ThrowIfCancellationRequested();

        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartIndex)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal);
        var linked = model with { Diagnostics = ordered.ToEquatableArray(), Files = files.Select(f => f.Path).ToEquatableArray() };
        if (diagnostics.Count == 0)
            state = new LinkState(options, documents, referenced, files, index, graph, linked);
        return linked;
    }

    /// <summary>
    /// The linked pack as one model: the pack-wide link's manifest and files, each file's linked entities in path order,
    /// and every diagnostic (those tied to no file of the pack first, in the order of their paths).
    /// </summary>
    public static PackModel Join(PackModel linked, IReadOnlyList<FileModel> files)
    {
        var paths = new HashSet<string>(linked.Files, StringComparer.Ordinal);
        var diagnostics = linked.Diagnostics.Where(d => !paths.Contains(d.FilePath)).Concat(files.SelectMany(f => f.Diagnostics))
            .OrderBy(d => d.FilePath, StringComparer.Ordinal);
        return new PackModel(linked.Info,
            files.SelectMany(f => f.Sources).ToEquatableArray(), files.SelectMany(f => f.Actors).ToEquatableArray(),
            files.SelectMany(f => f.Places).ToEquatableArray(), files.SelectMany(f => f.Claims).ToEquatableArray(),
            diagnostics.ToEquatableArray()) { Files = linked.Files };
    }

    // The files in path order, each path once. `dotnet build` gives each path once (MSBuild's items and the compiler both
    // drop a repeat), but a host that drives the generator itself can repeat one, and reading it twice would make every
    // id in it a duplicate and two generated files of one name.
    private static List<FileSpec> OncePerPath(IEnumerable<FileSpec> unorderedFiles, List<DiagnosticInfo> diagnostics)
    {
        var files = new List<FileSpec>();
        foreach (var file in unorderedFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (files.Count > 0 && files[files.Count - 1].Path == file.Path)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.FileGivenTwice, file.Path, SourceSpan.FileStart, file.Path));
                continue;
            }
            files.Add(file);
        }
        return files;
    }

    private static PackInfo LinkManifest(List<FileSpec> files, PackOptions options, ReferencedPacksModel? referenced, List<DiagnosticInfo> diagnostics)
    {
        ManifestSpec? manifest = null;
        string? manifestPath = null;
        foreach (var file in files)
        {
            if (file.Manifest is null)
                continue;
            if (manifest is null)
            {
                manifest = file.Manifest;
                manifestPath = file.Path;
                continue;
            }
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.DuplicateManifest, file.Path, file.Manifest.Span,
                new ElsewhereInPack(0, "", manifestPath!, manifest.Span), (object?)null));
        }

        var fallbackName = IsUsableNamespace(options.RootNamespace) ? options.RootNamespace!.Replace(".", "") : "KnowledgePack";
        // A file that could not be read whole may hold the manifest: its own error says what is wrong, and a warning that no
        // file has a manifest would send the curator looking for one that is there.
        if (manifest is null && files.Count > 0 && !files.Any(f => f.ReadInPart))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.MissingManifest, files[0].Path, SourceSpan.FileStart, fallbackName,
                // The project's RootNamespace, when it has one the pack cannot take, is passed over: the message says why.
                string.IsNullOrWhiteSpace(options.RootNamespace) || IsUsableNamespace(options.RootNamespace) ? ""
                    : $" (the project's RootNamespace '{options.RootNamespace}' is passed over: {Reading.PackNames.WhyNotUsable(options.RootNamespace!)})"));

        var name = manifest?.Name ?? fallbackName;
        var ns = IsUsableNamespace(options.NamespaceOverride) ? options.NamespaceOverride!
            : manifest?.Namespace ?? (IsUsableNamespace(options.RootNamespace) ? options.RootNamespace! : name);
        // The build property says in so many words what the user wants, so one that is not a namespace is an error rather
        // than silently passed over. It stands in no file: the compiler shows it without a location.
        if (!string.IsNullOrWhiteSpace(options.NamespaceOverride) && !IsUsableNamespace(options.NamespaceOverride) && files.Count > 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.InvalidValue, "", SourceSpan.FileStart,
                "The build property KnowledgeGenNamespace", options.NamespaceOverride,
                (Reading.PackNames.Advice(options.NamespaceOverride!, allowDots: true, "namespace", "ASCII letters, digits and '_' in identifiers joined by dots")
                    ?? "C# identifiers joined by dots, none of them a C# keyword")
                + $" (the pack is generated in '{ns}' until it is fixed)"));
        // A referenced pack in the same namespace: each pack's classes (Actors, Claims …) would hide the other's, so
        // references to that pack would reach this one's classes. Reported here; that pack's entities are not linked.
        // It is reported where the namespace was given: the build property stands in no file.
        if (referenced?.Entities.FirstOrDefault(e => e.Namespace == ns) is { } other && files.Count > 0)
        {
            var (path, span, what) = IsUsableNamespace(options.NamespaceOverride) ? ("", SourceSpan.FileStart, "The build property KnowledgeGenNamespace")
                : (manifestPath ?? files[0].Path, manifest?.NamespaceSpan ?? manifest?.Span ?? SourceSpan.FileStart, "The pack namespace");
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.InvalidValue, path, span,
                what, ns, $"a namespace of its own: the referenced fact pack '{other.Pack}' uses it, and two packs' classes in one namespace hide each other"));
        }
        return new PackInfo(name, ns, manifest?.Title ?? name, manifest?.Version ?? "0.0.0", manifest?.Description);
    }

    private static bool IsUsableNamespace(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Reading.PackFileReader.IsIdentifier(text!, allowDots: true);

    // A file's entities in the order they are written, whatever their kind (a file may put its lists in any order), so that of
    // two entities with one id the one written first is kept and the other reported, as the index expects. Each list is in
    // written order already: this merges the four by where each entity starts.
    private static void RegisterAsWritten(FileSpec file, int ordinal, EntityIndex index, List<(LinkedEntity Entity, SourceSpec Spec)> sources,
        List<(LinkedEntity Entity, ActorSpec Spec)> actors, List<(LinkedEntity Entity, PlaceSpec Spec)> places, List<(LinkedEntity Entity, ClaimSpec Spec)> claims)
    {
        int s = 0, a = 0, p = 0, c = 0;
        while (true)
        {
            var next = -1;
            var start = int.MaxValue;
            Consider(0, s < file.Sources.Count ? file.Sources[s].Header.Span.StartIndex : int.MaxValue);
            Consider(1, a < file.Actors.Count ? file.Actors[a].Header.Span.StartIndex : int.MaxValue);
            Consider(2, p < file.Places.Count ? file.Places[p].Header.Span.StartIndex : int.MaxValue);
            Consider(3, c < file.Claims.Count ? file.Claims[c].Header.Span.StartIndex : int.MaxValue);
            void Consider(int kind, int at)
            {
                if (at < start)
                {
                    next = kind;
                    start = at;
                }
            }
            switch (next)
            {
                case 0: Add(sources, EntityClass.Sources, file.Sources[s], file.Sources[s++].Header); break;
                case 1: Add(actors, EntityClass.Actors, file.Actors[a], file.Actors[a++].Header); break;
                case 2: Add(places, EntityClass.Places, file.Places[p], file.Places[p++].Header); break;
                case 3: Add(claims, EntityClass.Claims, file.Claims[c], file.Claims[c++].Header); break;
                default: return;
            }
        }

        void Add<T>(List<(LinkedEntity Entity, T Spec)> into, EntityClass @class, T spec, EntityHeader header)
        {
            if (index.Register(@class, file.Path, ordinal, header) is { } entity)
                into.Add((entity, spec));
        }
    }
}

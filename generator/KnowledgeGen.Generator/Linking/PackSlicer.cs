using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Cuts a linked <see cref="PackModel"/> into one <see cref="FileModel"/> per YAML file (the slices each file is
/// linked against on its own) and the pack's <see cref="PackShape"/>. Each piece compares by value, so the incremental pipeline re-emits only the
/// pieces an edit changed.
/// </summary>
public static class PackSlicer
{
    /// <summary>True when linking failed as a whole: diagnostics are reported, no code is generated.</summary>
    public static bool Failed(PackModel pack) => pack.Diagnostics.Any(d => d.Id == DiagnosticRules.InternalError.Id);

    public static ImmutableArray<FileModel> Files(PackModel pack)
    {
        var failed = Failed(pack);
        var hints = HintNames.For(pack.Files, pack.Info.Namespace);
        var builder = ImmutableArray.CreateBuilder<FileModel>(pack.Files.Count);
        var diagnostics = pack.Diagnostics.GroupBy(d => d.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToEquatableArray(), StringComparer.Ordinal);
        var sources = ByFile(pack.Sources, s => s.Entity.FilePath, failed);
        var actors = ByFile(pack.Actors, a => a.Entity.FilePath, failed);
        var places = ByFile(pack.Places, p => p.Entity.FilePath, failed);
        var claims = ByFile(pack.Claims, c => c.Entity.FilePath, failed);
        var parts = Parts(pack);
        var ordinal = 0;
        foreach (var path in pack.Files)
        {
            builder.Add(new FileModel(path, hints[path].HintName, hints[path].Relative, pack.Info.Namespace, ordinal++, parts,
                Of(sources, path), Of(actors, path), Of(places, path), Of(claims, path),
                diagnostics.TryGetValue(path, out var found) ? found : EquatableArray<DiagnosticInfo>.Empty));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// The link of a pack's outlines cut per file, with where each file's generated claims stand among the claims its
    /// outline writes (the first of each id, which is the one the link registered).
    /// </summary>
    public static PackSlices Slice(PackModel pack, IReadOnlyList<FileSpec> outlines)
    {
        var files = Files(pack);
        var byPath = FirstOf.Paths(outlines, o => o.Path);
        var positions = new EquatableArray<int>[files.Length];
        var linked = new EquatableArray<int>[files.Length];
        var pairs = new List<int>();
        for (var i = 0; i < positions.Length; i++)
        {
            pairs.Clear();
            foreach (var claim in files[i].Claims)
            {
                foreach (var other in claim.Contradicts)
                    Pair(other);
                foreach (var other in claim.Supports)
                    Pair(other);
                foreach (var other in claim.SupportedBy)
                    Pair(other);
            }
            linked[i] = pairs.Count == 0 ? EquatableArray<int>.Empty : new EquatableArray<int>(pairs.ToArray());

            var claims = files[i].Claims;
            if (claims.Count == 0 || !byPath.TryGetValue(files[i].Path, out var outline))
            {
                positions[i] = EquatableArray<int>.Empty;
                continue;
            }
            var first = FirstOf.Ids(outline.Claims, c => c.Header);
            var placed = new int[claims.Count];
            for (var c = 0; c < placed.Length; c++)
                placed[c] = first.TryGetValue(claims[c].Entity.Id, out var at) ? at : -1;
            positions[i] = new EquatableArray<int>(placed);
        }
        return new PackSlices(new EquatableArray<FileModel>(files.ToArray()), new EquatableArray<EquatableArray<int>>(positions),
            new EquatableArray<EquatableArray<int>>(linked));

        void Pair(EntityRef claim)
        {
            var own = claim.External is null && claim.File >= 0;
            pairs.Add(own ? claim.File : -1);
            pairs.Add(own ? claim.Index : -1);
        }
    }

    public static PackShape Shape(PackModel pack)
    {
        var files = new HashSet<string>(pack.Files, StringComparer.Ordinal);
        var ordinals = pack.Files.Select((path, i) => (path, i)).ToDictionary(f => f.path, f => f.i, StringComparer.Ordinal);
        var failed = Failed(pack);
        // Entities come in path order, so each file's entities of a kind are one run.
        EquatableArray<FileTable> Tables<T>(EquatableArray<T> items, Func<T, EntityModel> entity) where T : IEquatable<T> =>
            failed ? EquatableArray<FileTable>.Empty
            : items.GroupBy(i => ordinals[entity(i).FilePath]).Select(g => new FileTable(g.Key, g.Count())).ToEquatableArray();
        return new PackShape(pack.Info,
            Tables(pack.Sources, s => s.Entity), Tables(pack.Actors, a => a.Entity), Tables(pack.Places, p => p.Entity), Tables(pack.Claims, c => c.Entity),
            Parts(pack), pack.Diagnostics.Where(d => !files.Contains(d.FilePath)).ToEquatableArray(), failed);
    }

    private static KindParts Parts(PackModel pack) =>
        KindParts.For(pack.Sources.Count, pack.Actors.Count, pack.Places.Count, pack.Claims.Count);

    private static Dictionary<string, List<T>> ByFile<T>(EquatableArray<T> items, Func<T, string> path, bool failed) where T : IEquatable<T>
    {
        var byFile = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        if (failed)
            return byFile;
        foreach (var item in items)
        {
            if (!byFile.TryGetValue(path(item), out var list))
                byFile[path(item)] = list = new List<T>();
            list.Add(item);
        }
        return byFile;
    }

    private static EquatableArray<T> Of<T>(Dictionary<string, List<T>> byFile, string path) where T : IEquatable<T> =>
        byFile.TryGetValue(path, out var list) ? new EquatableArray<T>(list.ToArray()) : EquatableArray<T>.Empty;
}

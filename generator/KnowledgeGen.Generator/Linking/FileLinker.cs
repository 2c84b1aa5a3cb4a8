using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Links one file on its own, against the pack's link of every file's <see cref="FileOutline"/>: that link settled
/// what is generated, where, and with which references, counts and diagnostics; this puts back what the outline
/// left out (the file's free text, its diagnostics' offsets, the names of linked claims). An edit that leaves the
/// outlines equal therefore costs the edited file, not the pack.
/// </summary>
public static class FileLinker
{
    /// <summary>The names of the claims <paramref name="file"/> writes, in its order.</summary>
    public static ClaimNames NamesOf(FileSpec file)
    {
        if (file.Claims.Count == 0)
            return new ClaimNames(file.Path, EquatableArray<string>.Empty);
        var names = new string[file.Claims.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = file.Claims[i].Header.Name;
        return new ClaimNames(file.Path, new EquatableArray<string>(names));
    }

    /// <summary>
    /// Each file of <paramref name="slices"/> (path order) with what <paramref name="files"/> say and the names of the
    /// claims its claims are linked with, taken from <paramref name="names"/>.
    /// </summary>
    public static ImmutableArray<FileInput> Inputs(IReadOnlyList<FileSpec> files, IReadOnlyList<ClaimNames> names, PackSlices slices)
    {
        var byPath = FirstOf.Paths(files, f => f.Path);
        var namesByPath = FirstOf.Paths(names, n => n.Path);
        var specs = new FileSpec[slices.Files.Count];
        var claimNames = new EquatableArray<string>[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            var path = slices.Files[i].Path;
            specs[i] = byPath.TryGetValue(path, out var spec) ? spec : Empty(path);
            claimNames[i] = namesByPath.TryGetValue(path, out var list) ? list.Names : EquatableArray<string>.Empty;
        }

        // A claim of the pack by its file's ordinal and its place among that file's generated claims; null for a
        // referenced pack's claim, which keeps the name it came with.
        string? NameOf(int file, int index)
        {
            if (file < 0 || file >= specs.Length)
                return null;
            var positions = slices.ClaimPositions[file];
            var written = claimNames[file];
            return index >= 0 && index < positions.Count && positions[index] >= 0 && positions[index] < written.Count
                ? written[positions[index]]
                : null;
        }

        var inputs = ImmutableArray.CreateBuilder<FileInput>(specs.Length);
        var positions = new Dictionary<string, FileOutline.Position[]>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Length; i++)
        {
            var linked = slices.LinkedClaims[i];
            var linkedNames = linked.Count == 0 ? Array.Empty<string>() : new string[linked.Count / 2];
            for (var n = 0; n < linkedNames.Length; n++)
                linkedNames[n] = NameOf(linked[2 * n], linked[2 * n + 1])!; // null: keep the slice's name
            inputs.Add(new FileInput(specs[i], WithPlacesElsewhere(slices.Files[i], byPath, positions), new EquatableArray<string>(linkedNames)));
        }
        return inputs.MoveToImmutable();
    }

    /// <summary>The file's generated model: its slice with the file's text, offsets and linked claims' names put back.</summary>
    public static FileModel Link(FileInput input)
    {
        var spec = input.Spec;
        var slice = input.Slice;
        var diagnostics = Diagnostics(spec, slice);
        if (!slice.HasEntities)
            return slice with { Diagnostics = diagnostics };

        var names = input.ClaimNames;
        var named = 0;
        EquatableArray<EntityRef> Named(EquatableArray<EntityRef> claims)
        {
            if (claims.Count == 0)
                return claims;
            var refs = new EntityRef[claims.Count];
            for (var i = 0; i < refs.Length; i++)
            {
                var name = (named < names.Count ? (string?)names[named++] : null) ?? claims[i].Name;
                refs[i] = claims[i].Name == name ? claims[i] : claims[i] with { Name = name };
            }
            return new EquatableArray<EntityRef>(refs);
        }

        return slice with
        {
            Sources = Fill(slice.Sources, spec.Sources, s => s.Entity, s => s.Header, (model, s) => model with
            {
                Entity = Entity(model.Entity, s.Header),
                Language = s.Language,
                TranslatedFrom = s.TranslatedFrom,
                Url = s.Url,
            }),
            Actors = Fill(slice.Actors, spec.Actors, a => a.Entity, a => a.Header, (model, a) => model with
            {
                Entity = Entity(model.Entity, a.Header),
                Description = a.Description,
                Roles = Roles(model.Roles, a.Roles),
            }),
            Places = Fill(slice.Places, spec.Places, p => p.Entity, p => p.Header, (model, p) => model with { Entity = Entity(model.Entity, p.Header) }),
            Claims = Fill(slice.Claims, spec.Claims, c => c.Entity, c => c.Header, (model, c) => model with
            {
                Entity = Entity(model.Entity, c.Header),
                Statement = c.Statement,
                Contradicts = Named(model.Contradicts),
                Supports = Named(model.Supports),
                SupportedBy = Named(model.SupportedBy),
            }),
            Diagnostics = diagnostics,
        };
    }

    // The link's diagnostics that name another place of the pack (a duplicate's first definition, say), with that
    // place's span put back from its file: only this step sees every file, and a file that merely moved lines
    // leaves the pack's link as it was. Files are read for their positions only when such a diagnostic names them.
    private static FileModel WithPlacesElsewhere(FileModel slice, Dictionary<string, FileSpec> files, Dictionary<string, FileOutline.Position[]> positions)
    {
        var diagnostics = slice.Diagnostics;
        DiagnosticInfo[]? restored = null;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Elsewhere is not { } place || !files.TryGetValue(place.FilePath, out var file))
                continue;
            if (!positions.TryGetValue(place.FilePath, out var filePositions))
                positions[place.FilePath] = filePositions = FileOutline.Positions(file);
            restored ??= diagnostics.ToArray();
            restored[i] = diagnostics[i].WithElsewhere(FileOutline.Restore(place.Span, filePositions));
        }
        return restored is null ? slice : slice with { Diagnostics = new EquatableArray<DiagnosticInfo>(restored) };
    }

    // The reader's diagnostics and the link's, with the link's offsets put back, in the order a compiler lists them.
    private static EquatableArray<DiagnosticInfo> Diagnostics(FileSpec spec, FileModel slice)
    {
        if (slice.Diagnostics.Count == 0)
            return spec.Diagnostics;
        var positions = FileOutline.Positions(spec);
        var all = new List<DiagnosticInfo>(spec.Diagnostics.Count + slice.Diagnostics.Count);
        all.AddRange(spec.Diagnostics);
        foreach (var diagnostic in slice.Diagnostics)
            all.Add(diagnostic with { Span = FileOutline.Restore(diagnostic.Span, positions) });
        return all
            .Distinct()
            .OrderBy(d => d.Span.StartIndex)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    // Each generated entity of a kind with the text of the entity the file writes under its id (the first of that id,
    // which is the one the link registered).
    private static EquatableArray<TModel> Fill<TModel, TSpec>(EquatableArray<TModel> models, EquatableArray<TSpec> specs,
        Func<TModel, EntityModel> entity, Func<TSpec, EntityHeader> header, Func<TModel, TSpec, TModel> fill)
        where TModel : IEquatable<TModel> where TSpec : IEquatable<TSpec>
    {
        if (models.Count == 0)
            return models;
        var first = FirstOf.Ids(specs, header);
        var filled = new TModel[models.Count];
        for (var i = 0; i < filled.Length; i++)
            filled[i] = first.TryGetValue(entity(models[i]).Id, out var at) ? fill(models[i], specs[at]) : models[i];
        return new EquatableArray<TModel>(filled);
    }

    private static EntityModel Entity(EntityModel model, EntityHeader header) => model with { Name = header.Name, Note = header.Note };

    private static EquatableArray<RoleModel> Roles(EquatableArray<RoleModel> models, EquatableArray<RoleSpec> specs)
    {
        if (models.Count == 0 || models.Count != specs.Count)
            return models;
        var roles = new RoleModel[models.Count];
        for (var i = 0; i < roles.Length; i++)
            roles[i] = models[i] with { Note = specs[i].Note };
        return new EquatableArray<RoleModel>(roles);
    }

    private static FileSpec Empty(string path) =>
        new(path, null, EquatableArray<SourceSpec>.Empty, EquatableArray<ActorSpec>.Empty, EquatableArray<PlaceSpec>.Empty,
            EquatableArray<ClaimSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}

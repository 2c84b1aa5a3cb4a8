using System;
using System.Collections.Generic;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// What the pack-wide link reads of one file: the file without its free text (claim statements and names,
/// notes, descriptions, languages, translations and URLs) and with each span reduced to the rank of its offsets
/// among the file's offsets, without lines or columns. Typing within a line, adding or removing lines, and
/// comments change offsets and lines but not their order, so the outline stays equal and the pipeline does not
/// link the pack again: <see cref="FileLinker"/> links the edited file alone against the pack's last link,
/// putting the text and the real spans back. A message that names another place of the pack gets that place's
/// line back the same way (<see cref="DiagnosticInfo.Elsewhere"/>).
/// </summary>
public static class FileOutline
{
    /// <summary>The outline of <paramref name="file"/>.</summary>
    public static FileSpec Of(FileSpec file)
    {
        var offsets = Offsets(file);
        var outline = Map(file, span => new SourceSpan(0, 0, 0, 0, Rank(offsets, span.StartIndex), Rank(offsets, span.EndIndex)), blank: true);
        return outline with { Diagnostics = InternalErrors(file.Diagnostics) };
    }

    /// <summary>
    /// Every place a span of <paramref name="file"/> starts or ends at, by ascending offset, each offset once, with the
    /// file's start first: an outline's offset is an index into this list (a file start stays 0).
    /// </summary>
    public static Position[] Positions(FileSpec file)
    {
        var offsets = Offsets(file);
        var positions = new Position[offsets.Length];
        // Spans that meet at an offset agree on its line and column, so whichever is written last will do.
        Visit(file, span =>
        {
            positions[Rank(offsets, span.StartIndex)] = new Position(span.StartIndex, span.StartLine, span.StartColumn);
            positions[Rank(offsets, span.EndIndex)] = new Position(span.EndIndex, span.EndLine, span.EndColumn);
        });
        return positions;
    }

    // The offsets of Positions alone, ascending and distinct, with 0 first: what an outline needs, sorted as plain
    // numbers (sorting the positions themselves took twice as long).
    private static int[] Offsets(FileSpec file)
    {
        var offsets = new List<int> { 0 };
        Visit(file, span =>
        {
            offsets.Add(span.StartIndex);
            offsets.Add(span.EndIndex);
        });
        offsets.Sort();
        var distinct = 0;
        for (var i = 0; i < offsets.Count; i++)
            if (i == 0 || offsets[i] != offsets[distinct - 1])
                offsets[distinct++] = offsets[i];
        offsets.RemoveRange(distinct, offsets.Count - distinct);
        return offsets.ToArray();
    }

    /// <summary>A span of the outline made from the file whose <see cref="Positions"/> are <paramref name="positions"/>, put back as it is in the file.</summary>
    public static SourceSpan Restore(SourceSpan ranked, Position[] positions)
    {
        if (ranked.StartIndex >= positions.Length || ranked.EndIndex >= positions.Length)
            return ranked;
        var start = positions[ranked.StartIndex];
        var end = positions[ranked.EndIndex];
        return new SourceSpan(start.Line, start.Column, end.Line, end.Column, start.Index, end.Index);
    }

    private static int Rank(int[] offsets, int offset)
    {
        var rank = Array.BinarySearch(offsets, offset);
        return rank >= 0 ? rank : throw new InvalidOperationException("an offset of the file was not collected");
    }

    // A failed read stops the whole pack; every other diagnostic of the reader is the file's own business and is
    // reported by its file's link, with its real span.
    private static EquatableArray<DiagnosticInfo> InternalErrors(EquatableArray<DiagnosticInfo> diagnostics) =>
        new(System.Linq.Enumerable.Where(diagnostics, d => d.Id == DiagnosticRules.InternalError.Id));

    /// <summary>A character offset of a file with its zero-based line and column.</summary>
    public readonly record struct Position(int Index, int Line, int Column);

    // Every span Map() passes through its span function, without copying the file. An outline span whose offsets were
    // not visited here makes Of() throw, which the outline tests would catch.
    private static void Visit(FileSpec file, Action<SourceSpan> span)
    {
        void Many(EquatableArray<Located> list)
        {
            foreach (var located in list)
                span(located.Span);
        }
        void Optional(Located? located)
        {
            if (located is { } value)
                span(value.Span);
        }
        // A claim's name is free text, left out of the outline with its place; the name of a source, an actor or a place is
        // kept, with where it is written (KG0033 stands there).
        void Header(EntityHeader header, bool claim)
        {
            span(header.Id.Span);
            if (!claim && header.NameSpan is { } name)
                span(name);
            Many(header.Aliases);
            span(header.Span);
        }

        if (file.Manifest is { } manifest)
        {
            span(manifest.Span);
            if (manifest.NamespaceSpan is { } ns)
                span(ns);
        }
        foreach (var s in file.Sources)
        {
            Header(s.Header, claim: false);
            Optional(s.Outlet);
            Optional(s.Author);
            Optional(s.Document);
            Many(s.Relays);
        }
        foreach (var a in file.Actors)
        {
            Header(a.Header, claim: false);
            foreach (var role in a.Roles)
                Optional(role.Of);
        }
        foreach (var p in file.Places)
        {
            Header(p.Header, claim: false);
            Optional(p.In);
        }
        foreach (var c in file.Claims)
        {
            Header(c.Header, claim: true);
            span(c.Claimant.Span);
            Many(c.About);
            foreach (var citation in c.Citations)
            {
                span(citation.Source.Span);
                span(citation.Quote.Span);
                Optional(citation.Via);
            }
            Many(c.Contradicts);
            Many(c.Supports);
        }
    }

    // The file with every span passed through span(), and with the free text left out when blank is set.
    private static FileSpec Map(FileSpec file, Func<SourceSpan, SourceSpan> span, bool blank)
    {
        Located One(Located located) => new(located.Value, span(located.Span));
        Located? Optional(Located? located) => located is { } value ? One(value) : null;
        EquatableArray<Located> Many(EquatableArray<Located> list) => Each(list, One);
        // A copy made with 'with' keeps the member name the reader made from the id.
        EntityHeader Header(EntityHeader header, bool claim) => header with
        {
            Id = One(header.Id),
            Name = blank && claim ? "" : header.Name,
            NameSpan = claim || header.NameSpan is not { } name ? null : span(name),
            Aliases = Many(header.Aliases),
            Note = blank ? null : header.Note,
            Span = span(header.Span),
        };
        EquatableArray<T> Each<T>(EquatableArray<T> items, Func<T, T> map) where T : IEquatable<T>
        {
            if (items.Count == 0)
                return items;
            var mapped = new T[items.Count];
            for (var i = 0; i < mapped.Length; i++)
                mapped[i] = map(items[i]);
            return new EquatableArray<T>(mapped);
        }

        return file with
        {
            Manifest = file.Manifest is { } manifest
                ? manifest with { Span = span(manifest.Span), NamespaceSpan = manifest.NamespaceSpan is { } ns ? span(ns) : null }
                : null,
            Sources = Each(file.Sources, s => s with
            {
                Header = Header(s.Header, claim: false),
                Outlet = Optional(s.Outlet),
                Author = Optional(s.Author),
                Language = blank ? null : s.Language,
                TranslatedFrom = blank ? null : s.TranslatedFrom,
                Document = Optional(s.Document),
                Url = blank ? null : s.Url,
                Relays = Many(s.Relays),
            }),
            Actors = Each(file.Actors, a => a with
            {
                Header = Header(a.Header, claim: false),
                Description = blank ? null : a.Description,
                Roles = Each(a.Roles, r => r with { Of = Optional(r.Of), Note = blank ? null : r.Note }),
            }),
            Places = Each(file.Places, p => p with { Header = Header(p.Header, claim: false), In = Optional(p.In) }),
            Claims = Each(file.Claims, c => c with
            {
                Header = Header(c.Header, claim: true),
                Statement = blank ? "" : c.Statement,
                Claimant = One(c.Claimant),
                About = Many(c.About),
                Citations = Each(c.Citations, ci => ci with { Source = One(ci.Source), Quote = One(ci.Quote), Via = Optional(ci.Via) }),
                Contradicts = Many(c.Contradicts),
                Supports = Many(c.Supports),
            }),
        };
    }
}

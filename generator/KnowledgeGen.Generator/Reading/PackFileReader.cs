using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// The Read stage: one *.kg.yaml file's text → <see cref="FileSpec"/>. Checks everything that can be
/// checked within one file (node kinds, field names, required fields, id syntax, dates, quantities,
/// allowed values); references between entities are left to the Link stage.
/// </summary>
public static class PackFileReader
{
    // The fields and values the reader accepts; schema/kg.schema.json offers the same to editors (a test keeps them in step).
    public static readonly string[] TopLevelFields = { "pack", "sources", "actors", "places", "claims" };
    public static readonly string[] ManifestFields = { "name", "namespace", "title", "version", "description" };
    public static readonly string[] SourceFields = { "id", "name", "aliases", "kind", "outlet", "author", "language", "translated-from", "published", "document", "url", "relays", "note" };
    public static readonly string[] ActorFields = { "id", "name", "aliases", "kind", "anonymous", "description", "roles", "note" };
    public static readonly string[] RoleFields = { "title", "of", "former", "note" };
    public static readonly string[] PlaceFields = { "id", "name", "aliases", "kind", "in", "note" };
    public static readonly string[] ClaimFields = { "id", "statement", "name", "aliases", "claimant", "about", "date", "status", "quantity", "citations", "contradicts", "supports", "note" };
    public static readonly string[] CitationFields = { "source", "quote", "via" };
    public static readonly string[] DateFields = { "date", "precision" };
    public static readonly string[] QuantityFields = { "value", "min", "max", "unit", "approximate" };

    public static readonly string[] SourceKinds = { "news-report", "broadcast", "interview", "audio-message", "video-message", "social-media-post", "statement", "other" };
    public static readonly string[] ActorKinds = { "person", "organisation", "media", "group" };
    public static readonly string[] PlaceKinds = { "country", "province", "valley", "district", "city", "town", "village", "pass", "mountain-range", "river", "region", "site" };
    public static readonly string[] ClaimStatuses = { "reported", "unverified", "disputed", "denied", "corroborated" };
    public static readonly string[] DatePrecisions = { "day", "month", "year", "approximate" };

    // The errors after which the tree builder gives up on the file and keeps nothing of it.
    private static readonly string[] StopReading = { DiagnosticRules.YamlSyntax.Id, DiagnosticRules.AnchorsNotSupported.Id, DiagnosticRules.TooDeep.Id };

    /// <summary>Reads one file. Never throws for any input: every problem becomes a diagnostic.</summary>
    public static FileSpec Read(string path, string text, CancellationToken cancellationToken = default) =>
        Read(path, text, encoding: null, cancellationToken);

    /// <summary>Reads one file whose bytes were decoded with <paramref name="encoding"/>. Never throws for any input: every problem becomes a diagnostic.</summary>
    /// <param name="encoding">
    /// The encoding the file's bytes were decoded with (the compiler's, or the tool's reader's), or null when it is not known:
    /// a file read as UTF-16, because its first two bytes are UTF-16's byte-order mark, is checked to be UTF-16 indeed (KG0026).
    /// </param>
    public static FileSpec Read(string path, string text, Encoding? encoding, CancellationToken cancellationToken = default)
    {
        var context = new ReadContext(path);
        var sources = new List<SourceSpec>();
        var actors = new List<ActorSpec>();
        var places = new List<PlaceSpec>();
        var claims = new List<ClaimSpec>();
        ManifestSpec? manifest = null;

        if (NotText.Check(context, text, encoding) is not { } readable)
            return FileSpec.NothingRead(path, context.Diagnostics.ToEquatableArray());
        text = readable;
        var notes = new ScalarNotes();
        var root = YamlTreeBuilder.Build(path, text, context.Diagnostics, notes, cancellationToken);
        if (root is not null)
        {
            if (notes.AnySuspicious)
                InvisibleCharacters.Check(context, text, root);
            CommentCut.Check(context, text, notes.CutByComment);
        }
        if (root is YamlScalar { IsNull: true } || (root is null && context.Diagnostics.Count == 0))
        {
            context.Report(DiagnosticRules.NoKnownLists, SourceSpan.FileStart, "is empty", Holds);
        }
        else if (root is YamlMapping map)
        {
            var top = new MapFields(context, map, "a pack file", TopLevelFields);
            // A 'pack:' written empty is an error of its own (KG0002, below), which says how to write it.
            if (!(top.Has("pack") || top.Empty("pack") is not null || top.Has("sources") || top.Has("actors") || top.Has("places") || top.Has("claims")))
                ReportNoFacts(top, map);
            manifest = ReadManifest(top);
            ReadList(top, "sources", "source", item => sources.Add(ReadSource(item)));
            ReadList(top, "actors", "actor", item => actors.Add(ReadActor(item)));
            ReadList(top, "places", "place", item => places.Add(ReadPlace(item)));
            ReadList(top, "claims", "claim", item => claims.Add(ReadClaim(item)));
        }
        else if (root is not null)
        {
            context.WrongKind("A pack file", "a map of 'pack', 'sources', 'actors', 'places' and 'claims'", root);
        }

        TextBounds.Clamp(text, context.Diagnostics);
        return new FileSpec(path, manifest, sources.ToEquatableArray(), actors.ToEquatableArray(),
            places.ToEquatableArray(), claims.ToEquatableArray(), context.Diagnostics.ToEquatableArray())
        {
            ReadInPart = root is null && context.Diagnostics.Exists(d => Array.IndexOf(StopReading, d.Id) >= 0),
        };
    }

    private const string Holds = "a pack file holds 'pack', 'sources', 'actors', 'places' or 'claims'";

    // A file that holds no facts: most often a list written with nothing under it (its items left out, or not indented
    // under it), which is said at the list's name, with how to write its items; otherwise the file holds none of the lists.
    private static void ReportNoFacts(MapFields top, YamlMapping map)
    {
        var empty = new List<string>();
        foreach (var field in ListFields)
            if (top.Empty(field) is not null)
                empty.Add(field);
        if (empty.Count == 0)
        {
            top.Context.Report(DiagnosticRules.NoKnownLists, map.Span, "holds none of the known lists", Holds);
            return;
        }
        var names = empty.Count == 1 ? $"'{empty[0]}'" : string.Join(", ", empty.GetRange(0, empty.Count - 1).ConvertAll(f => $"'{f}'")) + $" and '{empty[empty.Count - 1]}'";
        var kind = empty[0].Substring(0, empty[0].Length - 1);
        top.Context.Report(DiagnosticRules.NoKnownLists, top.KeySpan(empty[0]) ?? map.Span,
            $"holds no facts: {names} {(empty.Count == 1 ? "is written with nothing under it" : "are written with nothing under them")}",
            empty.Count == 1
                ? $"write each {kind} on the lines below it, as a list item that starts with '- id: ...'"
                : "write each entity on the lines below its list, as a list item that starts with '- id: ...'");
    }

    private static readonly string[] ListFields = { "sources", "actors", "places", "claims" };

    private static ManifestSpec? ReadManifest(MapFields top)
    {
        var node = top.Node("pack");
        if (node is null)
        {
            // Written but empty, most often because its fields were not indented under it: the pack would be generated
            // without the manifest its file holds, under a name of the build's choosing.
            if (top.Empty("pack") is { } empty)
                top.Context.WrongKind("The 'pack' manifest", "a map of name, namespace, title and version, indented under 'pack:'", empty);
            return null;
        }
        if (node is not YamlMapping map)
        {
            top.Context.WrongKind("The 'pack' manifest", "a map of name, namespace, title and version", node);
            return null;
        }
        var fields = new MapFields(top.Context, map, "the pack manifest", ManifestFields);
        // A C# name has no white space in it, so white space around one written in quotes (" Panjshir2021 ") is not part of it,
        // as around a kind or a flag.
        var name = fields.Word("name", required: true, "the pack's name, a C# identifier such as 'Panjshir2021'");
        var ns = fields.Word("namespace", required: true, "the C# namespace of the generated types, such as 'Panjshir2021'");
        if (name is not null && !IsIdentifier(name.Value, allowDots: false))
            top.Context.Report(DiagnosticRules.InvalidValue, name.Span, "The pack name", name.Value,
                PackNames.Advice(name.Value, allowDots: false, "name", "an identifier of ASCII letters, digits and '_', such as 'Panjshir2021'")
                    ?? "a C# identifier such as 'Panjshir2021'");
        if (ns is not null && !IsIdentifier(ns.Value, allowDots: true))
            top.Context.Report(DiagnosticRules.InvalidValue, ns.Span, "The pack namespace", ns.Value,
                PackNames.Advice(ns.Value, allowDots: true, "namespace", "a namespace of ASCII letters, digits and '_', such as 'Panjshir2021'")
                    ?? "a C# namespace such as 'Panjshir2021' or 'Acme.Facts'");
        var title = fields.Scalar("title", required: true, "a title for people, such as 'The Battle of Panjshir, September 2021'");
        // The version becomes Pack.Version and is meant to be the package's: one a package cannot have is warned about, and kept.
        var version = fields.Word("version", required: true, "the pack's version, such as 1.0.0");
        if (version is not null && PackVersions.Check(version.Value) is { } problem)
            top.Context.Report(DiagnosticRules.IllFormedVersion, version.Span, version.Value, problem.Problem, problem.Example);
        return new ManifestSpec(
            name is not null && IsIdentifier(name.Value, false) ? name.Value : null,
            ns is not null && IsIdentifier(ns.Value, true) ? ns.Value : null,
            title?.Value,
            version?.Value,
            fields.Text("description"),
            map.Span) { NamespaceSpan = ns?.Span };
    }

    private static void ReadList(MapFields top, string field, string kind, Action<EntityFields> read)
    {
        var node = top.Node(field);
        if (node is null)
            return;
        if (node is not YamlSequence list)
        {
            top.Context.WrongKind("'" + field + "'", "a list of " + kind + "s (each item starting with '- id: ...')", node);
            return;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (item is YamlMapping map)
                read(new EntityFields(top.Context, map, kind, i + 1));
            else
                top.Context.WrongKind("Item " + (i + 1) + " of '" + field + "'", "a map of the " + kind + "'s fields", item);
        }
    }

    private static SourceSpec ReadSource(EntityFields e)
    {
        var f = e.Open(SourceFields);
        var kind = e.Required(f.Choice("kind", SourceKinds, required: true), "Other");
        var outlet = f.Reference("outlet");
        var author = f.Reference("author");
        var language = f.LanguageTag("language");
        var translatedFrom = f.LanguageTag("translated-from");
        var published = DateReader.Read(f, "published");
        var document = f.Scalar("document")?.Located;
        var url = f.Text("url");
        var relays = f.References("relays");
        return new SourceSpec(e.Header(nameRequired: true), kind, outlet, author, language, translatedFrom, published, document, url, relays);
    }

    private static ActorSpec ReadActor(EntityFields e)
    {
        var f = e.Open(ActorFields);
        var kind = e.Required(f.Choice("kind", ActorKinds, required: true), "Person");
        var anonymous = f.Boolean("anonymous");
        var description = f.Text("description");
        var roles = ReadRoles(f);
        return new ActorSpec(e.Header(nameRequired: true), kind, anonymous, description, roles);
    }

    private static EquatableArray<RoleSpec> ReadRoles(MapFields f)
    {
        var node = f.Node("roles");
        if (node is null)
            return EquatableArray<RoleSpec>.Empty;
        if (node is not YamlSequence list)
        {
            f.Context.WrongKind(f.Describe("roles"), "a list of roles ({ title, of, former })", node);
            return EquatableArray<RoleSpec>.Empty;
        }
        var roles = new List<RoleSpec>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMapping map)
            {
                f.Context.WrongKind("A role of " + f.Owner, "a map ({ title, of, former })", item);
                continue;
            }
            var role = new MapFields(f.Context, map, "a role of " + f.Owner, RoleFields);
            var title = role.Text("title", required: true);
            var of = role.Reference("of");
            var former = role.Boolean("former");
            var note = role.Text("note");
            if (title is not null)
                roles.Add(new RoleSpec(title, of, former, note));
        }
        return roles.ToEquatableArray();
    }

    private static PlaceSpec ReadPlace(EntityFields e)
    {
        var f = e.Open(PlaceFields);
        var kind = e.Required(f.Choice("kind", PlaceKinds, required: true), "Region");
        var container = f.Reference("in");
        return new PlaceSpec(e.Header(nameRequired: true), kind, container);
    }

    private static ClaimSpec ReadClaim(EntityFields e)
    {
        var f = e.Open(ClaimFields);
        var statement = e.Required(f.Text("statement", required: true), "");
        var claimant = e.Required(f.Reference("claimant", required: true), new Located("", f.Span));
        var about = f.References("about");
        var date = DateReader.Read(f, "date");
        var status = f.Choice("status", ClaimStatuses, required: false, fallback: "Reported") ?? "Reported";
        var quantity = QuantityReader.Read(f, "quantity");
        var citations = ReadCitations(f);
        if (citations.IsEmpty)
            e.Required<string>(null, "");
        var contradicts = f.References("contradicts");
        var supports = f.References("supports");
        var header = e.Header(nameRequired: false, defaultName: statement);
        return new ClaimSpec(header, statement, claimant, about, date, status, quantity, citations, contradicts, supports);
    }

    private static EquatableArray<CitationSpec> ReadCitations(MapFields f)
    {
        var node = f.Node("citations");
        if (node is null)
        {
            // Left out, or written with no list: the message says which, and how a citation is written.
            if (f.Empty("citations") is not { } empty)
                f.ReportNoValue("citations", FieldHints.What("citations"));
            else if (empty.Value.Length > 0)
                ReportNoCitations(f, empty.Span, $"written '{empty.Value}', which YAML reads as no value", "on a line below it");
            else
                ReportNoCitations(f, f.KeySpan("citations") ?? f.Span, "written with nothing under it", "on a line below it");
            return EquatableArray<CitationSpec>.Empty;
        }
        if (node is not YamlSequence list)
        {
            f.Context.WrongKind(f.Describe("citations"), "a list of citations ({ source, quote })", node);
            return EquatableArray<CitationSpec>.Empty;
        }
        if (list.Items.Count == 0)
            ReportNoCitations(f, node.Span, "written as an empty list", "under 'citations:' in place of the empty list");
        var citations = new List<CitationSpec>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMapping map)
            {
                f.Context.WrongKind("A citation of " + f.Owner, "a map ({ source, quote })", item);
                continue;
            }
            var citation = new MapFields(f.Context, map, "a citation of " + f.Owner, CitationFields);
            var source = citation.Reference("source", required: true);
            var quote = citation.Scalar("quote", required: true);
            if (source is not null && quote is not null)
                citations.Add(new CitationSpec(source.Value, quote.Located, citation.Reference("via")));
        }
        return citations.ToEquatableArray();
    }

    // KG0004 for 'citations' written with no citation in it: present, but a claim cites at least one source.
    private static void ReportNoCitations(MapFields f, SourceSpan span, string written, string where) =>
        f.Context.Report(DiagnosticRules.MissingField, span, MapFields.Capitalized(f.Owner), "has", "citations",
            $" {written}, but a claim cites at least one source", $"write each citation {where}, as '{CitationExample}'");

    private const string CitationExample = "- { source: report-001, quote: the words as they stand in the source }";

    /// <summary>A C# identifier, or a dotted namespace of identifiers; ASCII only, which keeps names portable.</summary>
    internal static bool IsIdentifier(string text, bool allowDots)
    {
        if (text.Length == 0)
            return false;
        foreach (var part in allowDots ? text.Split('.') : new[] { text })
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_') || part[0] > 127)
                return false;
            foreach (var c in part)
                if (c > 127 || !(char.IsLetterOrDigit(c) || c == '_'))
                    return false;
            if (CSharpKeywords.Contains(part))
                return false;
        }
        return true;
    }

    internal static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "global", "__arglist", "__makeref", "__reftype", "__refvalue",
    };
}

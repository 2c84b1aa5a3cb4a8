using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>One generated file: its hint name and its text.</summary>
public sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// The Emit stage: C# source text, one generated file per YAML file (<see cref="FileModel"/>: its entities,
/// in partial classes) and the pack-wide files (<see cref="PackShape"/>: each kind's <c>All</c> and the Pack
/// class). Every entity is a lazily created static property with its own small factory, so no method grows
/// with the pack, nothing runs in a static constructor, and a first access builds only the fact it touches.
/// </summary>
public static class PackEmitter
{
    public const string GeneratorName = "KnowledgeGen";
    public static readonly string GeneratorVersion = typeof(PackEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private const string Rt = "global::KnowledgeGen.";
    private const string Once = "global::KnowledgeGen.Generated.Initialize.Once";

    /// <summary>The generated file of one YAML file: its entities, in partial classes; null when it holds none.</summary>
    public static GeneratedFile? EmitFile(FileModel file)
    {
        if (!file.HasEntities)
            return null;
        var ns = file.Namespace;
        var w = new CodeWriter();
        Header(w);
        w.Line($"namespace {ns}");
        w.Open();
        var first = true;
        void Part<T>(EntityClass @class, string type, EquatableArray<T> entities, Func<T, EntityModel> entity, Func<T, IEnumerable<string>> docs,
            Func<T, IReadOnlyList<string>> create) where T : IEquatable<T>
        {
            if (entities.Count == 0)
                return;
            if (!first)
                w.Line();
            first = false;
            w.Line($"public static partial class {@class}");
            w.Open();
            Entities(w, Rt + type, entities, entity, docs, create);
            w.Close();
        }
        Part(EntityClass.Sources, "Source", file.Sources, s => s.Entity, DocComments.Source, s => SourceExpression(ns, s));
        Part(EntityClass.Actors, "Actor", file.Actors, a => a.Entity, DocComments.Actor, a => ActorExpression(ns, a));
        Part(EntityClass.Places, "Place", file.Places, p => p.Entity, DocComments.Place, p => PlaceExpression(ns, p));
        Part(EntityClass.Claims, "Claim", file.Claims, c => c.Entity, DocComments.Claim, c => ClaimExpression(ns, c));
        w.Close();
        return new GeneratedFile(file.HintName, w.ToString());
    }

    /// <summary>The pack-wide files: each kind's class with its summary and <c>All</c>, and the Pack class.</summary>
    public static IReadOnlyList<GeneratedFile> EmitShape(PackShape shape) => new[]
    {
        KindFile(shape, EntityClass.Sources, "Source", "The sources of the pack: documents and the channels claims reached them through.", shape.Sources),
        KindFile(shape, EntityClass.Actors, "Actor", "The actors of the pack: people, organisations, media and groups.", shape.Actors),
        KindFile(shape, EntityClass.Places, "Place", "The places of the pack.", shape.Places),
        KindFile(shape, EntityClass.Claims, "Claim", "The claims of the pack: who asserted what, when, about whom, cited to which sources.", shape.Claims),
        PackFile(shape),
    };

    private static void Entities<T>(CodeWriter w, string runtimeType, EquatableArray<T> entities, Func<T, EntityModel> entity,
        Func<T, IEnumerable<string>> docs, Func<T, IReadOnlyList<string>> create) where T : IEquatable<T>
    {
        var first = true;
        foreach (var item in entities)
        {
            if (!first)
                w.Line();
            first = false;
            var e = entity(item);
            foreach (var line in docs(item))
                w.Line(line);
            w.Line($"[{Rt}KnowledgeId({CSharpText.Literal(e.Id)})]");
            w.Line($"public static {runtimeType} {e.Member} => __{e.Member} ?? {Once}(ref __{e.Member}, __Create{e.Member}());");
            w.Line($"private static {runtimeType}? __{e.Member};");
            // One constructor argument a line keeps the generated code reviewable.
            w.Line($"private static {runtimeType} __Create{e.Member}() => new {runtimeType}(");
            var args = create(item);
            for (var i = 0; i < args.Count; i++)
                w.Line("    " + args[i] + (i < args.Count - 1 ? "," : ");"));
        }
    }

    private static GeneratedFile KindFile(PackShape shape, EntityClass @class, string type, string summary, EquatableArray<string> members)
    {
        var w = new CodeWriter();
        var runtimeType = Rt + type;
        Header(w);
        w.Line($"namespace {shape.Info.Namespace}");
        w.Open();
        w.Line($"/// <summary>{CSharpText.Doc(summary)}</summary>");
        GeneratedCode(w);
        w.Line($"public static partial class {@class}");
        w.Open();
        var listType = $"global::System.Collections.Generic.IReadOnlyList<{runtimeType}>";
        w.Line($"/// <summary>Every {type.ToLowerInvariant()} of the pack ({members.Count}), in the order the curators wrote them.</summary>");
        w.Line($"public static {listType} All => __all ?? {Once}(ref __all, __CreateAll());");
        w.Line($"private static {listType}? __all;");
        w.Line();
        w.Line("private static string __text(global::System.ReadOnlySpan<byte> utf8) => global::System.Text.Encoding.UTF8.GetString(utf8);");
        // The fill methods are named __Fill{n}: the linker keeps entity members from clashing with them.
        ChunkedList.Write(w, "__CreateAll", chunk => "__Fill" + chunk, runtimeType, members.Count, i => members[i]);
        w.Close();
        w.Close();
        return new GeneratedFile($"{shape.Info.Namespace}.{@class}.g.cs", w.ToString());
    }

    private static GeneratedFile PackFile(PackShape pack)
    {
        var info = pack.Info;
        var ns = "global::" + info.Namespace;
        var w = new CodeWriter();
        Header(w);
        w.Line($"[assembly: {Rt}KnowledgePack(typeof({ns}.Pack), {CSharpText.Literal(info.Name)})]");
        w.Line();
        w.Line($"namespace {info.Namespace}");
        w.Open();
        w.Line("/// <summary>");
        w.Line($"/// <para>The fact pack {CSharpText.Doc(info.Title)} ({CSharpText.Doc(info.Name)} {CSharpText.Doc(info.Version)}).</para>");
        if (info.Description is not null)
            w.Line($"/// <para>{CSharpText.Doc(info.Description)}</para>");
        w.Line($"/// <para>{pack.Sources.Count} sources · {pack.Actors.Count} actors · {pack.Places.Count} places · {pack.Claims.Count} claims</para>");
        w.Line("/// </summary>");
        GeneratedCode(w);
        w.Line("public static partial class Pack");
        w.Open();
        w.Line("/// <summary>The pack's name, as its manifest gives it.</summary>");
        w.Line($"public const string Name = {CSharpText.Literal(info.Name)};");
        w.Line("/// <summary>The pack's title.</summary>");
        w.Line($"public const string Title = {CSharpText.Literal(info.Title)};");
        w.Line("/// <summary>The pack's version.</summary>");
        w.Line($"public const string Version = {CSharpText.Literal(info.Version)};");
        w.Line();
        w.Line($"/// <summary>The pack as a <see cref=\"{Rt}KnowledgePack\"/>: its lists, and lookup by id, name or alias.</summary>");
        w.Line($"public static {Rt}KnowledgePack Instance => __instance ?? {Once}(ref __instance, new __GeneratedPack());");
        w.Line($"private static {Rt}KnowledgePack? __instance;");
        w.Line();
        w.Line("/// <summary>Finds an entity by its id, name or one of its aliases, ignoring case; null when there is none.</summary>");
        w.Line($"public static {Rt}Entity? Find(string idOrAlias) => Instance.Find(idOrAlias);");
        w.Line();
        w.Line("/// <summary>Finds an entity of type <typeparamref name=\"T\"/> by its id, name or one of its aliases.</summary>");
        w.Line($"public static T? Find<T>(string idOrAlias) where T : {Rt}Entity => Instance.Find<T>(idOrAlias);");
        w.Line();
        w.Line($"private sealed partial class __GeneratedPack : {Rt}KnowledgePack");
        w.Open();
        w.Line($"public override string Name => {CSharpText.Literal(info.Name)};");
        w.Line($"public override string Namespace => {CSharpText.Literal(info.Namespace)};");
        w.Line($"public override string Title => {CSharpText.Literal(info.Title)};");
        w.Line($"public override string Version => {CSharpText.Literal(info.Version)};");
        w.Line($"public override string? Description => {CSharpText.Literal(info.Description)};");
        foreach (var (list, type) in new[] { ("Sources", "Source"), ("Actors", "Actor"), ("Places", "Place"), ("Claims", "Claim") })
            w.Line($"public override global::System.Collections.Generic.IReadOnlyList<{Rt}{type}> {list} => {ns}.{list}.All;");
        w.Close();
        w.Close();
        w.Close();
        return new GeneratedFile($"{info.Namespace}.Pack.g.cs", w.ToString());
    }

    private static IReadOnlyList<string> SourceExpression(string ns, SourceModel s) => Common(s.Entity, new[]
    {
        $"{Rt}SourceKind.{s.Kind}", Lazy(ns, s.Outlet), Lazy(ns, s.Author), CSharpText.Literal(s.Language), CSharpText.Literal(s.TranslatedFrom),
        Date(s.Published), Text(s.Document), Text(s.Url), LazyList(ns, "Source", s.Relays),
    });

    private static IReadOnlyList<string> ActorExpression(string ns, ActorModel a)
    {
        var roles = a.Roles.Count == 0
            ? $"global::System.Array.Empty<{Rt}Role>()"
            : $"new {Rt}Role[] {{ " + string.Join(", ", a.Roles.Select(r =>
                $"new {Rt}Role({Text(r.Title)}, {Lazy(ns, r.Of)}, {Bool(r.Former)}, {Text(r.Note)})")) + " }";
        return Common(a.Entity, new[] { $"{Rt}ActorKind.{a.Kind}", Bool(a.Anonymous), Text(a.Description), roles });
    }

    private static IReadOnlyList<string> PlaceExpression(string ns, PlaceModel p) =>
        Common(p.Entity, new[] { $"{Rt}PlaceKind.{p.Kind}", Lazy(ns, p.In) });

    private static IReadOnlyList<string> ClaimExpression(string ns, ClaimModel c)
    {
        var citations = c.Citations.Count == 0
            ? $"global::System.Array.Empty<{Rt}Citation>()"
            : $"new {Rt}Citation[] {{ " + string.Join(", ", c.Citations.Select(ci =>
                $"new {Rt}Citation({Lazy(ns, ci.Source)}, {Text(ci.Quote)}, {Lazy(ns, ci.Via)})")) + " }";
        var quantity = c.Quantity is null
            ? "null"
            : $"new {Rt}Quantity({CSharpText.Decimal(c.Quantity.Min)}, {CSharpText.Decimal(c.Quantity.Max)}, {Text(c.Quantity.Unit)}, {Bool(c.Quantity.Approximate)})";
        return Common(c.Entity, new[]
        {
            Text(c.Statement), Lazy(ns, c.Claimant), LazyList(ns, "Entity", c.About), Date(c.Date),
            $"{Rt}ClaimStatus.{c.Status}", quantity, citations,
            LazyList(ns, "Claim", c.Contradicts), LazyList(ns, "Claim", c.Supports), LazyList(ns, "Claim", c.SupportedBy),
        });
    }

    // The arguments every entity's constructor starts with (id, name, aliases, note), then its own.
    private static IReadOnlyList<string> Common(EntityModel e, string[] rest)
    {
        var aliases = e.Aliases.Count == 0
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", e.Aliases.Select(Text)) + " }";
        var args = new List<string> { Text(e.Id), Text(e.Name), aliases, Text(e.Note) };
        args.AddRange(rest);
        return args;
    }

    // A fact's text goes into the assembly as UTF-8 data ("..."u8), decoded on first access: string literals
    // share one heap of 16 MB per assembly (CS8103), which a pack of 100,000 facts would overflow. Text with
    // surrogates stays a plain literal: a lone surrogate has no UTF-8 form, and a literal keeps it exact.
    private static string Text(string? value) =>
        value is null ? "null"
        : value.Length == 0 || value.Any(char.IsSurrogate) ? CSharpText.Literal(value)
        : "__text(" + CSharpText.Literal(value) + "u8)";

    private static string Member(string ns, EntityRef r) => r.External ?? $"global::{ns}.{r.Class}.{r.Member}";

    // References are delegates so that creating one entity never forces its neighbours into being.
    private static string Lazy(string ns, EntityRef? r) => r is null ? "null" : $"static () => {Member(ns, r)}";

    private static string LazyList(string ns, string type, EquatableArray<EntityRef> refs) =>
        refs.Count == 0 ? "null" : $"static () => new {Rt}{type}[] {{ " + string.Join(", ", refs.Select(r => Member(ns, r))) + " }";

    private static string Date(DateSpec? d) => d is null
        ? "null"
        : $"new {Rt}FactDate(new global::System.DateOnly({d.Year}, {d.Month}, {d.Day}), {Rt}DatePrecision.{d.Precision})";

    private static string Bool(bool b) => b ? "true" : "false";

    private static void Header(CodeWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by KnowledgeGen from the pack's *.kg.yaml files. Edit the YAML, not this file.");
        w.Line("#nullable enable");
        w.Line();
    }

    private static void GeneratedCode(CodeWriter w) =>
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode({CSharpText.Literal(GeneratorName)}, {CSharpText.Literal(GeneratorVersion)})]");
}

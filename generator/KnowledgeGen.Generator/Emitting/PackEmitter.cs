using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>One generated file: its hint name and its text.</summary>
public sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// The Emit stage: C# source text, one generated file per YAML file (<see cref="FileModel"/>) and the pack-wide
/// files (<see cref="PackShape"/>: each kind's <c>All</c> and lookup, and the Pack class). A YAML file's entities
/// become typed static properties, with their docs, over a table of records (<see cref="FactRecords"/>) that
/// the runtime decodes one fact at a time on first access: no method per fact beyond its property, nothing
/// in a static constructor that grows with the pack, and far less text for the compiler than code per fact.
/// </summary>
public static class PackEmitter
{
    public const string GeneratorName = "KnowledgeGen";
    public static readonly string GeneratorVersion = typeof(PackEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private const string Rt = "global::KnowledgeGen.";
    private const string Gen = "global::KnowledgeGen.Generated.";
    private const string Once = "global::KnowledgeGen.Generated.Initialize.Once";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The generated files of one YAML file, one per chunk of its records (<see cref="FileChunks"/>); none when it holds no entity.</summary>
    public static IReadOnlyList<GeneratedFile> EmitFile(FileModel file)
    {
        var files = new List<GeneratedFile>();
        foreach (var chunk in FileChunks.Split(file))
            if (EmitChunk(chunk) is { } generated)
                files.Add(generated);
        return files;
    }

    /// <summary>
    /// One chunk of a YAML file's generated code: its entities' members and records. Chunk 0 also declares the file's
    /// tables over all its records and its lookup of other packs' entities, and, in a file of one chunk, its part of the
    /// indexes (a larger file's is in its index chunk); null when the file holds no entity.
    /// </summary>
    public static GeneratedFile? EmitChunk(FileChunk chunk)
    {
        var file = chunk.File;
        if (chunk.Chunk == FileChunk.IndexChunk)
            return IndexChunk(chunk);
        if (!file.HasEntities)
            return null;
        var ns = file.Namespace;
        var tables = $"global::{ns}.__Facts.Tables";
        var w = new CodeWriter();
        Header(w);
        w.Line($"namespace {ns}");
        w.Open();
        var first = true;
        void Members<T>(EntityClass @class, string type, EquatableArray<T> entities, Func<T, EntityModel> entity, Action<CodeWriter, T> docs)
            where T : IEquatable<T>
        {
            var parts = file.Parts.Of(@class);
            var className = @class.ToString();
            var start = chunk.Starts.Of(@class);
            var byPart = entities.Select((item, index) => (item, index)).GroupBy(e => KindParts.PartOf(entity(e.item).Member, parts)).OrderBy(g => g.Key);
            foreach (var part in byPart)
            {
                if (!first)
                    w.Line();
                first = false;
                w.Line($"{ClassDeclaration(@class, part.Key, parts)}");
                w.Open();
                var firstMember = true;
                foreach (var (item, index) in part)
                {
                    if (!firstMember)
                        w.Line();
                    firstMember = false;
                    var e = entity(item);
                    docs(w, item);
                    var id = w.Begin().Append('[').Append(Rt).Append("KnowledgeId(");
                    CSharpText.AppendLiteral(id, e.Id);
                    // The name, for the doc comments of a pack built on this one (ReferencedPacks reads it); a claim,
                    // which no other pack can name, is marked by its id alone. An attribute's text is metadata
                    // (the blob heap), not the 16 MB string heap.
                    if (@class != EntityClass.Claims && e.Name.Length > 0)
                        CSharpText.AppendLiteral(id.Append(", Name = "), e.Name);
                    id.Append(")]");
                    w.End();
                    w.Begin().Append("public static ").Append(Rt).Append(type).Append(' ').Append(e.Member).Append(" => ")
                        .Append(tables).Append('.').Append(className).Append('(').Append(file.Ordinal).Append(")[").Append(start + index).Append("];");
                    w.End();
                }
                w.Close();
            }
        }
        Members(EntityClass.Sources, "Source", file.Sources, s => s.Entity, DocComments.Source);
        Members(EntityClass.Actors, "Actor", file.Actors, a => a.Entity, DocComments.Actor);
        Members(EntityClass.Places, "Place", file.Places, p => p.Entity, DocComments.Place);
        Members(EntityClass.Claims, "Claim", file.Claims, c => c.Entity, DocComments.Claim);
        w.Line();
        FileData(w, chunk);
        w.Close();
        return new GeneratedFile(FileChunks.HintName(file.HintName, chunk.Chunk), w.Finish());
    }

    // A large file's part of the indexes, in its own generated file: the data the runtime joins into the pack's indexes.
    private static GeneratedFile IndexChunk(FileChunk chunk)
    {
        var file = chunk.File;
        var w = new CodeWriter();
        Header(w);
        w.Line($"namespace {file.Namespace}");
        w.Open();
        w.Line("internal static partial class __Facts");
        w.Open();
        DataChunks.Write(w, IndexData(file.Ordinal), chunk.IndexData, $"The part of the pack's indexes of {CSharpText.Doc(file.RelativePath)} (file {file.Ordinal}).");
        w.Close();
        w.Close();
        return new GeneratedFile(FileChunks.HintName(file.HintName, chunk.Chunk), w.Finish());
    }

    // The members of __Facts that hold file n's data; the pack-wide file's lookups name them by the file's ordinal.
    private static string Data(int file) => $"Data{file}";
    private static string IndexData(int file) => $"IndexData{file}";
    private static string External(int file) => $"External{file}";

    // The chunk's records (its sources, then actors, places and claims) as UTF-8 literals, members of the pack's one
    // __Facts class: no class and no static initializer per file. Chunk 0 writes the method that gives each chunk's
    // literals, the file's part of the indexes (in a file of one chunk) and its lookup of other packs' entities; a
    // later chunk adds its literals. The runtime's FactPack makes the file's tables from the counts the pack-wide
    // file gives.
    private static void FileData(CodeWriter w, FileChunk chunk)
    {
        var file = chunk.File;
        var records = new FactRecords(chunk.Externals);
        var data = new List<string>();
        data.AddRange(file.Sources.Select(records.Source));
        data.AddRange(file.Actors.Select(records.Actor));
        data.AddRange(file.Places.Select(records.Place));
        data.AddRange(file.Claims.Select(records.Claim));

        w.Line("internal static partial class __Facts");
        w.Open();
        if (chunk.Counts is not { } counts)
        {
            DataChunks.WriteChunk(w, Data(file.Ordinal), chunk.Chunk, data);
            w.Close();
            return;
        }
        DataChunks.WriteFirst(w, Data(file.Ordinal), data, chunk.Chunks,
            $"The facts of {CSharpText.Doc(file.RelativePath)} (file {file.Ordinal}), as records the runtime decodes on first access.");
        // The file's part of the pack's indexes, in a file of one chunk (a larger file's is in its index chunk); its
        // references to other packs' entities share the records' lookup.
        if (chunk.Chunks == 1 && counts.Claims > 0)
            DataChunks.Write(w, IndexData(file.Ordinal), chunk.IndexData, "Its part of the pack's indexes.");
        DataChunks.WriteExternals(w, External(file.Ordinal), chunk.Externals);
        w.Close();
    }

    // A kind of at most one part is one static class; past that, the kind's class and its parts form a chain of
    // base classes (the base list is in the kind's pack-wide file), whose static members all read as Claims.X.
    private static string ClassDeclaration(EntityClass @class, int part, int parts) =>
        parts <= 1 ? $"public static partial class {@class}"
        : $"public abstract partial class {PartName(@class, part)}";

    private static string PartName(EntityClass @class, int part) => part == 0 ? @class.ToString() : $"__{@class}Part{part}";

    // The root of a kind's chain of parts, which holds All (KindFile).
    private static string RootName(EntityClass @class) => $"__{@class}All";

    private static void All(CodeWriter w, EntityClass @class, string type, string runtimeType, string ns, int count)
    {
        w.Line($"/// <summary>Every {type.ToLowerInvariant()} of the pack ({count}), in the order the curators wrote them.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{runtimeType}> All => global::{ns}.__Facts.Tables.All{@class};");
    }

    /// <summary>The pack-wide files: each kind's class with its summary, <c>All</c> and lookup, the Pack class and its indexes.</summary>
    public static IReadOnlyList<GeneratedFile> EmitShape(PackShape shape) => new[]
    {
        KindFile(shape, EntityClass.Sources, "Source", "The sources of the pack: documents and the channels claims reached them through.", shape.Sources),
        KindFile(shape, EntityClass.Actors, "Actor", "The actors of the pack: people, organisations, media and groups.", shape.Actors),
        KindFile(shape, EntityClass.Places, "Place", "The places of the pack.", shape.Places),
        KindFile(shape, EntityClass.Claims, "Claim", "The claims of the pack: who asserted what, when, about whom, cited to which sources.", shape.Claims),
        PackFile(shape),
        IndexEmitter.Emit(shape),
    };

    private static GeneratedFile KindFile(PackShape shape, EntityClass @class, string type, string summary, EquatableArray<FileTable> tables)
    {
        var w = new CodeWriter();
        var runtimeType = Rt + type;
        var ns = shape.Info.Namespace;
        var parts = shape.Parts.Of(@class);
        var count = FileTable.Total(tables);
        Header(w);
        w.Line($"namespace {ns}");
        w.Open();
        w.Line($"/// <summary>{CSharpText.Doc(summary)}</summary>");
        GeneratedCode(w);
        w.Line(parts <= 1 ? $"public static partial class {@class}" : $"public abstract partial class {@class} : {PartName(@class, 1)}");
        w.Open();
        if (parts > 1)
            w.Line($"private {@class}() {{ }}");
        else
            All(w, @class, type, runtimeType, ns, count);
        w.Close();
        if (parts > 1)
        {
            for (var part = 1; part < parts; part++)
            {
                BaseClass(w, $"Members of <see cref=\"{@class}\"/>, spread over base classes because one class holds at most 65,535 methods.",
                    $"partial class {PartName(@class, part)} : {(part + 1 < parts ? PartName(@class, part + 1) : RootName(@class))}", PartName(@class, part));
                w.Close();
            }
            // All on the root of the chain, a class of no facts: the runtime loads a class and its bases, never the classes
            // derived from it, so an enumeration does not load the kind's tens of thousands of property getters.
            BaseClass(w, $"The list of every member of <see cref=\"{@class}\"/>, in a class of its own so that reading it loads none of the members' classes.",
                $"class {RootName(@class)}", RootName(@class));
            w.Line();
            All(w, @class, type, runtimeType, ns, count);
            w.Close();
        }
        w.Close();
        return new GeneratedFile($"{ns}.{@class}.g.cs", w.Finish());
    }

    // A hidden abstract class of a kind's chain, left open for the caller to add to and close; only the chain reaches its constructor.
    private static void BaseClass(CodeWriter w, string summary, string declaration, string name)
    {
        w.Line();
        w.Line($"/// <summary>{summary}</summary>");
        w.Line(Hidden);
        GeneratedCode(w);
        w.Line("public abstract " + declaration);
        w.Open();
        w.Line($"private protected {name}() {{ }}");
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
        DocComments.Pack(w, info, FileTable.Total(pack.Sources), FileTable.Total(pack.Actors), FileTable.Total(pack.Places), FileTable.Total(pack.Claims));
        GeneratedCode(w);
        w.Line("public static partial class Pack");
        w.Open();
        // Properties, not consts: a const is compiled into every assembly that reads it, so an application built against
        // version 1.0.0 of the pack's package and run with 1.1.0 would still read 1.0.0's version and title.
        w.Line("/// <summary>The pack's name, as its manifest gives it.</summary>");
        w.Line($"public static string Name => {CSharpText.Literal(info.Name)};");
        w.Line("/// <summary>The pack's title.</summary>");
        w.Line($"public static string Title => {CSharpText.Literal(info.Title)};");
        w.Line("/// <summary>The pack's version.</summary>");
        w.Line($"public static string Version => {CSharpText.Literal(info.Version)};");
        w.Line();
        w.Line($"/// <summary>The pack as a <see cref=\"{Rt}KnowledgePack\"/>: its lists, and lookup by id, name or alias.</summary>");
        w.Line($"public static {Rt}KnowledgePack Instance => __instance ?? {Once}(ref __instance, new __GeneratedPack());");
        w.Line($"private static {Rt}KnowledgePack? __instance;");
        w.Line();
        w.Line("/// <summary>Finds an entity by its id, name or one of its aliases, ignoring case (a claim by its id or an alias, not by its name or statement); null when there is none.</summary>");
        w.Line($"public static {Rt}Entity? Find(string idOrAlias) => Instance.Find(idOrAlias);");
        w.Line();
        w.Line("/// <summary>Finds an entity of type <typeparamref name=\"T\"/> by its id, name or one of its aliases, as <see cref=\"Find(string)\"/> does; null when there is none of that type.</summary>");
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
        w.Line();
        Facts(w, pack);
        w.Close();
        return new GeneratedFile($"{info.Namespace}.Pack.g.cs", w.Finish());
    }

    // The pack's one class of facts: the runtime's FactPack over every file's records, told how many entities of each
    // kind each file holds, and the lookups that reach a file's data, its part of the indexes and its references to
    // other packs by the file's ordinal. Each YAML file's generated code adds its members to this class (FileData); a
    // lookup is compiled when first called, and compiles no file's data method until that file is read.
    private static void Facts(CodeWriter w, PackShape pack)
    {
        var files = new SortedSet<int>();
        var claimFiles = new SortedSet<int>();
        foreach (var kind in new[] { pack.Sources, pack.Actors, pack.Places, pack.Claims })
            foreach (var table in kind)
                files.Add(table.File);
        foreach (var table in pack.Claims)
            claimFiles.Add(table.File);
        // Four numbers a file (sources, actors, places, claims), in path order, up to the last file that holds an entity.
        var counts = new int[(files.Count == 0 ? 0 : files.Max + 1) * 4];
        foreach (var (kind, tables) in new[] { (0, pack.Sources), (1, pack.Actors), (2, pack.Places), (3, pack.Claims) })
            foreach (var table in tables)
                counts[table.File * 4 + kind] = table.Count;

        w.Line("/// <summary>The pack's facts: every YAML file's records, as data the runtime decodes on first access.</summary>");
        w.Line(Hidden);
        w.Line("internal static partial class __Facts");
        w.Open();
        w.Line("// How many sources, actors, places and claims each file holds, in the pack's file order; the runtime makes each table when first used.");
        w.Line($"internal static readonly {Gen}FactPack Tables = new(Data, IndexData, External, {(counts.Length == 0 ? "new int[0]" : $"new int[] {{ {string.Join(", ", counts)} }}")});");
        Lookup(w, "global::System.ReadOnlySpan<byte>", "Data", "chunk", files, Data, "default");
        Lookup(w, "global::System.ReadOnlySpan<byte>", "IndexData", "chunk", claimFiles, IndexData, "default");
        Lookup(w, $"{Rt}Entity", "External", "n", files, External, "throw new global::System.ArgumentOutOfRangeException(\"file\")");
        w.Close();
    }

    // A method that calls file f's member for f, one line a file.
    private static void Lookup(CodeWriter w, string type, string name, string parameter, IEnumerable<int> files, Func<int, string> member, string otherwise)
    {
        w.Line();
        w.Line($"private static {type} {name}(int file, int {parameter}) => file switch");
        w.Open();
        foreach (var file in files)
            w.Line($"{file} => {member(file)}({parameter}),");
        w.Line($"_ => {otherwise},");
        w.Close("};");
    }

    internal static void Header(CodeWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by KnowledgeGen from the pack's *.kg.yaml files. Edit the YAML, not this file.");
        w.Line("#nullable enable");
        w.Line();
    }

    internal static void GeneratedCode(CodeWriter w) =>
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode({CSharpText.Literal(GeneratorName)}, {CSharpText.Literal(GeneratorVersion)})]");
}

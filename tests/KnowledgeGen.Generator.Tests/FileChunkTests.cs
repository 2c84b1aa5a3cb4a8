using System.Reflection;
using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using static KnowledgeGen.Generator.KnowledgeGenerator;
using Reason = Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A YAML file of more than <see cref="FileChunks.EntitiesPerChunk"/> entities is emitted as several generated files,
/// one per chunk of its records and one with its part of the indexes. These tests use two files of about 750 entities (three chunks each): the chunks
/// together read back every fact through the typed API, and an edit re-emits only the chunks it changed.
/// </summary>
public class FileChunkTests
{
    private const int Facts = 1500;

    private static readonly List<(string Path, string Text)> Files = SyntheticPack.Create(Facts, 2);

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Files));

    private static PackModel Linked() => PackLinker.Link(Files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);

    [Fact]
    public void A_large_file_is_cut_into_chunks_of_its_records_named_after_it()
    {
        var file = PackSlicer.Files(Linked())[0];
        var total = file.Sources.Count + file.Actors.Count + file.Places.Count + file.Claims.Count;
        var split = FileChunks.Split(file);
        var chunks = split.Where(c => c.Chunk != FileChunk.IndexChunk).ToList();

        Assert.Equal((total + FileChunks.EntitiesPerChunk - 1) / FileChunks.EntitiesPerChunk, chunks.Count);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Chunk));
        Assert.True(chunks.Count >= 3);
        // Every entity in exactly one chunk, in the file's order, each chunk full but the last, and each chunk knowing
        // where its entities stand among the file's entities of their kind.
        Assert.Equal(file.Claims, chunks.SelectMany(c => c.File.Claims));
        Assert.Equal(file.Sources, chunks.SelectMany(c => c.File.Sources));
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Equal(FileChunks.EntitiesPerChunk,
            c.File.Sources.Count + c.File.Actors.Count + c.File.Places.Count + c.File.Claims.Count));
        for (var i = 1; i < chunks.Count; i++)
            Assert.Equal(chunks[i - 1].Starts.Claims + chunks[i - 1].File.Claims.Count, chunks[i].Starts.Claims);
        // The file's counts only in the first chunk, and its part of the indexes, as data, in a chunk of its own.
        Assert.Equal(new KindCounts(file.Sources.Count, file.Actors.Count, file.Places.Count, file.Claims.Count), chunks[0].Counts);
        Assert.All(chunks.Skip(1), c => Assert.Null(c.Counts));
        Assert.All(chunks, c => Assert.Empty(c.IndexData));
        var index = Assert.Single(split, c => c.Chunk == FileChunk.IndexChunk);
        Assert.False(index.File.HasEntities);
        Assert.Equal(string.Concat(index.IndexData), string.Concat(Run.Value.Sources.Single(s => s.HintName.EndsWith("part0.facts-0000.kg.index.g.cs", StringComparison.Ordinal)).SourceText.ToString()
            .Split('\n').Where(l => l.Contains("u8", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('"') + 1)..l.IndexOf("\"u8", StringComparison.Ordinal)])));

        var names = Run.Value.Sources.Select(s => s.HintName).Where(n => n.StartsWith(SyntheticPack.Namespace + ".part0.facts-0000.", StringComparison.Ordinal)).ToList();
        var stem = SyntheticPack.Namespace + ".part0.facts-0000.kg.";
        Assert.Equal(new[] { stem + "g.cs" }.Concat(Enumerable.Range(2, chunks.Count - 1).Select(n => stem + n + ".g.cs")).Append(stem + "index.g.cs"),
            names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
    }

    // Every chunk's literal is its records and, after them, spaces up to a shared size: the method gives exactly the
    // records (…)[..n], so the compiler declares few sizes of data for the runtime to load, and the reader never sees the padding.
    [Fact]
    public void Each_chunk_of_data_is_padded_to_a_shared_size_past_the_records_the_method_gives()
    {
        var padded = 0;
        var sizes = new HashSet<int>();
        foreach (var source in Run.Value.Sources)
        {
            foreach (var access in Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source.SourceText).GetRoot().DescendantNodes()
                         .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax>())
            {
                if (access.ArgumentList.Arguments.Single().Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.RangeExpressionSyntax range)
                    continue; // a table's entity, Tables.Claims(1)[0]
                Assert.Null(range.LeftOperand);
                var given = int.Parse(range.RightOperand!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                var literals = access.Expression.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.Utf8StringLiteralToken))
                    .Select(t => t.ValueText).ToList();
                var padding = literals[^1];
                var records = System.Text.Encoding.UTF8.GetByteCount(string.Concat(literals.SkipLast(1)));
                Assert.Equal(records, given);
                Assert.NotEmpty(padding);
                Assert.All(padding, c => Assert.Equal(' ', c));
                var size = records + padding.Length + 1; // and the zero byte the compiler ends the data with
                Assert.Equal(LiteralSizes.Padded(records + 1), size);
                sizes.Add(size);
                padded++;
            }
        }
        Assert.True(padded >= 6, $"{padded} padded chunks");
        Assert.True(sizes.Count < padded, $"{sizes.Count} sizes for {padded} chunks");

        // The assembly holds a data type of each of those sizes only (and of the counts' array), not one a chunk.
        using var image = new MemoryStream();
        Assert.True(Run.Value.OutputCompilation.Emit(image).Success);
        image.Position = 0;
        using var reader = new System.Reflection.PortableExecutable.PEReader(image);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        var declared = metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name))
            .Where(n => n.StartsWith("__StaticArrayInitTypeSize=", StringComparison.Ordinal))
            .Select(n => int.Parse(n["__StaticArrayInitTypeSize=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(sizes, size => Assert.Contains(size, declared));
        Assert.True(declared.Count <= sizes.Count + 1, $"{declared.Count} sizes of data declared for {sizes.Count} sizes of chunks");
    }

    [Fact]
    public void Sizes_are_rounded_up_to_sixteen_steps_an_octave()
    {
        for (var bytes = 1; bytes <= 1 << 17; bytes++)
        {
            var size = LiteralSizes.Padded(bytes);
            Assert.InRange(size, bytes, bytes + Math.Max(0, bytes / 16));
            Assert.Equal(size, LiteralSizes.Padded(size));
        }
        for (var octave = 0; octave < 17; octave++)
            Assert.InRange(Enumerable.Range(1 << octave, 1 << octave).Select(LiteralSizes.Padded).Distinct().Count(), 1, 17);
        Assert.Equal(new[] { 1, 2, 3, 16, 17, 18, 19, 20, 1024, 1088, 1088 },
            new[] { 1, 2, 3, 16, 17, 18, 19, 20, 1024, 1025, 1088 }.Select(LiteralSizes.Padded));
    }

    [Fact]
    public void Every_fact_of_a_chunked_file_reads_back_through_its_member_and_the_lists() =>
        AssertReadsBack(Run.Value, Linked(), "chunks");

    // One file at each edge: 256 entities are one chunk; 257 make a second chunk of one claim; in 2,700 the sources,
    // actors and places come to 270, so the places run across the first boundary and the claims start in chunk 1.
    [Theory]
    [InlineData(256, 1)]
    [InlineData(257, 2)]
    [InlineData(2700, 11)]
    public void Every_entity_reads_back_whichever_chunk_and_kind_it_falls_in(int facts, int chunks)
    {
        var files = SyntheticPack.Create(facts, 1);
        var pack = PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);
        var split = FileChunks.Split(PackSlicer.Files(pack)[0]);
        Assert.Equal(chunks, split.Count(c => c.Chunk != FileChunk.IndexChunk));
        Assert.Equal(chunks > 1, split.Any(c => c.Chunk == FileChunk.IndexChunk));

        var run = GeneratorHarness.Run(files);

        var names = run.Sources.Select(s => s.HintName).Where(n => n.Contains(".facts-0000.kg.", StringComparison.Ordinal)).ToList();
        Assert.Equal(chunks == 1 ? 1 : chunks + 1, names.Count);
        AssertReadsBack(run, pack, "edge" + facts);
    }

    [Fact]
    public void References_to_another_pack_from_a_later_chunk_reach_its_entities()
    {
        // 302 entities: the first chunk names only this pack's entities, the second (claims 254 on) only the referenced
        // starter pack's, so the file's lookup of other packs' entities, written with its first chunk, must number
        // what only the second chunk names.
        var yaml = new System.Text.StringBuilder("sources:\n  - id: local-report\n    name: A local report\n    kind: news-report\n"
            + "actors:\n  - id: local-observer\n    name: A local observer\n    kind: person\nclaims:\n");
        for (var i = 0; i < 300; i++)
        {
            yaml.Append($"  - id: claim-{i:D3}\n    statement: Claim {i} about the valley.\n");
            yaml.Append(i < 254
                ? "    claimant: local-observer\n    citations:\n      - source: local-report\n        quote: the valley\n"
                : "    claimant: fahim-dashti\n    about: [panjshir-valley]\n    citations:\n      - source: report-001\n        quote: the Taliban lost 40\n        via: dashti-audio-message\n");
        }
        var program = """
            public static class Program
            {
                public static string Who() => Second.Facts.Claims.Claim299.Claimant.Name;
                public static string Where() => Second.Facts.Claims.Claim255.About[0].Name;
                public static string Via() => Second.Facts.Claims.Claim270.Citations[0].Via!.Id;
                public static string Local() => Second.Facts.Claims.Claim253.Claimant.Id;
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/second/pack.kg.yaml", CrossPackTests.Manifest),
            new InMemoryAdditionalText("/second/facts.kg.yaml", yaml.ToString()),
        }), CrossPackTests.Consumer(program));

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var first = run.Sources.Single(s => s.HintName == "Second.Facts.facts.kg.g.cs").SourceText.ToString();
        var second = run.Sources.Single(s => s.HintName == "Second.Facts.facts.kg.2.g.cs").SourceText.ToString();
        Assert.Contains("0 => global::Starter.Facts.Actors.FahimDashti,", first);
        Assert.DoesNotContain("Starter.Facts", second);
        Assert.Contains("4,", second); // its records name the other pack's entities by number

        using var image = new MemoryStream();
        Assert.True(run.OutputCompilation.Emit(image).Success);
        var context = new System.Runtime.Loader.AssemblyLoadContext("second-chunks", isCollectible: true);
        context.Resolving += (c, name) => name.Name == "Starter" ? c.LoadFromStream(new MemoryStream(CrossPackTests.StarterImage.Value)) : null;
        var assembly = context.LoadFromStream(new MemoryStream(image.ToArray()));
        string Call(string method) => (string)assembly.GetType("Program")!.GetMethod(method)!.Invoke(null, null)!;
        Assert.Equal("Fahim Dashti", Call("Who"));
        Assert.Equal("Panjshir Valley", Call("Where"));
        Assert.Equal("dashti-audio-message", Call("Via"));
        Assert.Equal("local-observer", Call("Local"));
    }

    // The loaded pack holds every fact of the linked one, through the lists and through each entity's own member: the
    // members of later chunks count from where their chunk starts in each kind.
    private static void AssertReadsBack(GeneratorRun run, PackModel pack, string name)
    {
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var loaded = CompiledPack.Load(run, name);

        Assert.Equal(pack.Claims.Select(c => (c.Entity.Id, c.Statement, c.Claimant.Id)), loaded.Claims.Select(c => (c.Id, c.Statement, c.Claimant.Id)));
        Assert.Equal(pack.Sources.Select(s => s.Entity.Id), loaded.Sources.Select(s => s.Id));
        Assert.Equal(pack.Actors.Select(a => (a.Entity.Id, a.Entity.Name)), loaded.Actors.Select(a => (a.Id, a.Name)));
        Assert.Equal(pack.Places.Select(p => (p.Entity.Id, p.In?.Id)), loaded.Places.Select(p => (p.Id, p.In?.Id)));
        Assert.Equal(pack.Claims.Count(c => c.Date is not null), loaded.Indexes.Timeline.Count);

        var assembly = loaded.GetType().Assembly;
        foreach (var (kind, entities) in new[]
        {
            ("Claims", pack.Claims.Select(c => c.Entity)), ("Sources", pack.Sources.Select(s => s.Entity)),
            ("Actors", pack.Actors.Select(a => a.Entity)), ("Places", pack.Places.Select(p => p.Entity)),
        })
        {
            var type = assembly.GetType($"{SyntheticPack.Namespace}.{kind}")!;
            foreach (var entity in entities)
            {
                var value = (global::KnowledgeGen.Entity)type.GetProperty(entity.Member, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                Assert.Equal(entity.Id, value.Id);
            }
        }
    }

    [Fact]
    public void A_mistake_in_a_later_chunk_is_reported_once_at_its_line()
    {
        // The last claimant of the first file, in its last chunk, names no actor.
        var files = Files.ToList();
        var text = files[0].Text;
        var at = text.LastIndexOf("    claimant: ", StringComparison.Ordinal) + "    claimant: ".Length;
        var end = text.IndexOf('\n', at);
        files[0] = (files[0].Path, text[..at] + "nobody-at-all" + text[end..]);

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KG0007", diagnostic.Id);
        Assert.Contains("nobody-at-all", diagnostic.GetMessage(), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(files[0].Path, span.Path);
        Assert.Equal(text[..at].Count(c => c == '\n'), span.StartLinePosition.Line);
        Assert.Equal(at - text.LastIndexOf('\n', at) - 1, span.StartLinePosition.Character);
    }

    [Fact]
    public void Rewording_a_fact_of_a_large_file_emits_again_only_the_chunk_that_holds_it()
    {
        var texts = Files.Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var compilation = GeneratorHarness.Compilation("public class Program { }");
        var driver = GeneratorHarness.CreateDriver(texts).RunGenerators(compilation);
        var before = Generated(driver);

        // A claim of the first file's last chunk that no other claim contradicts or supports: no other claim's docs
        // show its statement, which is its name.
        var pack = Linked();
        var first = PackSlicer.Files(pack)[0];
        var linked = new HashSet<string>(pack.Claims.SelectMany(c => c.Contradicts.Concat(c.Supports).Concat(c.SupportedBy)).Select(r => r.Id));
        var claim = first.Claims.Last(c => !linked.Contains(c.Entity.Id) && c.Contradicts.Count + c.Supports.Count + c.SupportedBy.Count == 0);
        Assert.True(first.Claims.ToList().IndexOf(claim) + first.Sources.Count + first.Actors.Count + first.Places.Count >= 2 * FileChunks.EntitiesPerChunk);
        var old = texts[0];
        var text = old.GetText()!.ToString();
        var at = text.IndexOf("    statement: \"", text.IndexOf($"  - id: {claim.Entity.Id}\n", StringComparison.Ordinal), StringComparison.Ordinal) + "    statement: \"".Length;
        var edited = new InMemoryAdditionalText(old.Path, text.Insert(at, "(reworded) "));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

        var chunks = Reasons(driver, Steps.ChunkFile);
        Assert.Equal(1, chunks.Count(r => r == Reason.Modified));
        Assert.Equal(3, chunks.Count(r => r == Reason.Unchanged)); // the file's other chunks and its index chunk, made again and equal
        Assert.All(chunks, r => Assert.Contains(r, new[] { Reason.Modified, Reason.Unchanged, Reason.Cached }));
        var after = Generated(driver);
        Assert.Equal(before.Keys, after.Keys);
        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        Assert.Equal(new[] { SyntheticPack.Namespace + ".part0.facts-0000.kg.3.g.cs" }, changed);
        Assert.Contains("(reworded) ", after[changed[0]]);

        // A claim added at the end of the same file: its last chunk, the first (the file's tables count it) and the index
        // chunk change; the middle chunk does not.
        var added = new InMemoryAdditionalText(old.Path, SyntheticPack.AddClaim(edited.GetText()!.ToString(), 1));
        driver = driver.ReplaceAdditionalText(edited, added).RunGenerators(compilation);
        var again = Generated(driver);
        var rewritten = after.Keys.Where(k => k.Contains("part0.facts-0000") && after[k] != again[k]).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { ".kg.3.g.cs", ".kg.g.cs", ".kg.index.g.cs" }.Select(end => SyntheticPack.Namespace + ".part0.facts-0000" + end), rewritten);
        Assert.Contains("AddedClaim1", again[SyntheticPack.Namespace + ".part0.facts-0000.kg.3.g.cs"]);
    }

    private static Dictionary<string, string> Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static List<Reason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
}

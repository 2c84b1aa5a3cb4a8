using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The indexes the generator emits: chunked for large packs, in the documented order, and cached when unchanged.</summary>
public class IndexGenerationTests
{
    private const int ClaimCount = 600;

    // Five dates that start on the same day or the next, at every precision.
    private static readonly string[] Dates =
    {
        "2021-09-02", "2021-09", "{ date: 2021-09-01, precision: approximate }", "2021-09-01", "2021",
    };

    private static List<(string Path, string Text)> LargePack()
    {
        var claims = new StringBuilder("claims:\n");
        for (var i = 0; i < ClaimCount; i++)
        {
            claims.Append($"  - id: claim-{i}\n    statement: Claim number {i}.\n    claimant: {(i % 2 == 0 ? "alpha" : "bravo")}\n");
            claims.Append($"    about: [valley]\n    date: {Dates[i % Dates.Length]}\n    citations:\n");
            // Every claim is relayed from the broadcast by both reports: two reports, one origin.
            claims.Append("      - { source: report-1, quote: q, via: broadcast }\n      - { source: report-2, quote: q, via: broadcast }\n");
            if (i % 3 == 0)
                claims.Append("      - { source: report-2, quote: own words }\n");
            if (i > 0 && i % 10 == 0)
                claims.Append($"    contradicts: [claim-{i - 1}]\n");
        }
        return new List<(string, string)>
        {
            ("/large/pack.kg.yaml", "pack:\n  name: Large\n  namespace: Large.Facts\n  title: Large\n  version: 1.0.0\n"),
            ("/large/entities.kg.yaml",
                "sources:\n  - { id: report-1, name: Report one, kind: news-report }\n  - { id: report-2, name: Report two, kind: news-report }\n" +
                "  - { id: broadcast, name: The broadcast, kind: broadcast }\n" +
                "actors:\n  - { id: alpha, name: Alpha, kind: person }\n  - { id: bravo, name: Bravo, kind: person }\n" +
                "places:\n  - { id: valley, name: The valley, kind: valley }\n"),
            ("/large/claims.kg.yaml", claims.ToString()),
        };
    }

    private static readonly Lazy<(KnowledgePack Pack, string IndexSource, string PackSource, string ClaimsSource)> Large = new(() =>
    {
        var run = GeneratorHarness.Run(LargePack());
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("large", isCollectible: true).LoadFromStream(stream);
        var pack = KnowledgePackAttribute.Load(assembly.GetCustomAttribute<KnowledgePackAttribute>()!.PackType);
        var source = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Large.Facts.Indexes.g.cs", StringComparison.Ordinal)).ToString();
        var packSource = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Large.Facts.Pack.g.cs", StringComparison.Ordinal)).ToString();
        // The claims' file with its later chunks (….kg.2.g.cs …), which hold the records past the first 256.
        var head = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(".kg.g.cs", StringComparison.Ordinal)
            && t.ToString().Contains("public static global::KnowledgeGen.Claim ", StringComparison.Ordinal)).FilePath;
        var stem = head[..^"g.cs".Length];
        var claims = string.Concat(run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.StartsWith(stem, StringComparison.Ordinal))
            .OrderBy(t => t.FilePath.Length).ThenBy(t => t.FilePath, StringComparer.Ordinal).Select(t => t.ToString()));
        return (pack, source, packSource, claims);
    });

    [Fact]
    public void Large_indexes_are_data_in_chunks_of_bounded_size()
    {
        // The file of the indexes asks the runtime to join the parts of the files that hold claims, names no file and fills
        // no list itself; the pack-wide lookup of the parts names the files that hold claims (here one).
        var source = Large.Value.IndexSource;
        Assert.DoesNotContain("list.Add(", source);
        Assert.Contains("__Facts.Tables.Indexes;", source);
        Assert.Empty(Literals(source));
        Assert.DoesNotMatch(@"Data\d", source);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Large.Value.PackSource, @"\d+ => IndexData\d+\(chunk\)"));

        // A file's part is UTF-8 data the runtime reads, not code. Items are packed into literals of at least a line
        // each (whole items: a long group makes a long one), not one literal per item.
        var claimsSource = Large.Value.ClaimsSource;
        var part = claimsSource[claimsSource.IndexOf("ReadOnlySpan<byte> IndexData", StringComparison.Ordinal)..];
        part = part[..part.IndexOf("_ => default", StringComparison.Ordinal)];
        var literals = Literals(part);
        Assert.InRange(literals.Count, 2, 256);
        Assert.All(literals.SkipLast(1), l => Assert.True(l.Length >= 400, $"a literal of {l.Length} characters"));

        // The 600 claims' records: more than one chunk, each of at most 256 literals.
        var claims = Large.Value.ClaimsSource;
        Assert.Matches(@"1 => Data\d+_1,", claims);
        Assert.Matches(@"2 => Data\d+_2,", claims);
        var chunks = claims.Split("private static global::System.ReadOnlySpan<byte> Data").Skip(1)
            .Where(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^\d+_\d+ =>")).Select(c => c.Split('\n').Skip(1).TakeWhile(l => l.TrimStart().TrimStart('(').StartsWith('"') || l.TrimStart().StartsWith("+ \"")).Count())
            .ToList();
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, lines => Assert.InRange(lines, 1, 256));
    }

    // The UTF-8 literals of a generated file, in order, but for the spaces that pad a chunk's data to a shared size.
    private static List<string> Literals(string source) =>
        System.Text.RegularExpressions.Regex.Matches(source, "\"([^\"\\\\]|\\\\.)*\"u8").Select(m => m.Value)
            .Where(l => l.Trim('"', ' ') != "u8").ToList();

    [Fact]
    public void The_timeline_sorts_by_the_start_of_the_period_then_the_more_precise_date()
    {
        var timeline = Large.Value.Pack.Indexes.Timeline;
        Assert.Equal(ClaimCount, timeline.Count);
        var order = timeline.Select(c => c.Date!.Value.ToString()).Distinct().ToList();
        Assert.Equal(new[] { "2021", "2021-09-01", "2021-09", "~2021-09-01", "2021-09-02" }, order);
        // Within one date, the pack's order.
        var days = timeline.Where(c => c.Date!.Value.ToString() == "2021-09-02").Select(c => int.Parse(c.Id["claim-".Length..])).ToList();
        Assert.Equal(days.OrderBy(i => i), days);
    }

    [Fact]
    public void Relayed_citations_count_one_origin()
    {
        var pack = Large.Value.Pack;
        var relayed = pack.Indexes.Corroboration(pack.Claims[1]);
        Assert.Equal("2 reports, 1 independent origin (broadcast)", relayed.ToString());
        Assert.Equal(2, relayed.Citations);
        var mixed = pack.Indexes.Corroboration(pack.Claims[0]);
        Assert.Equal("2 reports, 2 independent origins (broadcast, report-2)", mixed.ToString());
        Assert.True(mixed.IsIndependentlyCorroborated);
    }

    [Fact]
    public void Indexes_answer_like_a_scan_of_the_large_pack()
    {
        var pack = Large.Value.Pack;
        var alpha = pack.Find<Actor>("alpha")!;
        Assert.Equal(pack.Claims.Where(c => c.Claimant == alpha), pack.Indexes.ClaimsBy(alpha));
        Assert.Equal(pack.Claims, pack.Indexes.ClaimsAbout(pack.Find("valley")!));
        Assert.Equal(pack.Claims, pack.Indexes.ClaimsCiting(pack.Find<Source>("broadcast")!));
        Assert.Equal(ClaimCount / 10 - 1, pack.Indexes.Contradictions.Count);
        Assert.All(pack.Indexes.Contradictions, p => Assert.Contains(p.Second, p.First.Contradicts));
    }

    [Fact]
    public void A_renamed_place_links_the_pack_again_but_leaves_the_shape_and_the_file_of_the_indexes_as_they_were()
    {
        var files = GeneratorHarness.Fixture("starter").Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var compilation = GeneratorHarness.Compilation("public class Program { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        string IndexesFile() => driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Starter.Facts.Indexes.g.cs").SourceText.ToString();
        var before = IndexesFile();

        // A name is not part of any index: the pack is linked again and its link changes (other files' docs show the
        // name), but the pack's shape (the files and their counts, from which the file that joins the indexes is
        // written) comes out Unchanged, so that file is not written again. Each file's part of the indexes is written
        // with the file's own code.
        var places = files.Single(f => f.Path.EndsWith("places.kg.yaml", StringComparison.Ordinal));
        var text = places.GetText()!.ToString();
        Assert.Contains("name: Afghanistan", text);
        var edited = new InMemoryAdditionalText(places.Path, text.Replace("name: Afghanistan", "name: Islamic Republic of Afghanistan"));
        driver = driver.ReplaceAdditionalText(places, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[KnowledgeGenerator.Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[KnowledgeGenerator.Steps.PackShape].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Equal(before, IndexesFile());

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Other { }", GeneratorHarness.ParseOptions)));
        Assert.All(driver.GetRunResult().Results.Single().TrackedSteps[KnowledgeGenerator.Steps.PackShape].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}

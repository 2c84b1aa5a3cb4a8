using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The synthetic packs the benchmark measures are valid packs, and the code generated for them scales.</summary>
public class SyntheticPackTests
{
    private const int Facts = 900;

    private static readonly Lazy<(List<(string Path, string Text)> Files, GeneratorRun Run, KnowledgePack Pack)> Medium = new(() =>
    {
        var files = SyntheticPack.Create(Facts, 12);
        var run = GeneratorHarness.Run(files);
        return (files, run, CompiledPack.Load(run, "synthetic"));
    });

    [Fact]
    public void The_same_seed_writes_the_same_pack_and_another_seed_another()
    {
        Assert.Equal(SyntheticPack.Create(500, 7), SyntheticPack.Create(500, 7));
        Assert.NotEqual(SyntheticPack.Create(500, 7, seed: 1), SyntheticPack.Create(500, 7, seed: 2));
    }

    [Fact]
    public void A_synthetic_pack_generates_without_diagnostics_and_compiles()
    {
        var (_, run, pack) = Medium.Value;
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var counts = SyntheticPack.Counts(Facts);
        Assert.Equal(counts.Sources, pack.Sources.Count);
        Assert.Equal(counts.Actors, pack.Actors.Count);
        Assert.Equal(counts.Places, pack.Places.Count);
        Assert.Equal(counts.Claims, pack.Claims.Count);
        Assert.Equal(Facts, counts.Sources + counts.Actors + counts.Places + counts.Claims);
    }

    [Fact]
    public void The_benchmarks_edits_keep_the_pack_valid_and_change_what_they_say()
    {
        var files = SyntheticPack.Create(Facts, 12);
        var (path, text) = files[6];
        var edited = SyntheticPack.AddClaim(SyntheticPack.AddCommentLine(SyntheticPack.EditStatement(text, 1), 2), 3);
        Assert.Contains("\n# revision 2\nclaims:\n", edited);

        var run = GeneratorHarness.Run(files.Select(f => f.Path == path ? (path, edited) : f).ToList());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var pack = CompiledPack.Load(run, "synthetic-edited");
        Assert.Equal(SyntheticPack.Counts(Facts).Claims + 1, pack.Claims.Count);
        var added = pack.Find("added-claim-3");
        var first = pack.Claims.First(c => c.Statement.StartsWith("(revised 1) ", StringComparison.Ordinal));
        var copy = Assert.IsType<Claim>(added);
        Assert.Equal(first.Statement, copy.Statement);
        Assert.Equal(first.Claimant, copy.Claimant);
        Assert.Equal(first.Citations.Select(c => c.Quote), copy.Citations.Select(c => c.Quote));
        Assert.Empty(copy.Aliases);
    }

    [Fact]
    public void The_indexes_joined_from_each_files_part_answer_like_a_scan_of_the_pack()
    {
        // Each of the 12 files carries its claims' part of the indexes; the runtime joins them. A scan of the whole
        // pack (PackIndexes.Compute) must give the same answers, in the same order.
        var pack = Medium.Value.Pack;
        var joined = pack.Indexes;
        var scanned = PackIndexes.Compute(pack);
        Assert.Equal(scanned.Claimants.Select(e => (e.Key, e.Claims)), joined.Claimants.Select(e => (e.Key, e.Claims)));
        Assert.Equal(scanned.Subjects.Select(e => (e.Key, e.Claims)), joined.Subjects.Select(e => (e.Key, e.Claims)));
        Assert.Equal(scanned.CitingSources.Select(e => (e.Key, e.Claims)), joined.CitingSources.Select(e => (e.Key, e.Claims)));
        Assert.Equal(scanned.Contradictions, joined.Contradictions);
        Assert.Equal(scanned.Supports, joined.Supports);
        Assert.Equal(scanned.Timeline, joined.Timeline);
        foreach (var claim in pack.Claims)
            Assert.Equal(scanned.Corroboration(claim).ToString(), joined.Corroboration(claim).ToString());

        // The join had work to do: claimants with claims in several files, and a timeline that is not the pack's order.
        Assert.Contains(joined.Claimants, e => e.Claims.Count > 1);
        Assert.NotEqual(pack.Claims.Where(c => c.Date is not null), joined.Timeline);
        Assert.NotEmpty(joined.Contradictions);
        Assert.NotEmpty(joined.Supports);
    }

    [Fact]
    public void A_synthetic_pack_uses_references_across_files_aliases_quotes_and_quantities()
    {
        var (files, _, pack) = Medium.Value;
        Assert.Contains(files, f => f.Text.Contains("aliases:"));
        Assert.Contains(files, f => f.Text.Contains("quantity: { min:"));
        Assert.Contains(files, f => f.Text.Contains("contradicts:"));
        var quoted = pack.Claims.SelectMany(c => c.Citations).Select(c => c.Quote);
        Assert.Contains(quoted, q => q.Contains('"'));
        Assert.Contains(quoted, q => q.Contains("'quoted'"));
        Assert.Contains(pack.Claims, c => c.Contradicts.Count > 0);
        Assert.Contains(pack.Claims, c => c.SupportedBy.Count > 0);
        Assert.Contains(pack.Actors, a => a.Aliases.Count > 0);
        Assert.Contains(pack.Claims, c => c.Quantity is { Approximate: true });
    }

    [Fact]
    public void Every_entity_reads_back_as_its_yaml_wrote_it_though_each_file_holds_all_four_kinds()
    {
        // A file's records are one run (sources, actors, places, claims); each kind's table starts where the last ended.
        var (files, _, pack) = Medium.Value;
        var written = files.Select(f => Benchmarks.YamlBaseline.Parse(f.Text)).ToList();
        Assert.All(written, file => Assert.True(file.Sources is { Count: > 0 } && file.Actors is { Count: > 0 }
            && file.Places is { Count: > 0 } && file.Claims is { Count: > 0 }));
        var byId = pack.Sources.Cast<Entity>().Concat(pack.Actors).Concat(pack.Places).Concat(pack.Claims).ToDictionary(e => e.Id);
        static string Pascal(string yaml) => string.Concat(yaml.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        foreach (var file in written)
        {
            foreach (var s in file.Sources!)
                Assert.Equal((s.Name, Pascal(s.Kind!), s.Outlet), (byId[s.Id].Name, ((Source)byId[s.Id]).Kind.ToString(), ((Source)byId[s.Id]).Outlet?.Id));
            foreach (var a in file.Actors!)
                Assert.Equal((a.Name, Pascal(a.Kind!), a.Aliases?.Count ?? 0), (byId[a.Id].Name, ((Actor)byId[a.Id]).Kind.ToString(), byId[a.Id].Aliases.Count));
            foreach (var p in file.Places!)
                Assert.Equal((p.Name, Pascal(p.Kind!), p.In), (byId[p.Id].Name, ((Place)byId[p.Id]).Kind.ToString(), ((Place)byId[p.Id]).In?.Id));
            foreach (var c in file.Claims!)
            {
                var claim = (Claim)byId[c.Id];
                Assert.Equal((c.Statement, c.Claimant, Pascal(c.Status ?? "reported")), (claim.Statement, claim.Claimant.Id, claim.Status.ToString()));
                Assert.Equal(c.Citations!.Select(ci => (ci.Source!, ci.Quote!)), claim.Citations.Select(ci => (ci.Source.Id, ci.Quote)));
            }
        }
    }

    [Fact]
    public void An_actor_cited_in_many_sources_names_the_first_few_by_id_and_counts_the_rest()
    {
        var (_, run, pack) = Medium.Value;
        var docs = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        var checkedActors = 0;
        foreach (var actor in pack.Actors)
        {
            // What the pack says: every source cited by a claim the actor made or is the subject of.
            var sources = pack.Claims.Where(c => c.Claimant == actor || c.About.Contains(actor))
                .SelectMany(c => c.Citations).Select(c => c.Source.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (sources.Count <= Model.ActorModel.MaxCitedIn)
                continue;
            var expected = $" · cited in {string.Join(", ", sources.Take(Model.ActorModel.MaxCitedIn))} and {sources.Count - Model.ActorModel.MaxCitedIn} other sources · id: {actor.Id}";
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(expected) + "(<br/>)?\r?\n", docs);
            checkedActors++;
        }
        Assert.True(checkedActors > 0, "no actor of the synthetic pack is cited in more sources than its docs name");
    }

    [Fact]
    public void No_generated_method_grows_with_the_pack()
    {
        var (_, run, _) = Medium.Value;
        var methods = run.Sources.SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes())
            .Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax)
            .ToList();
        // The largest method of the pack is no larger than a chunk of 256 lines, and nothing runs in a static constructor
        // but the one-line creation of the pack's tables (records are data, decoded on first access).
        Assert.All(methods, m => Assert.True(m.GetText().Lines.Count <= 300, $"{m.GetText().Lines.Count} lines: {m.ToString()[..Math.Min(200, m.ToString().Length)]}"));
        Assert.DoesNotContain(methods, m => m is ConstructorDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.StaticKeyword));
        var initializers = run.Sources.SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(f => f.Modifiers.Any(SyntaxKind.StaticKeyword))
            .SelectMany(f => f.Declaration.Variables).Where(v => v.Initializer is not null).ToList();
        Assert.All(initializers, v => Assert.True(
            v.Initializer!.Value is InvocationExpressionSyntax or ImplicitObjectCreationExpressionSyntax && v.Initializer.GetText().Lines.Count == 1,
            v.ToString()));
        // One static initializer for the whole pack (its FactPack), and no class per YAML file: a first access or an
        // enumeration loads one class of facts, whatever the number of files.
        Assert.Equal("Tables", Assert.Single(initializers).Identifier.Text);
        var classes = run.Sources.SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()).ToList();
        Assert.Equal(12, run.Sources.Count(s => s.HintName.EndsWith(".kg.g.cs", StringComparison.Ordinal)));
        Assert.DoesNotContain(classes, c => c.Parent is ClassDeclarationSyntax { Identifier.Text: "__Facts" });
        Assert.All(classes, c => Assert.DoesNotMatch(@"\d$", c.Identifier.Text));
    }

    [Fact]
    public void A_facts_text_is_utf8_data_not_a_string_literal_so_large_packs_fit_an_assembly()
    {
        // String literals share one 16 MB heap per assembly (CS8103); a pack of 100,000 facts would overflow it.
        var (_, run, _) = Medium.Value;
        var factFiles = run.Sources.Where(s => s.HintName.EndsWith(".kg.g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, factFiles.Count);
        var tokens = factFiles.SelectMany(s => s.SyntaxTree.GetRoot().DescendantTokens()).ToList();
        Assert.Contains(tokens, t => t.IsKind(SyntaxKind.Utf8StringLiteralToken));
        // Attribute arguments ([KnowledgeId("...")]) are stored apart, in the metadata blobs; language tags are two letters.
        Assert.DoesNotContain(tokens, t => t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText.Length > 2
            && !t.Parent!.AncestorsAndSelf().OfType<AttributeSyntax>().Any());
    }
}

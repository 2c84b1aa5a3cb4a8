using KnowledgeGen;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Testing;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>The pack's curation, checked against the reports it is drawn from.</summary>
public class CurationTests
{
    private static readonly KnowledgePack Pack = global::Panjshir2021.Pack.Instance;

    [Fact]
    public void The_reports_are_beside_the_repository() => Assert.Equal(5, PackLocations.ReportFiles.Count);

    [Fact]
    public void Every_quote_stands_in_the_report_it_cites()
    {
        var reports = PackLocations.ReportFiles.ToDictionary(f => Path.GetFileName(f), f => QuoteMatching.Normalize(File.ReadAllText(f)));
        var missing = new List<string>();
        foreach (var claim in Pack.Claims)
            foreach (var citation in claim.Citations)
            {
                Assert.NotNull(citation.Source.Document);
                if (!QuoteMatching.Contains(reports[citation.Source.Document!], citation.Quote))
                    missing.Add($"{claim.Id} → {citation.Source.Id}: {citation.Quote}");
            }
        Assert.True(missing.Count == 0, "Quotes not found:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_report_is_a_source_and_is_cited()
    {
        var cited = Pack.Claims.SelectMany(c => c.Citations).Select(c => c.Source).ToHashSet();
        foreach (var file in PackLocations.ReportFiles.Select(Path.GetFileName))
        {
            var source = Assert.Single(Pack.Sources, s => s.Document == file);
            Assert.Contains(source, cited);
        }
    }

    [Fact]
    public void Quotes_are_short()
    {
        var tooLong = Pack.Claims.SelectMany(c => c.Citations.Select(ci => (c.Id, ci.Quote))).Where(q => q.Quote.Length > 300).ToList();
        Assert.True(tooLong.Count == 0, "Quotes longer than 300 characters: " + string.Join(", ", tooLong.Select(q => q.Id)));
    }

    [Fact]
    public void Every_actor_and_place_is_referenced_by_a_claim_or_a_source()
    {
        var referenced = new HashSet<Entity>();
        foreach (var claim in Pack.Claims)
        {
            referenced.Add(claim.Claimant);
            referenced.UnionWith(claim.About);
        }
        foreach (var source in Pack.Sources)
        {
            if (source.Outlet is not null)
                referenced.Add(source.Outlet);
            if (source.Author is not null)
                referenced.Add(source.Author);
        }
        var unreferenced = Pack.Actors.Cast<Entity>().Concat(Pack.Places).Where(e => !referenced.Contains(e)).Select(e => e.Id).ToList();
        Assert.True(unreferenced.Count == 0, "Never referenced: " + string.Join(", ", unreferenced));
    }

    [Fact]
    public void Contradiction_links_are_symmetric()
    {
        foreach (var claim in Pack.Claims)
            foreach (var other in claim.Contradicts)
                Assert.Contains(claim, other.Contradicts);
        Assert.Contains(Pack.Claims, c => c.IsContested);
    }

    [Fact]
    public void Relayed_claims_name_a_channel_their_report_relays()
    {
        foreach (var claim in Pack.Claims)
            foreach (var citation in claim.Citations.Where(c => c.Via is not null))
                Assert.True(citation.Source.Relays.Contains(citation.Via!), $"{claim.Id}: {citation.Source.Id} does not relay {citation.Via!.Id}");
    }

    [Fact]
    public void The_pack_compiles_with_no_diagnostic_at_all()
    {
        var files = Directory.GetFiles(PackLocations.KnowledgeFolder, "*.kg.yaml", SearchOption.AllDirectories)
            .Select(f => (f, File.ReadAllText(f)));
        var reports = PackLocations.ReportFiles.Select(f => (f, File.ReadAllText(f)));

        var run = GeneratorHarness.RunWithDocuments(files, reports);

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Spelling_variants_find_their_entity()
    {
        Assert.Equal("Panjshir Valley", Pack.Find("Punjir")?.Name);
        Assert.Same(Pack.Find("Ahmad Massoud"), Pack.Find("Achmad Massud"));
        Assert.NotNull(Pack.Find("Achmad Massud"));
    }
}

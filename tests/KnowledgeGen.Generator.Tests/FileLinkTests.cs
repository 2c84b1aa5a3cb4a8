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
/// The pack-wide link reads each file's outline (no free text, spans reduced to the order of their offsets) and each
/// file is then linked on its own against it: the outline must keep every span it can put back, stay equal while a
/// curator types within a line or adds lines, and the diagnostics must land where the edited text puts them.
/// </summary>
public class FileLinkTests
{
    private static IEnumerable<FileSpec> Specs() =>
        GeneratorHarness.Fixture("starter").Concat(SyntheticPack.Create(400, 4)).Select(f => PackFileReader.Read(f.Path, f.Text));

    [Fact]
    public void An_outline_puts_back_every_span_and_leaves_out_only_free_text()
    {
        var checkedSpans = 0;
        foreach (var spec in Specs())
        {
            var outline = FileOutline.Of(spec);
            var positions = FileOutline.Positions(spec);
            void Same(SourceSpan real, SourceSpan ranked)
            {
                Assert.Equal(real, FileOutline.Restore(ranked, positions));
                Assert.True(ranked.StartIndex < positions.Length && ranked.EndIndex < positions.Length);
                Assert.Equal((0, 0, 0, 0), (ranked.StartLine, ranked.StartColumn, ranked.EndLine, ranked.EndColumn));
                checkedSpans++;
            }
            void SameHeader(EntityHeader real, EntityHeader ranked, bool claim = false)
            {
                Assert.Equal(real.Id.Value, ranked.Id.Value);
                Assert.Equal(real.Member, ranked.Member);
                Same(real.Id.Span, ranked.Id.Span);
                Same(real.Span, ranked.Span);
                // Where the name of a source, an actor or a place is written is kept (KG0033 stands there); a claim's is free text.
                if (real.NameSpan is { } name && !claim)
                    Same(name, ranked.NameSpan!.Value);
                else
                    Assert.Null(ranked.NameSpan);
                Assert.Equal(real.Aliases.Select(a => a.Value), ranked.Aliases.Select(a => a.Value));
                foreach (var (a, b) in real.Aliases.Zip(ranked.Aliases))
                    Same(a.Span, b.Span);
                Assert.Null(ranked.Note);
            }

            if (spec.Manifest is { } manifest)
                Same(manifest.Span, outline.Manifest!.Span);
            foreach (var (real, ranked) in spec.Sources.Zip(outline.Sources))
            {
                SameHeader(real.Header, ranked.Header);
                Assert.Equal(real.Header.Name, ranked.Header.Name); // names of sources, actors and places are linked: other files show them
                Assert.Equal(real.Outlet?.Value, ranked.Outlet?.Value);
                if (real.Outlet is { } outlet)
                    Same(outlet.Span, ranked.Outlet!.Value.Span);
                if (real.Document is { } document)
                    Same(document.Span, ranked.Document!.Value.Span);
                foreach (var (a, b) in real.Relays.Zip(ranked.Relays))
                    Same(a.Span, b.Span);
                Assert.Null(ranked.Url);
            }
            foreach (var (real, ranked) in spec.Actors.Zip(outline.Actors))
            {
                SameHeader(real.Header, ranked.Header);
                Assert.Null(ranked.Description);
                foreach (var (a, b) in real.Roles.Zip(ranked.Roles))
                    if (a.Of is { } of)
                        Same(of.Span, b.Of!.Value.Span);
            }
            foreach (var (real, ranked) in spec.Places.Zip(outline.Places))
            {
                SameHeader(real.Header, ranked.Header);
                if (real.In is { } container)
                    Same(container.Span, ranked.In!.Value.Span);
            }
            foreach (var (real, ranked) in spec.Claims.Zip(outline.Claims))
            {
                SameHeader(real.Header, ranked.Header, claim: true);
                Assert.Equal("", ranked.Header.Name);
                Assert.Equal("", ranked.Statement);
                Same(real.Claimant.Span, ranked.Claimant.Span);
                foreach (var (a, b) in real.About.Concat(real.Contradicts).Concat(real.Supports).Zip(ranked.About.Concat(ranked.Contradicts).Concat(ranked.Supports)))
                    Same(a.Span, b.Span);
                foreach (var (a, b) in real.Citations.Zip(ranked.Citations))
                {
                    Assert.Equal(a.Quote.Value, b.Quote.Value); // quotes are checked against the documents pack-wide
                    Same(a.Source.Span, b.Source.Span);
                    Same(a.Quote.Span, b.Quote.Span);
                }
            }
        }
        Assert.True(checkedSpans > 2000, $"only {checkedSpans} spans checked");
    }

    [Fact]
    public void Typing_within_a_line_or_adding_lines_keeps_the_outline_equal_and_a_new_claim_does_not()
    {
        var (path, text) = SyntheticPack.Create(400, 4)[2];
        var outline = FileOutline.Of(PackFileReader.Read(path, text));

        var reworded = SyntheticPack.EditStatement(text, 1);
        Assert.NotEqual(text, reworded);
        Assert.Equal(outline, FileOutline.Of(PackFileReader.Read(path, reworded)));

        var at = text.IndexOf("  - id: ", text.IndexOf("claims:", StringComparison.Ordinal), StringComparison.Ordinal);
        var moved = text.Insert(at, "  # a new line\n\n");
        Assert.Equal(outline, FileOutline.Of(PackFileReader.Read(path, moved)));
        Assert.Equal(outline, FileOutline.Of(PackFileReader.Read(path, SyntheticPack.AddCommentLine(text, 1))));

        Assert.NotEqual(outline, FileOutline.Of(PackFileReader.Read(path, SyntheticPack.AddClaim(text, 1))));
    }

    private const string Manifest = "pack: { name: Moves, namespace: Moves.Facts, title: Moves, version: 1.0.0 }\n";

    private const string Claims = """
        actors:
          - id: speaker
            name: Speaker
            kind: person
        sources:
          - id: report
            name: Report
            kind: news-report
        claims:
          - id: first-claim
            statement: A statement that is about to grow.
            claimant: speaker
            about: [nowhere-at-all]
            citations:
              - source: report
                quote: a quote
        """;

    [Fact]
    public void A_diagnostic_follows_its_text_when_an_edit_moves_it_within_its_line_and_the_pack_is_not_linked_again()
    {
        var manifest = new InMemoryAdditionalText("/moves/pack.kg.yaml", Manifest);
        var claims = new InMemoryAdditionalText("/moves/claims.kg.yaml", Claims + "\n");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { manifest, claims }).RunGenerators(compilation);
        var before = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0007");
        Assert.Equal(Claims.IndexOf("nowhere-at-all", StringComparison.Ordinal), before.Location.SourceSpan.Start);

        // The bad id stays on its line; the statement above it grows, which moves its offset.
        var grown = Claims.Replace("about to grow.", "about to grow, and has grown by a good many characters.") + "\n";
        var edited = new InMemoryAdditionalText(claims.Path, grown);
        driver = driver.ReplaceAdditionalText(claims, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(Reason.Cached, o.Reason));
        var after = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0007");
        Assert.Equal(grown.IndexOf("nowhere-at-all", StringComparison.Ordinal), after.Location.SourceSpan.Start);
        Assert.Equal("nowhere-at-all".Length, after.Location.SourceSpan.Length);
        Assert.Equal(before.Location.GetLineSpan().Span, after.Location.GetLineSpan().Span);
        Assert.Equal(before.GetMessage(), after.GetMessage());
        var generated = result.GeneratedSources.Single(s => s.HintName.EndsWith("claims.kg.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.True(generated.Contains("has grown by a good many characters"), generated);
    }

    [Fact]
    public void A_duplicate_id_points_at_where_the_first_now_stands_in_another_file_without_the_pack_linked_again()
    {
        var first = new InMemoryAdditionalText("/moves/a.kg.yaml", Manifest + Claims + "\n");
        var second = new InMemoryAdditionalText("/moves/b.kg.yaml", "actors:\n  - id: speaker\n    name: Another speaker\n    kind: person\n");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { first, second }).RunGenerators(compilation);
        Assert.Contains("a.kg.yaml(3,", Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0006").GetMessage());

        // Two lines added above the first definition: the outline of a.kg.yaml stays equal, so the pack is not linked
        // again, and b.kg.yaml's diagnostic still names the new line, put back when each file meets its slice.
        var moved = new InMemoryAdditionalText(first.Path, "# two lines\n# of comment\n" + first.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(first, moved).RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps[Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(Reason.Cached, o.Reason));
        var links = steps[Steps.LinkFile].SelectMany(s => s.Outputs).ToDictionary(o => Path.GetFileName(((FileModel)o.Value).Path), o => o.Reason);
        Assert.Equal(Reason.Modified, links["b.kg.yaml"]); // its message names the new line
        var duplicate = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0006");
        Assert.Contains("a.kg.yaml(5,", duplicate.GetMessage());
        Assert.EndsWith("b.kg.yaml", duplicate.Location.GetLineSpan().Path);
        Assert.Equal((1, 8), (duplicate.Location.GetLineSpan().StartLinePosition.Line, duplicate.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void A_shared_name_points_at_where_the_first_now_stands_in_another_file_without_the_pack_linked_again()
    {
        var first = new InMemoryAdditionalText("/moves/a.kg.yaml", Manifest + Claims + "\n");
        var second = new InMemoryAdditionalText("/moves/b.kg.yaml", "actors:\n  - id: the-speaker\n    name: speaker\n    kind: person\n");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { first, second }).RunGenerators(compilation);
        var before = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0033");
        Assert.Contains("of the actor 'speaker', whose name is at /moves/a.kg.yaml(4,11)", before.GetMessage());

        // Two lines added above the first: the outline of a.kg.yaml stays equal, so the pack is not linked again, and
        // b.kg.yaml's warning still names the line the first now stands on, put back when each file meets its slice.
        var moved = new InMemoryAdditionalText(first.Path, "# two lines\n# of comment\n" + first.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(first, moved).RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps[Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(Reason.Cached, o.Reason));
        var shared = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "KG0033");
        Assert.Contains("of the actor 'speaker', whose name is at /moves/a.kg.yaml(6,11)", shared.GetMessage());
        Assert.EndsWith("b.kg.yaml", shared.Location.GetLineSpan().Path);
        Assert.Equal((2, 10), (shared.Location.GetLineSpan().StartLinePosition.Line, shared.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void Rewording_a_claim_rewrites_the_docs_of_the_claims_in_other_files_that_show_its_name()
    {
        const string shared = "actors:\n  - id: speaker\n    name: Speaker\n    kind: person\nsources:\n  - id: report\n    name: Report\n    kind: news-report\n";
        const string claim = "  - id: {0}\n    statement: {1}\n    claimant: speaker\n    citations:\n      - source: report\n        quote: a quote\n";
        var first = new InMemoryAdditionalText("/names/a.kg.yaml", Manifest + shared + "claims:\n" + string.Format(claim, "first-claim", "The first says so.")
            + "    contradicts: [second-claim]\n");
        var second = new InMemoryAdditionalText("/names/b.kg.yaml", "claims:\n" + string.Format(claim, "second-claim", "The second says otherwise."));
        var third = new InMemoryAdditionalText("/names/c.kg.yaml", "places:\n  - id: elsewhere\n    name: Elsewhere\n    kind: town\n");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { first, second, third }).RunGenerators(compilation);
        string Generated(string name) => driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(name, StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Contradicts: The second says otherwise.", Generated("a.kg.g.cs"));
        Assert.Contains("Contradicts: The first says so.", Generated("b.kg.g.cs"));

        var reworded = new InMemoryAdditionalText(second.Path, second.GetText()!.ToString().Replace("says otherwise.", "now says something else."));
        driver = driver.ReplaceAdditionalText(second, reworded).RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps[Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(Reason.Cached, o.Reason));
        var links = steps[Steps.LinkFile].SelectMany(s => s.Outputs).ToDictionary(o => Path.GetFileName(((FileModel)o.Value).Path), o => o.Reason);
        Assert.Equal(Reason.Modified, links["a.kg.yaml"]); // shows the reworded claim's name
        Assert.Equal(Reason.Modified, links["b.kg.yaml"]);
        Assert.Equal(Reason.Cached, links["c.kg.yaml"]);
        Assert.Contains("Contradicts: The second now says something else.", Generated("a.kg.g.cs"));
        Assert.Contains("The second now says something else.", Generated("b.kg.g.cs"));
    }
}

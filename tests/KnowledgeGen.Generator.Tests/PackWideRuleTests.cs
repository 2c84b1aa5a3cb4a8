using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// Rules that look across a pack's files: of two entities with one id the first written is kept, whatever lists they are
/// in, and a pack whose manifest may stand in a file that could not be read is not told it has none.
/// </summary>
public class PackWideRuleTests
{
    private const string Manifest = "pack: { name: P, namespace: P.Facts, title: T, version: 1.0.0 }\n";

    [Fact]
    public void Of_two_entities_with_one_id_in_one_file_the_first_written_is_kept_whatever_their_lists()
    {
        // The actors' list comes first in this file; the source written after it with the same id is the duplicate (before,
        // sources were always registered first, so the actor was reported instead).
        var files = new[]
        {
            ("/p/pack.kg.yaml", Manifest),
            ("/p/facts.kg.yaml", """
                actors:
                  - { id: harbour-master, name: The harbour master, kind: person }
                sources:
                  - { id: harbour-master, name: The harbour log, kind: other }
                """),
        };

        var run = GeneratorHarness.Run(files);

        Assert.Equal(
            "facts.kg.yaml(4,11): error KG0006: The id 'harbour-master' of this source is already used by the actor at /p/facts.kg.yaml(2,11); ids are unique across the whole pack, so give one of them another id\n",
            run.DiagnosticsText());
        Assert.Contains("global::KnowledgeGen.Actor HarbourMaster =>", run.GeneratedText());
        Assert.DoesNotContain("global::KnowledgeGen.Source HarbourMaster =>", run.GeneratedText());
    }

    [Fact]
    public void Across_files_the_first_file_in_path_order_keeps_the_id_whatever_the_kinds()
    {
        var files = new[]
        {
            ("/p/pack.kg.yaml", Manifest),
            ("/p/a.kg.yaml", "places:\n  - { id: kabul, name: Kabul, kind: city }\n"),
            ("/p/b.kg.yaml", "sources:\n  - { id: kabul, name: A Kabul report, kind: other }\n"),
        };

        var run = GeneratorHarness.Run(files);

        var duplicate = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0006", duplicate.Id);
        Assert.EndsWith("b.kg.yaml", duplicate.Location.GetLineSpan().Path);
    }

    public static TheoryData<string, string> Unreadable() => new()
    {
        { "a syntax error", "  version: 1.0.0\nactors:\n  - id: a\n    name: \"never closed\n" },
        { "a tab", "  version: 1.0.0\nactors:\n\t- { id: a, name: A, kind: person }\n" },
        { "an anchor", "  version: 1.0.0\nactors:\n  - &first { id: a, name: A, kind: person }\n" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_manifest_in_a_file_that_could_not_be_read_is_not_reported_missing(string what, string rest)
    {
        var text = "pack:\n  name: P\n  namespace: P.Facts\n  title: T\n" + rest;

        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", text), ("/p/more.kg.yaml", "places:\n  - { id: b, name: B, kind: city }\n") });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "KG0014");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id is "KG0001" or "KG0013");
        Assert.True(run.GeneratorDiagnostics.All(d => d.Id is "KG0001" or "KG0013"), what + ": " + run.DiagnosticsText());
    }

    [Fact]
    public void A_pack_whose_files_were_all_read_and_hold_no_manifest_is_still_told()
    {
        var run = GeneratorHarness.Run(new[] { ("/p/more.kg.yaml", "places:\n  - { id: b, name: B, kind: city }\n") });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "KG0014");
    }
}

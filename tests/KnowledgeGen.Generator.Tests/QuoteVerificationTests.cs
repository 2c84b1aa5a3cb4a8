using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>Quotes are checked against the documents named to the build.</summary>
public class QuoteVerificationTests
{
    private const string Document = "Earlier on Thursday, Fahim Dashti, an NRF spokesperson, said in an audio\u00A0message that the Taliban lost 40 of their forces in their ongoing attempts to enter Panjshir.\n\n\u201CThey (Taliban) are using their last power to get in,\u201D an NRF source said \u2013 clashes go on.";

    private static string Diagnose(string quote, string documentName = "000_report.txt", bool withDocument = true)
    {
        var pack = $$"""
            pack: { name: P, namespace: P, title: P, version: 1.0.0 }
            sources:
              - { id: report-000, name: Report, kind: news-report, document: {{documentName}} }
            actors:
              - { id: fahim-dashti, name: Fahim Dashti, kind: person }
            claims:
              - id: forty
                statement: The Taliban lost 40.
                claimant: fahim-dashti
                citations:
                  - source: report-000
                    quote: {{quote}}
            """;
        var documents = withDocument ? new[] { ("/docs/000_report.txt", Document) } : Array.Empty<(string, string)>();
        return GeneratorHarness.RunWithDocuments(new[] { ("/p/pack.kg.yaml", pack) }, documents).DiagnosticsText().TrimEnd();
    }

    [Theory]
    [InlineData("the Taliban lost 40 of their forces")]
    [InlineData("said in an audio message that the Taliban")]          // a non-breaking space in the document
    [InlineData("'\"They (Taliban) are using their last power to get in,\"'")] // straight quotes for typographic ones
    [InlineData("an NRF source said - clashes go on")]                 // a hyphen for an en dash
    [InlineData("\"forces in their\n                  ongoing attempts\"")]         // a line break in the YAML
    public void A_quote_that_stands_in_the_document_passes(string quote) => Assert.Equal("", Diagnose(quote));

    [Fact]
    public void A_quote_that_is_not_in_the_document_is_reported_at_the_quote_with_the_closest_passage()
    {
        var text = Diagnose("the Taliban lost 50 of their forces");
        Assert.Equal("pack.kg.yaml(12,16): error KG0022: A quote of the claim 'forty' is not in '000_report.txt', the document of the source 'report-000'; the closest passage is: \"the Taliban lost 40 of their forces\"", text);
    }

    [Fact]
    public void Case_is_not_ignored() => Assert.Contains("KG0022", Diagnose("The Taliban Lost 40"));

    [Fact]
    public void A_document_the_build_lacks_is_reported_at_the_source()
    {
        var text = Diagnose("the Taliban lost 40", documentName: "999_missing.txt");
        Assert.Equal("pack.kg.yaml(3,66): warning KG0023: The source 'report-000' names the document '999_missing.txt', but the build was given no document of that name, so its quotes are not verified; documents given: 000_report.txt", text);
    }

    [Fact]
    public void Without_documents_quotes_are_not_verified() => Assert.Equal("", Diagnose("words not in any document", withDocument: false));

    [Fact]
    public void Closest_passage_finds_the_best_matching_span()
    {
        var document = Linking.QuoteMatching.Normalize("One two three. The resistance yesterday said they had killed dozens of Taliban fighters. Four five.");
        Assert.Equal("The resistance yesterday said they had killed dozens of Taliban fighters",
            Linking.QuoteMatching.ClosestPassage(document, "The resistance said yesterday they had killed dozens of Taliban fighters"));
    }
}

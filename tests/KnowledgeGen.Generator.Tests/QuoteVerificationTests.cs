using System.Text;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>Quotes are checked against the documents named to the build.</summary>
public class QuoteVerificationTests
{
    private const string Document = "Earlier on Thursday, Fahim Dashti, an NRF spokesperson, said in an audio\u00A0message that the Taliban lost 40 of their forces in their ongoing attempts to enter Panjshir.\n\n\u201CThey (Taliban) are using their last power to get in,\u201D an NRF source said \u2013 clashes go on.";

    private static string Diagnose(string quote, string documentName = "000_report.txt", bool withDocument = true) =>
        Diagnose(quote, documentName, withDocument ? new AdditionalText[] { new InMemoryAdditionalText("/docs/000_report.txt", Document) } : Array.Empty<AdditionalText>());

    private static string Diagnose(string quote, string documentName, IEnumerable<AdditionalText> documents)
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
    public void A_document_of_UTF8_behind_a_UTF16_byte_order_mark_is_KG0035_at_the_source_not_every_quote_not_found()
    {
        // Read as UTF-16 for its first two bytes, the document is a line of CJK characters: no quote could be found in it.
        var document = new BytesAdditionalText("/docs/000_report.txt", [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Document)]);
        var text = Diagnose("the Taliban lost 40 of their forces", "000_report.txt", new[] { document });
        Assert.Equal("pack.kg.yaml(3,66): warning KG0035: The document '000_report.txt' that the source 'report-000' names starts with FF FE, " +
            "the byte-order mark of UTF-16, but is not UTF-16 text (is it UTF-8 text behind two stray bytes?); its quotes are not checked " +
            "until it is saved as UTF-8 text", text);
    }

    [Fact]
    public void A_document_the_compiler_cannot_read_is_KG0035_at_the_source()
    {
        var text = Diagnose("the Taliban lost 40 of their forces", "000_report.txt", new[] { new UnreadableAdditionalText("/docs/000_report.txt") });
        Assert.Equal("pack.kg.yaml(3,66): warning KG0035: The document '000_report.txt' that the source 'report-000' names could not be read as text " +
            "(it is binary, or it could not be opened); its quotes are not checked until it is saved as UTF-8 text", text);
    }

    [Fact]
    public void A_document_with_garbled_characters_is_KG0035_and_its_quotes_are_still_checked()
    {
        var garbled = Document.Replace("spokesperson", "spokesp\uFFFDrson", StringComparison.Ordinal);
        var documents = new AdditionalText[] { new InMemoryAdditionalText("/docs/000_report.txt", garbled) };
        var lines = Diagnose("the Taliban lost 40 of their forces", "000_report.txt", documents).Split('\n');
        Assert.Equal("pack.kg.yaml(3,66): warning KG0035: The document '000_report.txt' that the source 'report-000' names holds U+FFFD, " +
            "the character that stands for bytes that are not UTF-8, so it was most likely saved in another encoding (such as Latin-1 or Windows-1252); " +
            "a quote with a garbled character is not found in it until it is saved as UTF-8 text", Assert.Single(lines));
        Assert.Contains("KG0022", Diagnose("an NRF spokesperson", "000_report.txt", documents));
    }

    [Fact]
    public void A_document_in_UTF16_is_read_and_its_quotes_pass()
    {
        var document = new BytesAdditionalText("/docs/000_report.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Document)]);
        Assert.Equal("", Diagnose("the Taliban lost 40 of their forces", "000_report.txt", new[] { document }));
    }

    [Fact]
    public void Two_documents_of_the_file_name_a_source_names_are_KG0037_at_the_source_and_neither_is_taken_for_it()
    {
        // reports/**/*.txt finds two documents named 000_report.txt: which of them the source means cannot be told, so neither is
        // taken, in whatever order the build gives them, rather than the quotes checked against one at random.
        var documents = new AdditionalText[]
        {
            new InMemoryAdditionalText("/docs/october/000_report.txt", "Nothing about the fighting."),
            new InMemoryAdditionalText("/docs/september/000_report.txt", Document),
        };
        var expected = "pack.kg.yaml(3,66): warning KG0037: The source 'report-000' names the document '000_report.txt', but the build was given " +
            "2 documents of that name (/docs/october/000_report.txt, /docs/september/000_report.txt), so its quotes are not verified; " +
            "give each document a file name of its own";
        Assert.Equal(expected, Diagnose("the Taliban lost 40 of their forces", "000_report.txt", documents));
        Assert.Equal(expected, Diagnose("the Taliban lost 40 of their forces", "000_report.txt", documents.Reverse()));
        // A document of a name no other document has is checked as before.
        var another = documents.Append(new InMemoryAdditionalText("/docs/001_report.txt", "Other words."));
        Assert.Contains("KG0037", Diagnose("words in neither", "000_report.txt", another));
        Assert.DoesNotContain("KG0022", Diagnose("words in neither", "000_report.txt", another));
        Assert.Contains("KG0022", Diagnose("words in neither", "001_report.txt", another));
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

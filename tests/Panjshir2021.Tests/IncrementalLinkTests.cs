using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>
/// The Panjshir pack, its quotes checked against the five reports, linked by updating the link before it
/// (<see cref="IncrementalLink"/>): a claim added to one file is updated, quotes checked, and agrees with the whole link; a
/// claim whose quote no report holds is reported, so that edit is linked whole, and agrees too.
/// </summary>
public class IncrementalLinkTests
{
    private const string EditedFile = "claims-fighting.kg.yaml";

    private const string AddedClaim = """
          - id: taliban-using-last-power-again
            statement: The Taliban were using the last of their strength to get into the valley.
            claimant: nrf-source
            about: [taliban, panjshir-valley]
            date: 2021-09-02
            citations:
              - source: report-000
                quote: "QUOTE"
        """;

    [Fact]
    public void A_claim_added_is_updated_with_its_quotes_checked_and_agrees_with_the_whole_link()
    {
        var paths = Directory.GetFiles(PackLocations.KnowledgeFolder, "*.kg.yaml").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var texts = paths.Select(File.ReadAllText).ToList();
        var outlines = paths.Select((path, i) => FileOutline.Of(PackFileReader.Read(Path.GetFileName(path), texts[i]))).ToList();
        var documents = PackLocations.ReportFiles
            .Select(f => new DocumentSpec(Path.GetFileName(f), QuoteMatching.Normalize(File.ReadAllText(f)))).ToList();
        var edited = paths.FindIndex(p => Path.GetFileName(p) == EditedFile);

        PackModel Link(string? quote, out bool updated)
        {
            var text = quote is null ? texts[edited] : texts[edited].TrimEnd('\n') + "\n\n" + AddedClaim.Replace("QUOTE", quote) + "\n";
            outlines[edited] = FileOutline.Of(PackFileReader.Read(EditedFile, text));
            var incremental = IncrementalLink.Link(outlines.ToList(), PackOptions.Default, documents, null, out updated);
            Assert.Equal(PackLinker.LinkOutlines(outlines, PackOptions.Default, documents, null), incremental);
            return incremental;
        }

        Assert.Empty(Link(null, out var updated).Diagnostics);
        Assert.False(updated);

        var added = Link("They (Taliban) are using their last power to get in, but clashes are still ongoing", out updated);
        Assert.True(updated);
        Assert.Empty(added.Diagnostics);
        Assert.Contains(added.Claims, c => c.Entity.Id == "taliban-using-last-power-again");

        var misquoted = Link("They are using the last of their power to get into the valley", out updated);
        Assert.False(updated);
        Assert.Contains(misquoted.Diagnostics, d => d.FilePath == EditedFile);

        Assert.Empty(Link("They (Taliban) are using their last power to get in, but clashes are still ongoing", out _).Diagnostics);
    }
}

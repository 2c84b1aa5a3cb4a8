using System.Text.RegularExpressions;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>
/// README.md's walk-through is true of the pack as it stands: its claim, added at the end of claims-territory.kg.yaml after
/// a blank line as the README says, links without a diagnostic (its quote is in the report), and the two mistakes it shows
/// give the README's messages word for word, at the README's lines and columns. Any edit of that file above the end moves
/// those lines; this test says so instead of the README going stale.
/// </summary>
public class ReadmeWalkThroughTests
{
    private const string EditedFile = "claims-territory.kg.yaml";

    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(PackLocations.RepoRoot, "README.md")));

    // The walk-through's claim: the first ```yaml block after "Add a fact.", without the list item's indentation.
    private static string AddedClaim()
    {
        var text = Readme.Value.Replace("\r\n", "\n");
        var step = text.IndexOf("**Add a fact.**", StringComparison.Ordinal);
        Assert.True(step >= 0, "README.md has no 'Add a fact.' step");
        var block = Regex.Match(text[step..], @"\n( *)```yaml\n(?<body>.*?)\n *```", RegexOptions.Singleline);
        Assert.True(block.Success, "the 'Add a fact.' step has no yaml block");
        var indent = block.Groups[1].Value.Length;
        return string.Join("\n", block.Groups["body"].Value.Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())) + "\n";
    }

    // The README's message line for a diagnostic id.
    private static string Message(string id)
    {
        var line = Readme.Value.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim())
            .SingleOrDefault(l => l.StartsWith(EditedFile + "(", StringComparison.Ordinal) && l.Contains($" {id}: ", StringComparison.Ordinal));
        Assert.True(line is not null, $"README.md shows no {id} line for {EditedFile}");
        return line!;
    }

    private static List<string> Validate(Func<string, string> edit)
    {
        var files = Directory.GetFiles(PackLocations.KnowledgeFolder, "*.kg.yaml").Select(path =>
        {
            var text = File.ReadAllText(path);
            if (Path.GetFileName(path) == EditedFile)
                text = text.TrimEnd('\n') + "\n\n" + edit(AddedClaim());
            return PackFileReader.Read(Path.GetFileName(path), text);
        }).ToList();
        var documents = PackLocations.ReportFiles
            .Select(f => new DocumentSpec(Path.GetFileName(f), QuoteMatching.Normalize(File.ReadAllText(f)))).ToList();
        return PackLinker.Link(files, PackOptions.Default, documents).Diagnostics.Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_added_claim_links_cleanly()
    {
        Assert.Empty(Validate(claim => claim));
    }

    [Fact]
    public void A_misspelt_claimant_gives_the_readme_message()
    {
        var printed = Validate(claim => Replace(claim, "claimant: report-002-newsroom", "claimant: report-002-newsroon"));
        Assert.Equal(new[] { Message("KG0007") }, printed);
    }

    [Fact]
    public void A_misquote_gives_the_readme_message()
    {
        var printed = Validate(claim => Replace(claim, "quote: over their bases fluttered their flag", "quote: over their bases flew their flag"));
        Assert.Equal(new[] { Message("KG0022") }, printed);
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}

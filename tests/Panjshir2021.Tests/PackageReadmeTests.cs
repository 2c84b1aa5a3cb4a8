using System.Text.RegularExpressions;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>
/// The package's page (knowledge/panjshir-2021/README.md, shipped as the package's README) shows how to use the pack with
/// the example KnowledgeGen's README gives, which the packaging tests compile and run against the package.
/// </summary>
public class PackageReadmeTests
{
    private static string Block(string file, string heading, string language)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var at = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no '{heading}' section");
        var match = Regex.Match(text[at..], "```" + language + "\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"{file} has no {language} block under '{heading}'");
        return match.Groups[1].Value;
    }

    [Fact]
    public void The_package_page_shows_the_example_the_packaging_tests_run()
    {
        var packagePage = Path.Combine(PackLocations.KnowledgeFolder, "README.md");
        var readme = Path.Combine(PackLocations.RepoRoot, "README.md");
        Assert.Equal(Block(readme, "## Use a fact pack", "csharp"), Block(packagePage, "## Use the pack", "csharp"));
        Assert.Equal("dotnet add package Panjshir2021\n", Block(packagePage, "## Use the pack", "sh"));
    }

    [Fact]
    public void The_package_carries_the_version_the_packs_manifest_gives()
    {
        // Pack.Version is meant to be the pack's package version (KG0038's docs say so): the project sets its own, not the
        // repository's shared one, and the assembly's version follows it.
        Assert.Equal(Pack.Version, typeof(Pack).Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void The_package_page_links_nothing_a_package_page_cannot_reach()
    {
        // A package page has no repository beside it: a link relative to the README would lead nowhere there.
        var text = File.ReadAllText(Path.Combine(PackLocations.KnowledgeFolder, "README.md"));
        var relative = Regex.Matches(text, @"\]\((?!https?://|#)([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(relative);
        Assert.DoesNotContain("`docs/", text, StringComparison.Ordinal);
    }
}

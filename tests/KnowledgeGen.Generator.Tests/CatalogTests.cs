using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KnowledgeGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The catalog, its documentation, its release tracking and its Roslyn descriptors say the same thing,
/// rule by rule, in both directions.
/// </summary>
public class CatalogTests
{
    private static string RepoFile(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", relative));

    private static readonly Lazy<string> Docs = new(() => File.ReadAllText(RepoFile("docs/diagnostics.md")));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in DiagnosticRules.All)
            data.Add(rule.Id);
        return data;
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        Assert.Equal(DiagnosticRules.All.Count, DiagnosticRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(DiagnosticRules.All, r => Assert.Matches("^KG[0-9]{4}$", r.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_a_title_a_message_a_category_and_a_help_link_to_its_section(string id)
    {
        var rule = DiagnosticRules.ById(id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.StartsWith("KnowledgeGen.", rule.Category);
        Assert.Equal(DiagnosticRules.HelpBase + id.ToLowerInvariant(), rule.HelpLink);
        Assert.EndsWith("docs/diagnostics.md#", DiagnosticRules.HelpBase);

        // The message takes as many arguments as its placeholders say, and formats without error.
        var placeholders = Regex.Matches(rule.MessageFormat, @"(?<!\{)\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var count = placeholders.Count == 0 ? 0 : placeholders.Max() + 1;
        Assert.Equal(Enumerable.Range(0, count), placeholders.Distinct().Order());
        var formatted = string.Format(CultureInfo.InvariantCulture, rule.MessageFormat, Enumerable.Range(0, count).Select(i => (object)("a" + i)).ToArray());
        Assert.DoesNotMatch(@"\{\d+\}", formatted);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_a_section_in_docs_with_its_title_severity_and_category(string id)
    {
        var rule = DiagnosticRules.ById(id);
        var section = Regex.Match(Docs.Value, $"^## {id}\\n\\n(.*)$", RegexOptions.Multiline);
        Assert.True(section.Success, $"docs/diagnostics.md has no '## {id}' section");
        Assert.Equal($"**{rule.Title}** · {rule.Severity.ToString().ToLowerInvariant()} · {rule.Category}", section.Groups[1].Value.TrimEnd());
        Assert.Contains($"| [{id}](#{id.ToLowerInvariant()}) | {rule.Title} | {rule.Severity.ToString().ToLowerInvariant()} |", Docs.Value);
    }

    [Fact]
    public void Every_section_in_docs_is_a_rule()
    {
        var sections = Regex.Matches(Docs.Value, @"^## (KG\d{4})\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DiagnosticRules.All.Select(r => r.Id), sections);
    }

    [Fact]
    public void Release_tracking_lists_every_rule_once_with_its_category_and_severity()
    {
        var lines = ReleaseLines("AnalyzerReleases.Shipped.md").Concat(ReleaseLines("AnalyzerReleases.Unshipped.md")).ToList();
        Assert.Equal(DiagnosticRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), lines.Select(l => l.Id).Order(StringComparer.Ordinal));
        foreach (var (id, category, severity) in lines)
        {
            var rule = DiagnosticRules.ById(id);
            Assert.Equal(rule.Category, category);
            Assert.Equal(rule.Severity.ToString(), severity);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Roslyn_descriptor_agrees_with_the_catalog(string id)
    {
        var rule = DiagnosticRules.ById(id);
        var descriptor = Assert.Single(Descriptors(), d => d.Id == id);
        Assert.Equal(rule.Title, descriptor.Title.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(rule.Severity.ToString(), descriptor.DefaultSeverity.ToString());
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void Every_descriptor_is_a_rule() =>
        Assert.Equal(DiagnosticRules.All.Select(r => r.Id), Descriptors().Select(d => d.Id));

    [Fact]
    public void Every_rule_a_pack_can_break_has_a_verified_case()
    {
        // KG0022, KG0023, KG0035 and KG0037 need documents and are pinned by QuoteVerificationTests; KG0025 needs one path given twice and is
        // pinned by HostileInputTests; KG0027 needs a build property and no pack file, KG0032 a file the build flags and KG0034
        // a project's C# version, and all three are pinned by BuildPropertyTests;
        // KG9999 must never happen.
        var snapshots = Directory.GetFiles(RepoFile("tests/KnowledgeGen.Generator.Tests/Snapshots"), "Diagnostics.*.verified.txt")
            .Select(File.ReadAllText).ToList();
        var uncovered = DiagnosticRules.All.Select(r => r.Id)
            .Where(id => id is not ("KG0022" or "KG0023" or "KG0025" or "KG0027" or "KG0032" or "KG0034" or "KG0035" or "KG0037" or "KG9999"))
            .Where(id => !snapshots.Any(s => s.Contains(" " + id + ": ", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(uncovered);
    }

    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseLines(string file)
    {
        foreach (var line in File.ReadAllLines(RepoFile("generator/KnowledgeGen.Generator/" + file)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 3 && Regex.IsMatch(cells[0], @"^KG\d{4}$"))
                yield return (cells[0], cells[1], cells[2]);
        }
    }

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors()
    {
        // The descriptors are internal to the generator; the test reads them as the compiler would see them.
        var type = typeof(KnowledgeGenerator).Assembly.GetType("KnowledgeGen.Generator.Diagnostics.RoslynDescriptors", throwOnError: true)!;
        return (IReadOnlyList<DiagnosticDescriptor>)type.GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}

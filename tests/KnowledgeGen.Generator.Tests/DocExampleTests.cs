using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The examples of docs/diagnostics.md are true: a section's example YAML (its first ```yaml block followed at once by a
/// block of messages), read and linked as `validate` does beside a manifest (unless it writes its own) and the entities it refers to, gives every
/// message of that block, word for word, at the documented line and column. And every message line anywhere in a
/// section has the severity of its rule and reads as the rule's message format.
/// </summary>
public class DocExampleTests
{
    private static string RepoFile(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", relative));

    private const string Folder = "/pack/";
    private const string Manifest = "pack: { name: X, namespace: X, title: X, version: 1.0.0 }\n";
    private const string FahimDashti = "actors:\n  - { id: fahim-dashti, name: Fahim Dashti, kind: person }\n";

    /// <summary>What an example refers to without defining it, put in a file of its own.</summary>
    private static readonly Dictionary<string, string> Context = new()
    {
        ["KG0004"] = FahimDashti + "sources:\n  - { id: report-001, name: Report 1, kind: news-report }\n",
        ["KG0007"] = FahimDashti,
        ["KG0008"] = "places:\n  - { id: panjshir-valley, name: Panjshir Valley, kind: valley }\n",
        ["KG0010"] = FahimDashti,
        ["KG0011"] = FahimDashti,
        ["KG0017"] = FahimDashti,
    };

    /// <summary>Examples that cannot run alone, with the test that pins their message instead.</summary>
    private static readonly Dictionary<string, string> Exceptions = new()
    {
        // A fragment of the README's walk-through claim, checked against a document given to the build.
        ["KG0022"] = nameof(QuoteVerificationTests),
    };

    private static readonly Regex MessageLine = new(
        @"^(?<file>\S+\.kg\.yaml)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>KG\d{4}): (?<message>.+)$");

    private static readonly Lazy<IReadOnlyList<Section>> Sections = new(ReadSections);

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var section in Sections.Value.Where(s => s.Example is not null && !Exceptions.ContainsKey(s.Id)))
            data.Add(section.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_gives_the_documented_messages(string id)
    {
        var (yaml, messages) = Sections.Value.Single(s => s.Id == id).Example!.Value;
        var expected = messages.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.All(expected, line => Assert.Matches(MessageLine, line));

        var files = Files(yaml, MessageLine.Match(expected[0]).Groups["file"].Value);
        // An example that writes a manifest (one about the manifest) is the pack's; any other gets one beside it.
        var ownManifest = files.Any(f => Regex.IsMatch(f.Text, "^pack:", RegexOptions.Multiline));
        Assert.DoesNotContain(files, f => (!ownManifest && f.Path == Folder + "pack.kg.yaml") || f.Path == Folder + "context.kg.yaml");
        if (!ownManifest)
            files.Add((Folder + "pack.kg.yaml", Manifest));
        if (Context.TryGetValue(id, out var context))
            files.Add((Folder + "context.kg.yaml", context));

        var model = PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);
        // As validate prints them, with the file named as the example names it.
        var printed = model.Diagnostics.Select(d => d.ToString()).Select(l => l.StartsWith(Folder, StringComparison.Ordinal) ? l[Folder.Length..] : l).ToList();

        foreach (var line in expected)
            Assert.True(printed.Contains(line), $"docs/diagnostics.md, {id}: the example does not give\n  {line}\nbut\n  {string.Join("\n  ", printed)}");
        Assert.DoesNotContain(printed, l => l.Contains(" KG9999: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_example_runs_or_is_an_exception_that_still_has_an_example()
    {
        var withExample = Sections.Value.Where(s => s.Example is not null).Select(s => s.Id).ToList();
        Assert.All(Exceptions.Keys, id => Assert.Contains(id, withExample));
        Assert.True(withExample.Count - Exceptions.Count >= 20, "the examples were not found: " + string.Join(", ", withExample));
    }

    [Fact]
    public void Every_documented_message_reads_as_its_rule()
    {
        var checkedLines = 0;
        foreach (var section in Sections.Value)
        {
            foreach (var line in section.Blocks.Where(b => b.Language.Length == 0).SelectMany(b => b.Text.Split('\n')))
            {
                // A message with its place, or one that stands in no file.
                var match = Regex.Match(line, @"^(?:\S+\(\d+,\d+\): )?(?<severity>error|warning) (?<id>KG\d{4}): (?<message>.+)$");
                if (!match.Success)
                    continue;
                var rule = DiagnosticRules.ById(match.Groups["id"].Value);
                Assert.True(rule.Severity.ToString().ToLowerInvariant() == match.Groups["severity"].Value, $"{section.Id}: {line}");
                Assert.True(Format(rule).IsMatch(match.Groups["message"].Value), $"{section.Id}: the message does not read as {rule.Id}'s '{rule.MessageFormat}':\n{line}");
                checkedLines++;
            }
        }
        Assert.True(checkedLines >= 30, checkedLines + " message lines found");
    }

    /// <summary>A rule's message format as a pattern: its literal text, and anything for each argument.</summary>
    private static Regex Format(DiagnosticRule rule)
    {
        var pieces = Regex.Split(rule.MessageFormat, @"(?<!\{)\{\d+\}")
            .Select(p => Regex.Escape(p.Replace("{{", "{").Replace("}}", "}")));
        return new Regex("^" + string.Join(".*", pieces) + "$", RegexOptions.Singleline);
    }

    /// <summary>The example's files: one named by its messages, or several each under a '# name.kg.yaml' line.</summary>
    private static List<(string Path, string Text)> Files(string yaml, string messageFile)
    {
        var files = new List<(string Path, string Text)>();
        var lines = yaml.Split('\n');
        if (!Regex.IsMatch(lines[0], @"^# \S+\.kg\.yaml$"))
            return new() { (Folder + messageFile, yaml + "\n") };
        foreach (var line in lines)
        {
            if (Regex.Match(line, @"^# (\S+\.kg\.yaml)$") is { Success: true } header)
                files.Add((Folder + header.Groups[1].Value, ""));
            else
                files[^1] = (files[^1].Path, files[^1].Text + line + "\n");
        }
        return files;
    }

    private sealed record Block(string Language, string Text);

    private sealed record Section(string Id, IReadOnlyList<Block> Blocks)
    {
        /// <summary>The first YAML block that the next block, of messages, follows.</summary>
        public (string Yaml, string Messages)? Example
        {
            get
            {
                for (var i = 0; i + 1 < Blocks.Count; i++)
                    if (Blocks[i].Language == "yaml" && Blocks[i + 1].Language.Length == 0)
                        return (Blocks[i].Text, Blocks[i + 1].Text);
                return null;
            }
        }
    }

    private static IReadOnlyList<Section> ReadSections()
    {
        var docs = File.ReadAllText(RepoFile("docs/diagnostics.md")).Replace("\r\n", "\n");
        var headings = Regex.Matches(docs, @"^## (KG\d{4})\n", RegexOptions.Multiline);
        var sections = new List<Section> { new("introduction", Blocks(docs[..headings[0].Index])) };
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : docs.Length;
            sections.Add(new Section(headings[i].Groups[1].Value, Blocks(docs[headings[i].Index..end])));
        }
        return sections;
    }

    private static List<Block> Blocks(string text) =>
        Regex.Matches(text, @"^```(?<language>\w*)\n(?<text>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => new Block(m.Groups["language"].Value, Invisible(m.Groups["text"].Value)))
            .ToList();

    // The docs write a character that cannot be seen as <U+202E>; the example holds the character itself.
    private static string Invisible(string text) =>
        Regex.Replace(text, @"<U\+(?<code>[0-9A-F]{4,6})>", m => char.ConvertFromUtf32(int.Parse(m.Groups["code"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
}

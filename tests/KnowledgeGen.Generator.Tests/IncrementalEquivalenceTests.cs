using System.Text;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// Whatever the pipeline caches, one driver carried through a sequence of edits must produce exactly what a fresh
/// driver produces from the same files: the same generated text and the same diagnostics at the same offsets. The
/// edits mix those that leave the outlines equal (rewording, trailing spaces) with those that re-link the pack
/// (new lines, renames, broken and duplicated ids, removed fields, claims added).
/// </summary>
public class IncrementalEquivalenceTests
{
    private delegate string Edit(string text, Random random);

    private static readonly (string Name, Edit Apply)[] Edits =
    {
        ("reword a statement", (text, random) => Nth(text, "    statement: \"", random, at => text.Insert(at, "reworded " + random.Next(1000) + " "))),
        ("reword a quote", (text, random) => Nth(text, "        quote: \"", random, at => text.Insert(at, "also "))),
        ("add a comment line", (text, random) => Nth(text, "  - id: ", random, at => text.Insert(at, "  # a comment\n"))),
        ("trailing spaces", (text, _) => text.Replace("\n", "  \n")),
        ("rename an actor", (text, random) => Nth(text, "    name: Actor ", random, at => text.Insert(at + "    name: ".Length, "The "))),
        ("break a claimant", (text, random) => Nth(text, "    claimant: actor-", random, at => text.Insert(at + "    claimant: ".Length, "no-such-"))),
        ("duplicate an actor", (text, random) => Nth(text, "actors:\n", random, at => text.Insert(at + "actors:\n".Length,
            "  - id: actor-000001\n    name: A second actor one\n    kind: person\n"))),
        ("drop an alias list", (text, random) => Nth(text, "    aliases: [", random, at => text.Remove(at, text.IndexOf('\n', at) - at + 1))),
        // Updated by the pack-wide link rather than linked whole (IncrementalLink), unless an edit before it left a problem.
        ("add a claim", (text, random) => text.Contains("\nclaims:\n", StringComparison.Ordinal) ? SyntheticPack.AddClaim(text, random.Next(1_000_000)) : text),
        ("contradict itself", (text, random) => Nth(text, "  - id: claim-", random, at =>
            text.Insert(text.IndexOf('\n', at) + 1, "    supports: [" + text.Substring(at + "  - id: ".Length, "claim-000000".Length) + "]\n"))),
    };

    private static (string Name, int Index, string Text) Apply((string Name, Edit Apply) edit, List<AdditionalText> files, Random random)
    {
        var index = random.Next(files.Count);
        return (edit.Name, index, edit.Apply(files[index].GetText()!.ToString(), random));
    }

    // A claim that another claim supports or contradicts, reworded in its own file: the files that show its name (often
    // other files) must be written again although the pack is not linked again.
    private static (string Name, int Index, string Text) RewordLinkedClaim(List<AdditionalText> files, Random random)
    {
        var linked = files.SelectMany(f => Lines(f).Where(l => l.StartsWith("    supports: [", StringComparison.Ordinal) || l.StartsWith("    contradicts: [", StringComparison.Ordinal)))
            .Select(l => l.Substring(l.IndexOf('[') + 1, "claim-000000".Length)).Distinct().ToList();
        var id = linked[random.Next(linked.Count)];
        // An id is followed by the end of its line (and any trailing spaces an earlier edit added).
        var marker = "  - id: " + id;
        int Where(string t) => t.IndexOf(marker + "\n", StringComparison.Ordinal) is var at and >= 0 ? at : t.IndexOf(marker + " ", StringComparison.Ordinal);
        var index = files.FindIndex(f => Where(f.GetText()!.ToString()) >= 0);
        if (index < 0)
            return ("reword linked claim " + id + " (gone)", 0, files[0].GetText()!.ToString());
        var text = files[index].GetText()!.ToString();
        var at = text.IndexOf("    statement: \"", Where(text), StringComparison.Ordinal) + "    statement: \"".Length;
        return ("reword linked claim " + id, index, text.Insert(at, "reworded " + random.Next(1000) + " "));
    }

    private static IEnumerable<string> Lines(AdditionalText file) => file.GetText()!.ToString().Split('\n');

    // The text with edit applied at a random occurrence of marker; unchanged when the marker is absent.
    private static string Nth(string text, string marker, Random random, Func<int, string> edit)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            found.Add(at);
        return found.Count == 0 ? text : edit(found[random.Next(found.Count)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_driver_carried_through_edits_matches_a_fresh_run(int seed)
    {
        var random = new Random(seed);
        var files = SyntheticPack.Create(240, 6, seed).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        for (var step = 0; step < 14; step++)
        {
            var pick = random.Next(Edits.Length + 2);
            var (name, index, text) = pick < Edits.Length ? Apply(Edits[pick], files, random) : RewordLinkedClaim(files, random);
            var old = files[index];
            var edited = new InMemoryAdditionalText(old.Path, text);
            files[index] = edited;
            driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

            var fresh = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
            var context = $"seed {seed}, step {step}: {name} in {Path.GetFileName(old.Path)}";
            Assert.True(Output(fresh) == Output(driver), context + "\n" + FirstDifference(Output(fresh), Output(driver)));
        }
    }

    // Every generated file and every diagnostic (file, offsets, line, id, message), in a stable order.
    private static string Output(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        var builder = new StringBuilder();
        foreach (var source in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
            builder.Append("//----- ").Append(source.HintName).Append('\n').Append(source.SourceText).Append('\n');
        foreach (var d in result.Diagnostics.Select(Describe).OrderBy(d => d, StringComparer.Ordinal))
            builder.Append(d).Append('\n');
        return builder.ToString();
    }

    private static string Describe(Diagnostic d)
    {
        var line = d.Location.GetLineSpan();
        return $"{line.Path}[{d.Location.SourceSpan.Start}..{d.Location.SourceSpan.End}]({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}) {d.Id}: {d.GetMessage()}";
    }

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            at++;
        string Around(string s) => s.Substring(Math.Max(0, at - 200), Math.Min(400, s.Length - Math.Max(0, at - 200)));
        return $"fresh:\n{Around(expected)}\n---- incremental:\n{Around(actual)}";
    }
}

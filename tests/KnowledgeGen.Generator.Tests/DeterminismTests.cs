using System.Globalization;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The build hands additional files over in no promised order. Whatever the order, the generated sources
/// are byte for byte the same, and so are the diagnostics, in the order they are reported: which of two
/// duplicates is "the first" must not depend on it.
/// </summary>
public class DeterminismTests
{
    // Several fixtures together: a valid pack, mistakes of every stage, ids used in more than one file and
    // more than one manifest, so most diagnostics name another place in the pack.
    private static List<(string Path, string Text)> Files() =>
        GeneratorHarness.Fixture("starter")
            .Concat(GeneratorHarness.Fixture("broken"))
            .Concat(GeneratorHarness.Fixture("diagnostics/duplicate-id"))
            .Concat(GeneratorHarness.Fixture("diagnostics/duplicate-manifest"))
            .Concat(GeneratorHarness.Fixture("diagnostics/alias-collision"))
            .ToList();

    // Not sorted: the order the generator reports them in is part of what must not change.
    private static string Diagnostics(GeneratorRun run) => string.Join("\n", run.GeneratorDiagnostics.Select(d =>
        $"{d.Location.GetLineSpan()} {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"));

    private static IEnumerable<string> Sources(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName + "\n" + s.SourceText.ToString());

    [Fact]
    public void Any_order_of_the_input_files_gives_the_same_sources_and_diagnostics()
    {
        var files = Files();
        var expected = GeneratorHarness.Run(files);
        Assert.Contains(expected.GeneratorDiagnostics, d => d.Id == "KG0006");
        Assert.Contains(expected.GeneratorDiagnostics, d => d.Id == "KG0015");
        Assert.NotEmpty(expected.Sources);

        var random = new Random(1_000_003);
        var orders = Enumerable.Range(0, 8).Select(_ => files.OrderBy(_ => random.Next()).ToList()).ToList();
        orders.Add(Enumerable.Reverse(files).ToList());
        foreach (var order in orders)
        {
            var run = GeneratorHarness.Run(order);

            Assert.Equal(Sources(expected), Sources(run));
            Assert.Equal(Diagnostics(expected), Diagnostics(run));
        }
    }

    [Fact]
    public void The_generated_sources_are_the_same_wherever_the_packs_folder_lies_on_the_machine()
    {
        // A pack author's machine and a build agent: the generated code (and so the XML documentation a packed pack
        // ships) shows the files below the pack's folder, never the folders of the machine that built it.
        List<(string Path, string Text)> Under(string folder) =>
            GeneratorHarness.Fixture("starter").Select(f => (folder + f.Path.Replace("/fixtures/starter/", "knowledge/sub/"), f.Text)).ToList();

        var author = GeneratorHarness.Run(Under("/home/alice/Harbour Facts/"));
        var agent = GeneratorHarness.Run(Under("/builds/agent-7/"));

        Assert.Empty(author.GeneratorDiagnostics);
        Assert.Equal(Sources(author), Sources(agent));
        Assert.DoesNotContain(author.Sources, s => s.SourceText.ToString().Contains("alice", StringComparison.Ordinal));
        Assert.Contains(author.Sources, s => s.SourceText.ToString().Contains("The facts of actors.kg.yaml (file ", StringComparison.Ordinal));
    }
}

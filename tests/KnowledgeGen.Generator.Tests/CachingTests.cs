using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using System.Collections.Immutable;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static KnowledgeGen.Generator.KnowledgeGenerator;
using Reason = Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// One driver through a sequence of edits; after each, the tracked steps say exactly which outputs were
/// Cached (input unchanged), Unchanged (re-run, same value), Modified, New or Removed.
/// </summary>
public class CachingTests
{
    private readonly List<InMemoryAdditionalText> _files = GeneratorHarness.Fixture("starter").Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
    private Compilation _compilation = GeneratorHarness.Compilation("public class Program { }");
    private GeneratorDriver _driver;

    public CachingTests() => _driver = GeneratorHarness.CreateDriver(_files).RunGenerators(_compilation);

    private GeneratorRunResult Result => _driver.GetRunResult().Results.Single();

    // The reasons of a step's outputs, one per output, in the step's order.
    private List<Reason> Reasons(string step) =>
        Result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList() : new List<Reason>();

    // The reason of each file's output of a per-file step, by file name.
    private Dictionary<string, Reason> PerFile(string step, Func<object, string> path) =>
        Result.TrackedSteps[step].SelectMany(r => r.Outputs)
            .Where(o => o.Reason != Reason.Removed)
            .ToDictionary(o => Path.GetFileName(path(o.Value)), o => o.Reason);

    // Each file's input to its own link (what it says and its slice of the pack's link), and the link's output.
    private Dictionary<string, Reason> Slices() => PerFile(Steps.SliceFiles, v => ((FileInput)v).Spec.Path);

    private Dictionary<string, Reason> Links() => PerFile(Steps.LinkFile, v => ((FileModel)v).Path);

    // The other files' reasons: every file but the one named.
    private static IEnumerable<Reason> Others(Dictionary<string, Reason> reasons, string name) =>
        reasons.Where(r => r.Key != name).Select(r => r.Value);

    private InMemoryAdditionalText File(string name) => _files.Single(f => f.Path.EndsWith("/" + name, StringComparison.Ordinal));

    private void Replace(string name, Func<string, string> edit)
    {
        var old = File(name);
        var edited = new InMemoryAdditionalText(old.Path, edit(old.GetText()!.ToString()));
        _files[_files.IndexOf(old)] = edited;
        _driver = _driver.ReplaceAdditionalText(old, edited).RunGenerators(_compilation);
    }

    private static void AllAre(Reason expected, IEnumerable<Reason> reasons)
    {
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Edits_rerun_exactly_the_steps_whose_input_changed()
    {
        // A C# edit: only the referenced packs are read from the new compilation, and they come out equal,
        // so every YAML step is cached.
        _compilation = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public class Program { public int X; }", GeneratorHarness.ParseOptions, path: "Code0.cs"));
        _driver = _driver.RunGenerators(_compilation);
        AllAre(Reason.Unchanged, Reasons(Steps.ReferencedPacks));
        foreach (var step in new[] { Steps.ReadAhead, Steps.ReadFile, Steps.OutlineAhead, Steps.OutlineFile, Steps.ClaimNames, Steps.LinkPack, Steps.SlicePack,
                     Steps.SliceFiles, Steps.LinkFile, Steps.ChunkAhead, Steps.ChunkFile, Steps.EmitAhead, Steps.PackShape, Steps.Options })
            AllAre(Reason.Cached, Reasons(step));

        // One claim reworded (its name is its statement): that file is read again, and its outline (no free text) comes
        // out equal, so the pack is not linked again. Only that file is linked on its own again, with its new text; the
        // other files' inputs are equal (the claims linked with the reworded one are in its own file), so nothing else
        // is linked or written again, and the shape (with the file of the indexes, which joins the files' parts) stays cached.
        Replace("claims.kg.yaml", text => text.Replace("statement: The valley has fallen.", "statement: The valley has fallen at last."));
        Assert.Equal(new[] { Reason.Cached, Reason.Modified, Reason.Cached, Reason.Cached, Reason.Cached }.OrderBy(r => r), Reasons(Steps.ReadFile).OrderBy(r => r));
        Assert.Equal(new[] { Reason.Cached, Reason.Unchanged, Reason.Cached, Reason.Cached, Reason.Cached }.OrderBy(r => r), Reasons(Steps.OutlineFile).OrderBy(r => r));
        Assert.Equal(new[] { Reason.Cached, Reason.Modified, Reason.Cached, Reason.Cached, Reason.Cached }.OrderBy(r => r), Reasons(Steps.ClaimNames).OrderBy(r => r));
        foreach (var step in new[] { Steps.LinkPack, Steps.SlicePack, Steps.PackShape })
            AllAre(Reason.Cached, Reasons(step));
        Assert.Equal(Reason.Modified, Slices()["claims.kg.yaml"]);
        AllAre(Reason.Unchanged, Others(Slices(), "claims.kg.yaml"));
        Assert.Equal(Reason.Modified, Links()["claims.kg.yaml"]);
        AllAre(Reason.Cached, Others(Links(), "claims.kg.yaml"));
        Assert.Contains("The valley has fallen at last.", Result.GeneratedSources.Single(s => s.HintName == "Starter.Facts.claims.kg.g.cs").SourceText.ToString());

        // An actor renamed: names are in the outline (other files' docs and lookups show them), so the pack is linked
        // again; the files that name the actor get new inputs and are linked again, the others' inputs are equal.
        Replace("actors.kg.yaml", text => text.Replace("name: Daily Trust", "name: The Daily Trust"));
        AllAre(Reason.Modified, Reasons(Steps.LinkPack));
        Assert.Equal(Reason.Modified, Links()["actors.kg.yaml"]);
        Assert.Equal(Reason.Modified, Links()["claims.kg.yaml"]); // "Claimed by The Daily Trust"
        AllAre(Reason.Unchanged, Reasons(Steps.PackShape));

        // A whitespace-only change that adds lines moves every line and offset of the file but not their order: its
        // outline comes out equal and the pack is not linked again; only that file is linked on its own again, and it
        // comes out equal too: nothing is written again.
        Replace("places.kg.yaml", text => "\n# a comment\n" + text.Replace("\n", "  \n"));
        Assert.Contains(Reason.Modified, Reasons(Steps.ReadFile));
        Assert.Contains(Reason.Unchanged, Reasons(Steps.OutlineFile));
        Assert.DoesNotContain(Reason.Modified, Reasons(Steps.OutlineFile));
        AllAre(Reason.Cached, Reasons(Steps.LinkPack));
        AllAre(Reason.Cached, Reasons(Steps.SlicePack));
        Assert.Equal(Reason.Modified, Slices()["places.kg.yaml"]);
        AllAre(Reason.Unchanged, Others(Slices(), "places.kg.yaml"));
        Assert.Equal(Reason.Unchanged, Links()["places.kg.yaml"]);
        AllAre(Reason.Cached, Others(Links(), "places.kg.yaml"));
        AllAre(Reason.Cached, Reasons(Steps.PackShape));

        // A file added (it sorts last): its input and link are new, the shape gains its place, the other files' inputs are equal.
        var added = new InMemoryAdditionalText("/fixtures/starter/zz-more-places.kg.yaml", "places:\n  - id: bazarak\n    name: Bazarak\n    kind: town\n");
        _files.Add(added);
        _driver = _driver.AddAdditionalTexts(new AdditionalText[] { added }.ToImmutableArray()).RunGenerators(_compilation);
        Assert.Contains(Reason.New, Reasons(Steps.ReadFile));
        Assert.Equal(Reason.New, Slices()["zz-more-places.kg.yaml"]);
        Assert.Equal(Reason.New, Links()["zz-more-places.kg.yaml"]);
        AllAre(Reason.Unchanged, Others(Slices(), "zz-more-places.kg.yaml"));
        AllAre(Reason.Cached, Others(Links(), "zz-more-places.kg.yaml"));
        AllAre(Reason.Modified, Reasons(Steps.PackShape));
        Assert.Contains(Result.GeneratedSources, s => s.HintName == "Starter.Facts.zz-more-places.kg.g.cs");

        // ... and removed again: its input and link are removed, the shape loses the place, the other files' inputs are equal.
        _driver = _driver.RemoveAdditionalTexts(new AdditionalText[] { added }.ToImmutableArray()).RunGenerators(_compilation);
        Assert.Contains(Reason.Removed, Reasons(Steps.ReadFile));
        Assert.Contains(Reason.Removed, Reasons(Steps.SliceFiles));
        Assert.Contains(Reason.Removed, Reasons(Steps.LinkFile));
        AllAre(Reason.Unchanged, Slices().Values);
        AllAre(Reason.Cached, Links().Values);
        AllAre(Reason.Modified, Reasons(Steps.PackShape));
        Assert.DoesNotContain(Result.GeneratedSources, s => s.HintName.Contains("zz-more-places"));
    }

    [Fact]
    public void A_language_tag_made_ill_formed_is_warned_about_by_its_file_alone_without_linking_the_pack_again()
    {
        // A source's language is free text to the outline, so the pack's link is not run again: the warning comes from
        // reading the file, and only that file is linked on its own again (its model now holds the warning).
        Replace("sources.kg.yaml", text => text.Replace("language: en\n", "language: English\n"));

        foreach (var step in new[] { Steps.LinkPack, Steps.SlicePack, Steps.PackShape })
            AllAre(Reason.Cached, Reasons(step));
        Assert.Equal(Reason.Modified, Links()["sources.kg.yaml"]);
        AllAre(Reason.Cached, Others(Links(), "sources.kg.yaml"));
        var warning = Assert.Single(_driver.GetRunResult().Diagnostics);
        Assert.Equal("KG0030", warning.Id);
        Assert.EndsWith("sources.kg.yaml", warning.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_claim_added_links_the_pack_again_and_rewrites_only_the_files_whose_model_changed()
    {
        string Generated(string hint) => Result.GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();
        var indexes = Generated("Starter.Facts.Indexes.g.cs");

        // A claim by the Daily Trust citing report-001: the pack is linked again and its shape changes (one more claim).
        Replace("claims.kg.yaml", text => text + """
              - id: valley-held
                statement: The valley held.
                claimant: daily-trust
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
            """);
        AllAre(Reason.Modified, Reasons(Steps.LinkPack));
        AllAre(Reason.Modified, Reasons(Steps.PackShape));

        // The claim's own file is linked and written again with its part of the indexes, and so are the files whose
        // entities' docs count it (the claimant's claims, the report's citations); the places' file is not touched.
        var links = Links();
        Assert.Equal(Reason.Modified, links["claims.kg.yaml"]);
        Assert.Equal(Reason.Modified, links["actors.kg.yaml"]);
        Assert.Equal(Reason.Modified, links["sources.kg.yaml"]);
        Assert.Equal(Reason.Cached, links["places.kg.yaml"]);
        Assert.Contains("public static global::KnowledgeGen.Claim ValleyHeld", Generated("Starter.Facts.claims.kg.g.cs"));

        // The file that joins the indexes names the same files' parts: its text is as it was.
        Assert.Equal(indexes, Generated("Starter.Facts.Indexes.g.cs"));
    }

    [Fact]
    public void Every_model_between_steps_compares_by_value()
    {
        var text = File("claims.kg.yaml").GetText()!.ToString();
        var first = PackFileReader.Read("/p/claims.kg.yaml", text);
        var second = PackFileReader.Read("/p/claims.kg.yaml", new string(text.AsSpan()));
        Assert.NotSame(first, second);
        Assert.Equal(first, second);

        var files = _files.Select(f => PackFileReader.Read(f.Path, f.GetText()!.ToString())).ToList();
        var pack = PackLinker.Link(files, PackOptions.Default);
        var again = PackLinker.Link(files.AsEnumerable().Reverse(), PackOptions.Default);
        Assert.Equal(pack, again);
        Assert.Equal(PackSlicer.Files(pack).ToArray(), PackSlicer.Files(again).ToArray());
        Assert.Equal(PackSlicer.Shape(pack), PackSlicer.Shape(again));
        Assert.Equal(PackSlicer.Files(pack).Select(IndexBuilder.Build).ToArray(), PackSlicer.Files(again).Select(IndexBuilder.Build).ToArray());
        Assert.Equal(PackSlicer.Files(pack).SelectMany(f => FileChunks.Split(f)).ToArray(), PackSlicer.Files(again).SelectMany(f => FileChunks.Split(f)).ToArray());

        // A large file's chunks too, its index chunk among them, from a second link of the same files.
        var large = SyntheticPack.Create(600, 1).Select(f => PackFileReader.Read(f.Path, f.Text)).ToList();
        var chunks = FileChunks.Split(PackSlicer.Files(PackLinker.Link(large, PackOptions.Default))[0]);
        var chunksAgain = FileChunks.Split(PackSlicer.Files(PackLinker.Link(large, PackOptions.Default))[0]);
        Assert.True(chunks.Length > 2);
        Assert.Equal(chunks.ToArray(), chunksAgain.ToArray());
    }

    [Fact]
    public void Generated_file_names_are_unique_and_stable_for_files_of_the_same_name_in_different_folders()
    {
        var yaml = "places:\n  - id: {0}\n    name: {0}\n    kind: town\n";
        var files = new List<(string Path, string Text)>
        {
            ("/pack/pack.kg.yaml", "pack: { name: Twins, namespace: Twins.Facts, title: Twins, version: 1.0.0 }\n"),
            ("/pack/north/places.kg.yaml", string.Format(yaml, "north-town")),
            ("/pack/south/places.kg.yaml", string.Format(yaml, "south-town")),
            ("/pack/south/pla ces.kg.yaml", string.Format(yaml, "south-village")),
            ("/pack/south/pla_ces.kg.yaml", string.Format(yaml, "south-hamlet")),
        };

        var run = GeneratorHarness.Run(files);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var names = run.Sources.Select(s => s.HintName).Where(n => n.EndsWith(".kg.g.cs", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[]
        {
            "Twins.Facts.north.places.kg.g.cs", "Twins.Facts.south.pla_ces.kg.g.cs", "Twins.Facts.south.pla_ces_2.kg.g.cs", "Twins.Facts.south.places.kg.g.cs",
        }, names);
        var reversed = GeneratorHarness.Run(files.AsEnumerable().Reverse());
        Assert.Equal(run.GeneratedText(), reversed.GeneratedText());
    }
}

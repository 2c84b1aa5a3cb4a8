using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The pipeline re-runs only what an edit touches, as its tracked steps show.</summary>
public class IncrementalTests
{
    private static (GeneratorDriver Driver, Compilation Compilation, List<InMemoryAdditionalText> Files) FirstRun()
    {
        var files = GeneratorHarness.Fixture("starter").Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var compilation = GeneratorHarness.Compilation("public class Program { }");
        var driver = GeneratorHarness.CreateDriver(files);
        driver = driver.RunGenerators(compilation);
        return (driver, compilation, files);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void An_edit_to_a_csharp_file_reruns_no_yaml_step()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public class Program { public int X; }", GeneratorHarness.ParseOptions, path: "Code0.cs"));

        driver = driver.RunGenerators(edited);

        Assert.All(Reasons(driver, KnowledgeGenerator.Steps.ReadFile), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, KnowledgeGenerator.Steps.LinkPack), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.NotEmpty(Reasons(driver, KnowledgeGenerator.Steps.ReadFile));
    }

    [Fact]
    public void An_edit_to_one_yaml_file_rereads_only_that_file()
    {
        var (driver, compilation, files) = FirstRun();
        var places = files.Single(f => f.Path.EndsWith("places.kg.yaml"));
        var edited = new InMemoryAdditionalText(places.Path, places.GetText()!.ToString().Replace("name: Afghanistan", "name: Islamic Republic of Afghanistan"));

        driver = driver.ReplaceAdditionalText(places, edited).RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[KnowledgeGenerator.Steps.ReadFile];
        var modified = steps.Where(s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified)).ToList();
        var read = Assert.Single(modified);
        Assert.Equal(places.Path, ((Model.FileSpec)read.Outputs.Single().Value).Path);
        Assert.Equal(files.Count - 1, steps.Count(s => s.Outputs.All(o => o.Reason == IncrementalStepRunReason.Cached)));
        Assert.All(Reasons(driver, KnowledgeGenerator.Steps.LinkPack), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
    }

    [Fact]
    public void Shuffled_input_files_give_byte_identical_sources()
    {
        var files = GeneratorHarness.Fixture("starter");
        var expected = GeneratorHarness.Run(files).GeneratedText();
        var random = new Random(20210902);
        for (var i = 0; i < 5; i++)
        {
            var shuffled = files.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, GeneratorHarness.Run(shuffled).GeneratedText());
        }
    }

    // Referenced fact packs are read from the compilation, which every edit replaces; their model compares
    // by value, so an edit that changes no referenced pack re-runs no YAML step.
    [Fact]
    public void A_csharp_edit_leaves_the_referenced_packs_unchanged_and_the_yaml_steps_cached()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText("/second/pack.kg.yaml", CrossPackTests.Manifest),
            new InMemoryAdditionalText("/second/facts.kg.yaml", CrossPackTests.Facts),
        };
        var compilation = CrossPackTests.Consumer();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public class Program { public int X; }", GeneratorHarness.ParseOptions, path: "Code0.cs"));

        driver = driver.RunGenerators(edited);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var referenced = Assert.Single(steps[KnowledgeGenerator.Steps.ReferencedPacks].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Unchanged, referenced.Reason);
        Assert.Contains(((Linking.ReferencedPacksModel)referenced.Value).Entities, e => e.Member == "global::Starter.Facts.Actors.FahimDashti");
        Assert.All(steps[KnowledgeGenerator.Steps.ReadFile].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(steps[KnowledgeGenerator.Steps.LinkPack].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}

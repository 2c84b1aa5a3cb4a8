using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static KnowledgeGen.Generator.KnowledgeGenerator;
using Reason = Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A run reads the files it has not read yet side by side, before the Read step asks for them one at a time, and the
/// Read step then gives exactly what reading each file alone gives (ReadAhead).
/// </summary>
public class ReadAheadTests
{
    // Texts made for this test alone: what the generator read ahead is kept by the text object.
    private readonly List<InMemoryAdditionalText> _files = SyntheticPack.Create(300, 6).Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
    private readonly Compilation _compilation = GeneratorHarness.Compilation("public class Program { }");

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        Result(driver).TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();

    // How many files the run read ahead: the read-ahead step's value.
    private static int ReadAheadCount(GeneratorDriver driver) => (int)Result(driver).TrackedSteps[Steps.ReadAhead].Single().Outputs.Single().Value;

    // The generator's own record of what it read ahead for a text (ReadAhead.Taken, internal).
    private static FileSpec? Taken(AdditionalText text) =>
        (FileSpec?)typeof(KnowledgeGenerator).Assembly.GetType("KnowledgeGen.Generator.Reading.ReadAhead", throwOnError: true)!
            .GetMethod("Taken", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { text });

    [Fact]
    public void A_full_run_reads_every_file_ahead_and_the_read_step_gives_that_result_equal_to_reading_the_file_alone()
    {
        var driver = GeneratorHarness.CreateDriver(_files).RunGenerators(_compilation);

        Assert.Equal(_files.Count, ReadAheadCount(driver));
        var read = Result(driver).TrackedSteps[Steps.ReadFile].SelectMany(r => r.Outputs).Select(o => (FileSpec)o.Value).ToList();
        Assert.Equal(_files.Count, read.Count);
        foreach (var file in _files)
        {
            var spec = read.Single(s => s.Path == file.Path);
            Assert.Same(Taken(file), spec); // taken from the read-ahead, not read a second time
            Assert.Equal(PackFileReader.Read(file.Path, file.GetText()!.ToString(), Encoding.UTF8), spec);
        }
        Assert.Empty(Result(driver).Diagnostics);
    }

    [Fact]
    public void An_edit_to_one_file_is_read_by_the_read_step_files_added_together_are_read_ahead_and_a_csharp_edit_reads_nothing()
    {
        var driver = GeneratorHarness.CreateDriver(_files).RunGenerators(_compilation);
        Assert.Equal(_files.Count, ReadAheadCount(driver));

        // A C# edit: the read-ahead step is cached with every other YAML step.
        var edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public class Program { public int X; }", GeneratorHarness.ParseOptions, path: "Code0.cs"));
        driver = driver.RunGenerators(edited);
        Assert.All(Reasons(driver, Steps.ReadAhead), r => Assert.Equal(Reason.Cached, r));
        Assert.All(Reasons(driver, Steps.ReadFile), r => Assert.Equal(Reason.Cached, r));

        // One file edited: nothing to read side by side, so the Read step reads it, and only it.
        var old = _files[2];
        var changed = new InMemoryAdditionalText(old.Path, SyntheticPack.EditStatement(old.GetText()!.ToString(), 1));
        driver = driver.ReplaceAdditionalText(old, changed).RunGenerators(edited);
        Assert.Equal(0, ReadAheadCount(driver));
        Assert.NotNull(Taken(changed)); // kept, so that a later run does not read it again
        Assert.Equal(new[] { Reason.Modified }, Reasons(driver, Steps.ReadFile).Where(r => r != Reason.Cached));
        Assert.Contains("(revised 1) ", string.Concat(Result(driver).GeneratedSources.Select(s => s.SourceText.ToString())));

        // Two files added at once: both read ahead.
        var added = new[]
        {
            new InMemoryAdditionalText("/synthetic/more/a.kg.yaml", "places:\n  - id: bazarak\n    name: Bazarak\n    kind: town\n"),
            new InMemoryAdditionalText("/synthetic/more/b.kg.yaml", "places:\n  - id: rokha\n    name: Rokha\n    kind: town\n"),
        };
        driver = driver.AddAdditionalTexts(added.ToImmutableArray<AdditionalText>()).RunGenerators(edited);
        Assert.Equal(2, ReadAheadCount(driver));
        Assert.All(added, text => Assert.NotNull(Taken(text)));
        Assert.Equal(2, Reasons(driver, Steps.ReadFile).Count(r => r == Reason.New));
        Assert.Empty(Result(driver).Diagnostics);
    }
}

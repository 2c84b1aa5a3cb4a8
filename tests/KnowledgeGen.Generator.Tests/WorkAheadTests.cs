using System.Collections.Immutable;
using System.Reflection;
using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static KnowledgeGen.Generator.KnowledgeGenerator;
using Reason = Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A run outlines its new files, cuts its new linked files into chunks and writes its new chunks' code side by side,
/// before each step asks for them one at a time, and each step then gives exactly what doing its item alone gives
/// (<see cref="WorkAhead{TItem, TResult}"/>; reading is in <see cref="ReadAheadTests"/>).
/// </summary>
public class WorkAheadTests
{
    // Texts made for this test alone: what the generator worked out ahead is kept by the item object.
    private readonly List<InMemoryAdditionalText> _files = SyntheticPack.Create(300, 6).Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
    private readonly Compilation _compilation = GeneratorHarness.Compilation("public class Program { }");

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static List<object> Values(GeneratorDriver driver, string step) =>
        Result(driver).TrackedSteps[step].SelectMany(r => r.Outputs).Where(o => o.Reason != Reason.Removed).Select(o => o.Value).ToList();

    private static List<Reason> Reasons(GeneratorDriver driver, string step) =>
        Result(driver).TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();

    // How many outputs of a step are new to the steps after it: new or modified.
    private static int NewTo(GeneratorDriver driver, string step) => Reasons(driver, step).Count(r => r is Reason.New or Reason.Modified);

    // Chunking and writing worked ahead on exactly the linked files and chunks new to them, when there were two or more.
    private static void AheadOnWhatIsNew(GeneratorDriver driver)
    {
        static int Expected(int items) => items < 2 ? 0 : items;
        Assert.Equal(Expected(NewTo(driver, Steps.LinkFile)), Ahead(driver, Steps.ChunkAhead));
        Assert.Equal(Expected(NewTo(driver, Steps.ChunkFile)), Ahead(driver, Steps.EmitAhead));
    }

    // How many items a step worked on ahead in the run: the ahead step's value.
    private static int Ahead(GeneratorDriver driver, string step) => (int)Values(driver, step).Single();

    // The generator's own record of what it worked out ahead (private tables of KnowledgeGenerator).
    private static WorkAhead<TItem, TResult> Table<TItem, TResult>(string name) where TItem : class =>
        (WorkAhead<TItem, TResult>)typeof(KnowledgeGenerator).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static TResult Kept<TItem, TResult>(string table, TItem item) where TItem : class
    {
        Assert.True(Table<TItem, TResult>(table).TryTake(item, out var result), "not kept");
        return result;
    }

    [Fact]
    public void A_full_run_outlines_chunks_and_writes_every_item_ahead_and_the_steps_give_what_each_item_gives_alone()
    {
        var driver = GeneratorHarness.CreateDriver(_files).RunGenerators(_compilation);

        var specs = Values(driver, Steps.ReadFile).Cast<FileSpec>().ToList();
        var outlines = Values(driver, Steps.OutlineFile).Cast<FileSpec>().ToList();
        Assert.Equal(_files.Count, Ahead(driver, Steps.OutlineAhead));
        Assert.Equal(_files.Count, outlines.Count);
        foreach (var spec in specs)
        {
            var outline = outlines.Single(o => o.Path == spec.Path);
            Assert.Same(Kept<FileSpec, FileSpec>("Outlines", spec), outline); // taken from the work ahead, not done a second time
            Assert.Equal(FileOutline.Of(spec), outline);
        }

        var models = Values(driver, Steps.LinkFile).Cast<FileModel>().ToList();
        var chunks = Values(driver, Steps.ChunkFile).Cast<FileChunk>().ToList();
        Assert.Equal(models.Count, Ahead(driver, Steps.ChunkAhead));
        foreach (var model in models)
        {
            var split = Kept<FileModel, ImmutableArray<FileChunk>>("Chunks", model);
            // By the records' own equality, as the driver compares them (xunit's would walk their arrays as lists).
            Assert.True(FileChunks.Split(model).SequenceEqual(split));
            Assert.True(split.SequenceEqual(chunks.Where(c => c.File.Path == model.Path)));
        }

        Assert.Equal(chunks.Count, Ahead(driver, Steps.EmitAhead));
        var sources = Result(driver).GeneratedSources;
        foreach (var chunk in chunks)
        {
            var written = Kept<FileChunk, GeneratedFile?>("Code", chunk);
            Assert.NotNull(written);
            Assert.Equal(PackEmitter.EmitChunk(chunk), written);
            Assert.Equal(written!.Text, sources.Single(s => s.HintName == written.HintName).SourceText.ToString());
        }
        Assert.Empty(Result(driver).Diagnostics);
    }

    [Fact]
    public void An_edit_to_one_file_is_done_by_the_steps_files_added_together_are_done_ahead_and_a_csharp_edit_does_nothing()
    {
        var driver = GeneratorHarness.CreateDriver(_files).RunGenerators(_compilation);

        // A C# edit: the ahead steps are cached with every other YAML step.
        var edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public class Program { public int X; }", GeneratorHarness.ParseOptions, path: "Code0.cs"));
        driver = driver.RunGenerators(edited);
        foreach (var step in new[] { Steps.OutlineAhead, Steps.ChunkAhead, Steps.EmitAhead })
            Assert.All(Reasons(driver, step), r => Assert.Equal(Reason.Cached, r));

        // One claim reworded: one new outline, done by its step. Its file is linked again, and so are the files that show
        // the claim's name (its statement): each step works ahead on exactly the items that are new to it, when there are two
        // or more; the driver hands it the very items of the run before for the rest (an output equal to the one before is
        // replaced by it).
        var old = _files[2];
        var changed = new InMemoryAdditionalText(old.Path, SyntheticPack.EditStatement(old.GetText()!.ToString(), 1));
        driver = driver.ReplaceAdditionalText(old, changed).RunGenerators(edited);
        Assert.Equal(0, Ahead(driver, Steps.OutlineAhead));
        Assert.InRange(NewTo(driver, Steps.LinkFile), 1, _files.Count - 1);
        AheadOnWhatIsNew(driver);
        foreach (var output in Result(driver).TrackedSteps[Steps.ChunkFile].SelectMany(r => r.Outputs).Where(o => o.Reason == Reason.Modified))
        {
            var written = Kept<FileChunk, GeneratedFile?>("Code", (FileChunk)output.Value); // kept, so that a later run does not write it again
            Assert.Equal(written!.Text, Result(driver).GeneratedSources.Single(s => s.HintName == written.HintName).SourceText.ToString());
        }
        Assert.Contains("(revised 1) ", string.Concat(Result(driver).GeneratedSources.Select(s => s.SourceText.ToString())));

        // Two files added at once: both outlined ahead. They sort last, so the other files keep their place and their links.
        var added = new[]
        {
            new InMemoryAdditionalText("/synthetic/zz-more/a.kg.yaml", "places:\n  - id: bazarak\n    name: Bazarak\n    kind: town\n"),
            new InMemoryAdditionalText("/synthetic/zz-more/b.kg.yaml", "places:\n  - id: rokha\n    name: Rokha\n    kind: town\n"),
        };
        driver = driver.AddAdditionalTexts(added.ToImmutableArray<AdditionalText>()).RunGenerators(edited);
        Assert.Equal(2, Ahead(driver, Steps.OutlineAhead));
        Assert.Equal(2, NewTo(driver, Steps.LinkFile));
        AheadOnWhatIsNew(driver);
        Assert.Contains(Result(driver).GeneratedSources, s => s.SourceText.ToString().Contains("Rokha", StringComparison.Ordinal));
        Assert.Empty(Result(driver).Diagnostics);
    }

    [Fact]
    public void Under_a_csharp_version_that_cannot_compile_the_code_no_code_is_written_ahead()
    {
        var older = new CSharpParseOptions(LanguageVersion.CSharp10);
        var driver = GeneratorHarness.CreateDriver(_files).WithUpdatedParseOptions(older).RunGenerators(_compilation);

        Assert.Equal(0, Ahead(driver, Steps.EmitAhead));
        Assert.Empty(Result(driver).GeneratedSources);
        Assert.Equal("KG0034", Assert.Single(Result(driver).Diagnostics).Id);
    }

    // The helper itself, on items of its own.
    private sealed class Item(int number)
    {
        public int Number { get; } = number;
    }

    [Fact]
    public void Work_that_fails_ahead_is_not_kept_and_the_step_meets_the_failure_itself()
    {
        var ahead = new WorkAhead<Item, string>();
        var items = Enumerable.Range(0, 4).Select(n => new Item(n)).ToImmutableArray();
        var calls = 0;
        string Work(Item item, CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return item.Number == 2 ? throw new InvalidOperationException("item 2 cannot be done") : "done " + item.Number;
        }

        Assert.Equal(4, ahead.Run(items, Work, CancellationToken.None));
        Assert.Equal(4, calls);
        Assert.False(ahead.TryTake(items[2], out _));
        Assert.True(ahead.TryTake(items[3], out var third));
        Assert.Equal("done 3", third);

        // The step takes what was done, and does again what failed, where its own error handling reports it.
        Assert.Equal("done 0", ahead.Get(items[0], Work, CancellationToken.None));
        Assert.Equal(4, calls);
        Assert.Equal("item 2 cannot be done", Assert.Throws<InvalidOperationException>(() => ahead.Get(items[2], Work, CancellationToken.None)).Message);
        Assert.Equal(5, calls);
    }

    [Fact]
    public void An_item_is_done_once_and_fewer_than_two_items_left_are_left_to_the_step()
    {
        var ahead = new WorkAhead<Item, int>();
        var (a, b, c) = (new Item(1), new Item(2), new Item(3));
        var calls = 0;
        int Work(Item item, CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return item.Number * 10;
        }

        // One item left: nothing done ahead. The step does it, and keeps it.
        Assert.Equal(0, ahead.Run(ImmutableArray.Create(a), Work, CancellationToken.None));
        Assert.Equal(0, calls);
        Assert.Equal(10, ahead.Get(a, Work, CancellationToken.None));
        Assert.Equal(1, calls);

        // An item listed twice is one item; one done before is not done again.
        Assert.Equal(2, ahead.Run(ImmutableArray.Create(a, b, c, b), Work, CancellationToken.None));
        Assert.Equal(3, calls);
        Assert.Equal(0, ahead.Run(ImmutableArray.Create(a, b, c), Work, CancellationToken.None));
        Assert.Equal(3, calls);
        Assert.Equal(30, ahead.Get(c, Work, CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void A_cancelled_run_throws_the_cancellation_the_driver_expects()
    {
        var ahead = new WorkAhead<Item, int>();
        var items = Enumerable.Range(0, 8).Select(n => new Item(n)).ToImmutableArray();
        using var cancel = new CancellationTokenSource();
        int Work(Item item, CancellationToken token)
        {
            if (item.Number == 3)
                cancel.Cancel();
            token.ThrowIfCancellationRequested();
            return item.Number;
        }

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => ahead.Run(items, Work, cancel.Token));
        Assert.Equal(cancel.Token, thrown.CancellationToken);
        Assert.False(ahead.TryTake(items[3], out _));
    }
}

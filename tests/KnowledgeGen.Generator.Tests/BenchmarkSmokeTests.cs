using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGen.Benchmarks;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The benchmark program's quick mode runs end to end and prints every row and ratio. No timing is asserted.</summary>
public class BenchmarkSmokeTests
{
    [Fact]
    public void The_YAML_side_reads_a_pack_with_more_files_than_facts_whose_spare_files_are_empty()
    {
        // 100 facts over 100 files leaves files with nothing in them: YamlDotNet gives no document for those.
        var files = SyntheticPack.Create(100, 100);
        Assert.Contains(files, f => f.Text.Trim().Length == 0);
        var folder = Directory.CreateTempSubdirectory("knowledgegen-yaml-baseline-").FullName;
        try
        {
            foreach (var (path, text) in files)
            {
                var target = Path.Combine(folder, path.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
            var (read, byId) = YamlBaseline.Load(folder);
            Assert.Equal(100, read.Count);
            Assert.Equal(100, byId.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_quick_benchmark_prints_every_row_with_a_figure_for_each_size()
    {
        var output = new StringWriter();
        var log = new StringWriter();

        var exit = Benchmark.Run(new[] { "--quick" }, output, log);

        Assert.True(exit == 0, log.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("| measure (20 files) | 100 facts | 400 facts | growth 4× facts |", lines[0]);
        Assert.Equal(Benchmark.RowNames.Length + 3, lines.Length);
        // The quick mode publishes nothing ahead of time: its typed children run the library and the pack as IL, and the table says so.
        Assert.Equal(Benchmark.RuntimeLine + "the KnowledgeGen library and the pack as IL, compiled by the JIT (--runtime il).", lines[^1]);
        Assert.Equal(2, log.ToString().Split('\n').Count(l => l.StartsWith("  e typed children loaded the pack ", StringComparison.Ordinal)
            && l.Contains("Synthetic.Facts.dll (IL) and the library ", StringComparison.Ordinal)));
        foreach (var (name, line) in Benchmark.RowNames.Zip(lines.Skip(2)))
        {
            Assert.StartsWith("| " + name + " |", line);
            var cells = line.Split('|', StringSplitOptions.TrimEntries)[2..4];
            Assert.All(cells, cell => Assert.Matches(new Regex(@"^[0-9][0-9,]*(\.[0-9]+)?$"), cell));
        }
        Assert.Contains(Benchmark.RowNames, n => n == "b/a");
        Assert.Contains(Benchmark.RowNames, n => n == "c/b, a claim reworded");
        Assert.Contains(Benchmark.RowNames, n => n == "e(YAML)/e(typed), first access");
        Assert.Contains(Benchmark.RowNames, n => n == "e(YAML)/e(typed), enumeration");
        // A C#-only edit re-runs no step of the generator: the row is measured, not assumed.
        Assert.Contains(lines, l => l.StartsWith("| c. generator steps re-run after the C# edit (count) | 0 | 0 |", StringComparison.Ordinal));
        // The log says how soon a fresh process like the run-time children is first collected: measured in a child, so
        // some memory was allocated before it.
        var first = Regex.Match(log.ToString(), @"^# a fresh process with the children's collector \(workstation\) is first collected after ([0-9]+\.[0-9]{2}) MB allocated, which pauses it ([0-9]+\.[0-9]) ms\r?$", RegexOptions.Multiline);
        Assert.True(first.Success, log.ToString());
        Assert.True(double.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture) > 0, first.Value);
        // And, for each size, how reading side by side went on this machine, against one thread.
        var sideBySide = Regex.Matches(log.ToString(), @"^  reading side by side on ([0-9]+) cores, as a full run reads: the generator's read [0-9]+ ms \(on one thread [0-9]+\), YamlDotNet's parser alone [0-9]+ ms \(on one thread [0-9]+\)\r?$", RegexOptions.Multiline);
        Assert.Equal(2, sideBySide.Count);
        Assert.All(sideBySide, m => Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), m.Groups[1].Value));
    }

    // The full benchmark's typed children run the library and the pack as their packages ship them on this platform:
    // compiled ahead of time on the platforms KnowledgeGenReadyToRunPlatforms names. Each child reports the library and
    // the pack it loaded, and whether the pack's file is a ReadyToRun image; the benchmark fails the row if that is not
    // what it published, and logs what the children loaded.
    [Fact]
    public void With_the_library_compiled_ahead_of_time_the_typed_children_run_that_copy_and_the_pack_compiled_ahead_of_time()
    {
        var output = new StringWriter();
        var log = new StringWriter();

        var exit = Benchmark.Run(new[] { "--quick", "--runtime", "readytorun" }, output, log);

        Assert.True(exit == 0, log.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var precompiled = platform is "linux-x64" or "win-x64";
        if (precompiled)
            Assert.Equal(Benchmark.RuntimeLine + $"the KnowledgeGen library and the pack compiled ahead of time (ReadyToRun) for {platform}, as the packages ship them.", lines[^1]);
        else
            Assert.Equal(Benchmark.RuntimeLine + $"the KnowledgeGen library and the pack as IL, compiled by the JIT (the package ships no ReadyToRun copy for {platform}, only for linux-x64;win-x64).", lines[^1]);
        // Every typed figure is a number: a child that ran another copy of the library, or the pack as another kind of
        // image, would have made it "fails".
        Assert.All(lines.Where(l => l.StartsWith("| e. typed", StringComparison.Ordinal)),
            line => Assert.Matches(new Regex(@"^\| e\. typed[^|]*\| [0-9][0-9,.]* \| [0-9][0-9,.]* \|"), line));
        Assert.DoesNotContain("ran the KnowledgeGen library at", log.ToString());
        Assert.DoesNotContain("loaded the pack at", log.ToString());
        Assert.DoesNotContain("typed figures fail", log.ToString());
        // What the children said they loaded, once per size: the pack as a ReadyToRun image where the package ships one.
        var loaded = log.ToString().Split('\n').Where(l => l.StartsWith("  e typed children loaded the pack ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, loaded.Count);
        Assert.All(loaded, line => Assert.Matches(new Regex(@"Synthetic\.Facts\.dll \(" + (precompiled ? "a ReadyToRun image" : "IL") + @"\) and the library "), line));
    }

    [Theory]
    [InlineData("--runtime takes readytorun or il, not 'aot'", "--quick", "--runtime", "aot")]
    [InlineData("--runtime needs a value", "--quick", "--runtime")]
    [InlineData("--sizes needs a value", "--quick", "--sizes")]
    [InlineData("--sizes takes fact counts above 0 separated by commas, such as 1000,10000, not '1000,ten'", "--sizes", "1000,ten")]
    [InlineData("--sizes takes fact counts above 0 separated by commas, such as 1000,10000, not '0'", "--sizes", "0")]
    [InlineData("--files takes a number of files above 0, not '-5'", "--quick", "--files", "-5")]
    [InlineData("every size needs at least 100 facts, one per file (--files 100) and 4 in all: 10 is fewer", "--sizes", "10")]
    [InlineData("every size needs at least 30 facts, one per file (--files 30) and 4 in all: 20 is fewer", "--quick", "--sizes", "100,20", "--files", "30")]
    [InlineData("every size needs at least 4 facts, one per file (--files 1) and 4 in all: 3 is fewer", "--sizes", "3", "--files", "1")]
    [InlineData("--repetitions takes a number above 0, not '1.5'", "--repetitions", "1.5")]
    [InlineData("unknown option '--size'; the options are --quick, --sizes, --files, --repetitions, --keep, --runtime", "--size", "1000")]
    [InlineData("unknown option 'quick'; the options are --quick, --sizes, --files, --repetitions, --keep, --runtime", "quick")]
    public void A_wrong_option_is_refused_before_anything_is_measured(string message, params string[] args)
    {
        var output = new StringWriter();
        var log = new StringWriter();

        var exit = Benchmark.Run(args, output, log);

        Assert.Equal(1, exit);
        Assert.Equal(message, log.ToString().Trim());
        Assert.Empty(output.ToString());
    }

    // docs/benchmarks.md says the compiler's parse of the generated code is not part of (b): the driver hands its trees
    // over unparsed. Should a Roslyn version parse them during the run, this fails and the page must say otherwise.
    [Fact]
    public void A_full_run_leaves_the_generated_trees_unparsed()
    {
        var run = GeneratorHarness.Run(SyntheticPack.Create(200, 4));

        var generated = run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, tree => Assert.False(tree.TryGetRoot(out _), tree.FilePath));
        Assert.NotNull(generated[0].GetRoot()); // and the compiler parses one when it is first used
        Assert.True(generated[0].TryGetRoot(out _));
    }
}

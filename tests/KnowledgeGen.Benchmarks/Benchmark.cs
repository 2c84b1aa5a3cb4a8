using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using KnowledgeGen.Generator;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.Core;

namespace KnowledgeGen.Benchmarks;

/// <summary>One pack size's figures; milliseconds unless the name says otherwise.</summary>
public sealed record Row(
    int Facts,
    double Floor,
    double FullRun,
    double FullRunAfterFullRun,
    double FullRunAllocatedMb,
    double FullRunPausedMs,
    double OneFileEdit,
    double CommentLineEdit,
    double ClaimAddedEdit,
    double CSharpEdit,
    int CSharpEditYamlSteps,
    double Compile,
    double GeneratedKb,
    double AssemblyKb,
    double TypedFirst,
    double YamlFirst,
    double TypedAll,
    double YamlAll);

/// <summary>
/// Measures, for packs of N facts over F files made by <see cref="SyntheticPack"/>: (a) YamlDotNet's event
/// parser over the files, (b) a full generator run, (c) incremental runs after a one-file edit and a C#-only
/// edit, (d) compiling the generated code, (e) the compiled pack at run time against YamlDotNet's
/// deserializer, in fresh processes, and (f) what (b) allocates. Prints one table.
/// </summary>
public static class Benchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter? log = null)
    {
        log ??= Console.Error;
        if (args.Length > 0 && args[0] == "--child")
            return Child.Run(args.Skip(1).ToArray(), output);

        var quick = args.Contains("--quick");
        // The quick mode is a smoke run (every row, every ratio) that finishes in seconds; its figures mean little.
        var sizes = quick ? new[] { 100, 400 } : new[] { 1000, 10000, 100000 };
        var files = quick ? 20 : 100;
        var repetitions = quick ? 1 : 5;
        string? keep = null;
        // The typed children run the KnowledgeGen library as the package ships it on this platform (compiled ahead of time
        // on linux-x64 and win-x64) unless told otherwise; the quick mode skips the ten seconds of publishing it.
        var runtimeMode = quick ? ChildRuntime.Il : ChildRuntime.ReadyToRun;
        // A wrong command line is said before anything is measured, not found out minutes later or ignored.
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (option == "--quick")
                continue;
            if (!ValueOptions.Contains(option))
                return Refuse(log, $"unknown option '{option}'; the options are --quick, {string.Join(", ", ValueOptions)}");
            if (i + 1 == args.Length)
                return Refuse(log, $"{option} needs a value");
            var value = args[++i];
            switch (option)
            {
                case "--runtime":
                    if (value is not (ChildRuntime.ReadyToRun or ChildRuntime.Il))
                        return Refuse(log, $"--runtime takes {ChildRuntime.ReadyToRun} or {ChildRuntime.Il}, not '{value}'");
                    runtimeMode = value;
                    break;
                case "--sizes":
                    var parsed = value.Split(',').Select(Count).ToArray();
                    if (parsed.Any(n => n is null))
                        return Refuse(log, $"--sizes takes fact counts above 0 separated by commas, such as 1000,10000, not '{value}'");
                    sizes = parsed.Select(n => n!.Value).ToArray();
                    break;
                case "--files":
                    files = Count(value) ?? 0;
                    if (files == 0)
                        return Refuse(log, $"--files takes a number of files above 0, not '{value}'");
                    break;
                case "--repetitions":
                    repetitions = Count(value) ?? 0;
                    if (repetitions == 0)
                        return Refuse(log, $"--repetitions takes a number above 0, not '{value}'");
                    break;
                case "--keep":
                    keep = value;
                    break;
            }
        }

        // The edits (c) change file F/2's claims, so that file must hold one: a pack of at least F facts has a claim in
        // every file (nine tenths of its facts are claims, dealt round the files).
        var least = Math.Max(4, files);
        if (sizes.FirstOrDefault(size => size < least) is var small and > 0)
            return Refuse(log, $"every size needs at least {least} facts, one per file (--files {files}) and 4 in all: {small} is fewer");
        // The folder is made once the whole command line is accepted, so that a refused one leaves nothing behind.
        try
        {
            keep = keep is null ? null : Directory.CreateDirectory(keep).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Refuse(log, $"--keep: the folder '{keep}' cannot be made: {e.Message}");
        }
        var work = Directory.CreateTempSubdirectory("knowledgegen-bench-runtime-").FullName;
        try
        {
            var runtime = runtimeMode == ChildRuntime.Il ? ChildRuntime.BuiltIl(" (--runtime il)") : ChildRuntime.Prepare(work, log);
            log.WriteLine("# the typed children run " + runtime.Description);
            return MeasureSizes(sizes, files, repetitions, quick, keep, runtime, output, log);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static readonly string[] ValueOptions = { "--sizes", "--files", "--repetitions", "--keep", "--runtime" };

    private static int Refuse(TextWriter log, string message)
    {
        log.WriteLine(message);
        return 1;
    }

    // A count written in plain digits, above 0; null for anything else.
    private static int? Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static int MeasureSizes(int[] sizes, int files, int repetitions, bool quick, string? keep, ChildRuntime runtime, TextWriter output, TextWriter log)
    {
        var rows = new List<Row>();
        // What this machine charges for memory a process has not touched yet, which every figure that allocates pays: on some
        // virtual machines a page fault costs tens of times what it does on bare metal.
        if (Measure.FreshPageMicroseconds() is { } fresh)
            log.WriteLine(FormattableString.Invariant($"# this machine gives a process a page of memory it had not touched in {fresh:F2} µs (64 MB touched once)"));
        // And how soon the collector first runs in a fresh process like the run-time children (e): each of them that keeps
        // more than that pays for a collection, which on a machine that hides its cache sizes comes after a few megabytes.
        // Both lines write a point for decimals whatever the culture, as the table does (BenchmarkSmokeTests reads the second).
        if (Child.FirstCollection() is { } first)
            log.WriteLine(FormattableString.Invariant($"# a fresh process with the children's collector (workstation) is first collected after {first.Megabytes:F2} MB allocated, which pauses it {first.PauseMilliseconds:F1} ms"));
        foreach (var size in sizes)
        {
            // Every size gets the same repetitions. At 100,000 facts a round takes some ten seconds, and with three a single
            // slow run (a claim added took 0.4 or 0.8 s from one round to the next) could be the median.
            var reps = repetitions;
            // Small packs get more warm-up rounds: each run is short, and the runtime compiles a method fully only after
            // some 30 calls, once no new code has been compiled for a while. With 10 rounds at 1,000 facts the edits,
            // which call the link and the driver's bookkeeping once each, still ran partly unoptimized, and a claim
            // added measured the JIT more than the generator (two to three times its cost after 50 rounds).
            var warmups = quick ? 1 : size < 10000 ? 50 : 2;
            // Three fresh processes for each run-time figure at every size: one child at 100,000 facts once took twice
            // as long as the two runs before it for a first access, and a single child made that the figure.
            rows.Add(MeasureSize(size, files, reps, warmups, quick ? 1 : 3, keep, runtime, log));
            if (!quick)
                log.Write(Table(rows, files, runtime)); // so far, in case a larger size does not finish
        }
        output.Write(Table(rows, files, runtime));
        return 0;
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static Row MeasureSize(int facts, int fileCount, int reps, int warmups, int childReps, string? keep, ChildRuntime runtime, TextWriter log)
    {
        log.WriteLine($"# {facts} facts over {fileCount} files");
        var files = SyntheticPack.Create(facts, fileCount);
        // Every full run is handed texts of its own, as each build is (the compiler makes a file's text once per build):
        // the generator keeps what it read ahead by the text object (ReadAhead), so a run handed the texts of a run before
        // it would find its files read, which no fresh build does.
        List<AdditionalText> Fresh() => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();

        // (a) the floor: YamlDotNet's event parser over the same text, nothing else; (b) a full run: a fresh driver
        // over an otherwise empty compilation (one small C# file), straight after (a), and again straight after that
        // first full run; (c) the second run's driver after one of the files is edited, three times in a row: a
        // statement reworded, then a comment line added above the claims, then a claim added. They are timed in
        // turn, so that their ratios do not depend on how busy the machine was when each was measured. The collector
        // adapts to what the process did last (DATAS): after (a), which leaves only garbage, a full run pays more for
        // collecting than after another full run, so both are shown; b is the first.
        var compilation = Compilation("public static class Program { }");
        GeneratorDriver driver = null!;
        Compilation output = null!;
        List<AdditionalText> first = null!, second = null!;
        AdditionalText installed = null!;
        var revision = 0;
        void Edit(Func<string, int, string> edit)
        {
            var next = new InMemoryAdditionalText(installed.Path, edit(installed.GetText()!.ToString(), ++revision));
            driver = driver.ReplaceAdditionalText(installed, next).RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
            installed = next;
        }
        // Each round starts from nothing: the driver and compilation of the round before hold every generated
        // tree, which no fresh run has beside it (at 100,000 facts, gigabytes the collector would walk during b),
        // and the round's edits start again from the original file. Each full run gets fresh texts (made here, untimed).
        var measured = Measure.Alternating(warmups, reps, out var paused,
            () =>
            {
                (driver, output) = (null!, null!);
                (first, second) = (Fresh(), Fresh());
                installed = second[fileCount / 2];
            },
            () =>
            {
                foreach (var (_, text) in files)
                    ParseOnly(text);
            },
            () => CreateDriver(first, track: false).RunGeneratorsAndUpdateCompilation(compilation, out _, out _),
            () => driver = CreateDriver(second, track: false).RunGeneratorsAndUpdateCompilation(compilation, out output, out _),
            () => Edit(SyntheticPack.EditStatement),
            () => Edit(SyntheticPack.AddCommentLine),
            () => Edit(SyntheticPack.AddClaim));
        var (floor, fullRun, fullRunAgain) = (measured[0], measured[1], measured[2]);
        var (oneFile, commentLine, claimAdded) = (measured[3], measured[4], measured[5]);
        log.WriteLine($"  a floor {floor:F1} ms");
        var fresh = Fresh();
        // (f) what one more full run allocates, how often the collector ran during it and the page faults it took.
        var memory = Measure.Memory(() => CreateDriver(fresh, track: false).RunGeneratorsAndUpdateCompilation(compilation, out _, out _));
        log.WriteLine($"  b full run {fullRun:F1} ms, the collector's pauses {paused[1]:F0} of them ({fullRunAgain:F1} and {paused[2]:F0} straight after another)");
        log.WriteLine($"  f one more full run: {memory}");
        if (facts < 100000)
            Breakdown(files, log); // minutes at the largest size, for a log line

        // (c) then only a C# file edited.
        var current = compilation;
        var csharp = Measure.Milliseconds(1, reps, () =>
        {
            var next = current.ReplaceSyntaxTree(current.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText($"public static class Program {{ public static int X{++revision}; }}", ParseOptions));
            driver = driver.RunGeneratorsAndUpdateCompilation(next, out _, out _);
            current = next;
        });
        var yamlSteps = YamlStepsAfterCSharpEdit(Fresh(), compilation);
        log.WriteLine($"  c one file {oneFile:F1} ms (a comment line added {commentLine:F1}, a claim added {claimAdded:F1}), C# only {csharp:F2} ms ({yamlSteps} YAML steps re-ran)");

        // (d) compiling what was generated (with the few lines of consumer code (e) calls), to memory; the
        // bytes are then written out for (e). The largest packs take minutes to compile: one repetition.
        var run = driver.GetRunResult();
        var generatedChars = run.GeneratedTrees.Sum(t => t.Length);
        var counts = SyntheticPack.Counts(facts);
        var claimId = $"claim-{counts.Claims / 2:D6}";
        var member = "Claim" + (counts.Claims / 2).ToString("D6", CultureInfo.InvariantCulture);
        var withEntry = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Child.EntrySource(SyntheticPack.Namespace, member), ParseOptions));
        byte[] image = Array.Empty<byte>();
        var compile = Measure.Milliseconds(facts >= 10000 ? 0 : 1, facts >= 10000 ? 1 : Math.Min(reps, 3), () =>
        {
            using var stream = new MemoryStream();
            var result = withEntry.Emit(stream);
            if (!result.Success)
                throw new InvalidOperationException("the generated code does not compile: " + string.Join("\n", result.Diagnostics.Take(5)));
            image = stream.ToArray();
        });
        log.WriteLine($"  d compile {compile:F1} ms, {generatedChars / 1024.0:F0} KB generated");

        // (e) at run time, in fresh processes: the compiled pack against YamlDotNet's deserializer.
        var folder = Path.Combine(Path.GetTempPath(), $"knowledgegen-bench-{Environment.ProcessId}-{facts}");
        Directory.CreateDirectory(folder);
        try
        {
            var dll = Path.Combine(folder, "Synthetic.Facts.dll");
            File.WriteAllBytes(dll, image);
            if (keep is not null)
                File.WriteAllBytes(Path.Combine(keep, $"Synthetic.Facts.{facts}.dll"), image); // to profile the run-time side
            var assemblyKb = new FileInfo(dll).Length / 1024.0;
            // The typed children run the pack as its package ships it on this platform: with the precompiled library, the
            // pack precompiled too (untimed). If that fails, the typed figures fail rather than measure the IL instead.
            string? typedPack = dll;
            if (runtime.Pack is { } packImage)
            {
                try
                {
                    typedPack = packImage.Precompile(dll, Path.Combine(folder, "readytorun"), log);
                    if (keep is not null)
                        File.Copy(typedPack, Path.Combine(keep, $"Synthetic.Facts.{facts}.r2r.dll"), overwrite: true);
                }
                catch (InvalidOperationException e)
                {
                    log.WriteLine($"  e typed figures fail: {e.Message.Split('\n')[0]}");
                    typedPack = null;
                }
            }
            var yamlFolder = Path.Combine(folder, "yaml");
            foreach (var (path, text) in files)
            {
                var target = Path.Combine(yamlFolder, path.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }

            // A pack the runtime cannot load is a result too: the row says "fails" and the log says why. So is a typed child
            // that loaded another library or pack than the one to measure, or the pack as another kind of image.
            var loads = new HashSet<Child.Loaded>();
            double Once(params string[] args)
            {
                try
                {
                    var typed = args[0].StartsWith("typed", StringComparison.Ordinal);
                    var (milliseconds, _, loaded) = Child.Spawn(typed ? runtime.Folder : null, args);
                    if (!typed)
                        return milliseconds;
                    var expected = new Child.Loaded(runtime.Path, typedPack!, runtime.Pack is not null);
                    if (loaded is not null)
                        loads.Add(loaded);
                    if (loaded?.Runtime != expected.Runtime)
                        throw new InvalidOperationException($"child {args[0]} ran the KnowledgeGen library at {loaded?.Runtime}, not {expected.Runtime}");
                    if (loaded != expected)
                        throw new InvalidOperationException($"child {args[0]} loaded the pack at {loaded.Pack} ({Image(loaded.PackReadyToRun)}), not {expected.Pack} ({Image(expected.PackReadyToRun)})");
                    return milliseconds;
                }
                catch (InvalidOperationException e)
                {
                    log.WriteLine("  " + e.Message.Split('\n')[0]);
                    return double.NaN;
                }
            }
            // The children of the four measures run in turn (typed first access, YAML first access, typed enumeration, YAML
            // enumeration, then again), as (a), (b) and the edits are timed: on a shared machine whose speed drifts, the
            // typed and the YAML side see it in the same state. A measure whose child fails is left out of the rounds after.
            var typed = typedPack is not null;
            var figures = Measure.InTurn(childReps,
                () => typed ? Once("typed-first", typedPack!) : double.NaN,
                () => Once("yaml-first", yamlFolder, claimId),
                () => typed ? Once("typed-all", typedPack!) : double.NaN,
                () => Once("yaml-all", yamlFolder));
            var (typedFirst, yamlFirst, typedAll, yamlAll) = (figures[0], figures[1], figures[2], figures[3]);
            foreach (var loaded in loads) // as the children said it, after they were timed
                log.WriteLine($"  e typed children loaded the pack {loaded.Pack} ({Image(loaded.PackReadyToRun)}) and the library {loaded.Runtime}");
            log.WriteLine($"  e typed {typedFirst:F1}/{typedAll:F1} ms, YAML {yamlFirst:F1}/{yamlAll:F1} ms");
            return new Row(facts, floor, fullRun, fullRunAgain, memory.Allocated / 1e6, paused[1], oneFile, commentLine, claimAdded, csharp, yamlSteps, compile, generatedChars / 1024.0, assemblyKb,
                typedFirst, yamlFirst, typedAll, yamlAll);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Image(bool readyToRun) => readyToRun ? "a ReadyToRun image" : "IL";

    /// <summary>
    /// Where a full run goes, stage by stage (logged only, to see what to work on), and the compiler's parse of the output,
    /// which is not part of (b): the driver hands the compilation its generated trees unparsed (Roslyn parses them when
    /// they are first used), so a build pays for it when it compiles (d), and an IDE when it opens a tree.
    /// </summary>
    private static void Breakdown(List<(string Path, string Text)> files, TextWriter log)
    {
        List<Generator.Model.FileSpec> specs = null!, outlines = null!;
        Generator.Model.PackModel pack = null!;
        Generator.Model.PackSlices sliced = null!;
        var read = Measure.Milliseconds(1, 3, () => specs = files.Select(f => Generator.Reading.PackFileReader.Read(f.Path, f.Text)).ToList());
        var outline = Measure.Milliseconds(1, 3, () => outlines = specs.Select(Generator.Linking.FileOutline.Of).ToList());
        var link = Measure.Milliseconds(1, 3, () => pack = Generator.Linking.PackLinker.LinkOutlines(outlines, Generator.Model.PackOptions.Default,
            Array.Empty<Generator.Model.DocumentSpec>(), null));
        var slice = Measure.Milliseconds(1, 3, () => sliced = Generator.Linking.PackSlicer.Slice(pack, outlines));
        List<Generator.Model.FileModel> slices = null!;
        var linkFiles = Measure.Milliseconds(1, 3, () => slices = Generator.Linking.FileLinker.Inputs(specs, specs.Select(Generator.Linking.FileLinker.NamesOf).ToList(), sliced).Select(Generator.Linking.FileLinker.Link).ToList());
        List<Generator.Model.FileChunk> chunks = null!;
        var indexes = Measure.Milliseconds(1, 3, () => chunks = slices.SelectMany(f => Generator.Emitting.FileChunks.Split(f)).ToList());
        var texts = new List<string>();
        var emit = Measure.Milliseconds(1, 3, () =>
            texts = chunks.Select(Generator.Emitting.PackEmitter.EmitChunk).Where(f => f is not null).Select(f => f!.Text).ToList());
        var parse = Measure.Milliseconds(1, 3, () =>
        {
            foreach (var text in texts)
                CSharpSyntaxTree.ParseText(text, ParseOptions);
        });
        log.WriteLine($"  b breakdown: read {read:F0}, outline {outline:F0}, link {link:F0}, slice {slice:F0}, link files {linkFiles:F0}, chunks and indexes {indexes:F0}, emit {emit:F0} ms; not in b: the compiler's parse of the output {parse:F0} ms");

        // A full run reads the files it has not read yet on every core (ReadAhead); the floor is one parser on one thread.
        // Whether reading side by side pays depends on the machine and on YamlDotNet, whose scanner takes its builders from
        // one pool shared by the whole process: on some machines two threads read slower than one
        // (docs/performance-notes.md). So each run says how it went there, for the generator's read and for the parser alone.
        // WorkAhead reads with Parallel.ForEach over the files and keeps every result: so does this.
        var readSideBySide = Measure.Milliseconds(1, 3, () =>
        {
            var specsRead = new Generator.Model.FileSpec[files.Count];
            Parallel.ForEach(files, (file, _, i) => specsRead[i] = Generator.Reading.PackFileReader.Read(file.Path, file.Text));
        });
        // The parser on one thread again rather than (a): timed the same way as beside it, so the two compare.
        var parseOnOne = Measure.Milliseconds(1, 3, () =>
        {
            foreach (var (_, text) in files)
                ParseOnly(text);
        });
        var parseSideBySide = Measure.Milliseconds(1, 3, () => Parallel.ForEach(files, file => ParseOnly(file.Text)));
        // A point for decimals whatever the culture (BenchmarkSmokeTests reads the line).
        log.WriteLine(FormattableString.Invariant($"  reading side by side on {Environment.ProcessorCount} cores, as a full run reads: the generator's read {readSideBySide:F0} ms (on one thread {read:F0}), YamlDotNet's parser alone {parseSideBySide:F0} ms (on one thread {parseOnOne:F0})"));
    }

    // The floor's work: YamlDotNet's event parser over one file's text, nothing kept.
    private static void ParseOnly(string text)
    {
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
        }
    }

    /// <summary>How many outputs of the generator's steps were new or modified after an edit to a C# file only.</summary>
    private static int YamlStepsAfterCSharpEdit(List<AdditionalText> texts, CSharpCompilation compilation)
    {
        var driver = CreateDriver(texts, track: true).RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public static class Program { public static int Edited; }", ParseOptions));
        driver = driver.RunGenerators(edited);
        return driver.GetRunResult().Results.Single().TrackedSteps
            .Where(step => step.Key.StartsWith("KnowledgeGen.", StringComparison.Ordinal))
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    private static CSharpCompilation Compilation(string code) =>
        CSharpCompilation.Create("Synthetic.Facts", new[] { CSharpSyntaxTree.ParseText(code, ParseOptions) }, GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

    private static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, bool track) =>
        CSharpGeneratorDriver.Create(new[] { new KnowledgeGenerator().AsSourceGenerator() }, files, ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Row names of the table, in order; the smoke test checks every one is printed.</summary>
    public static readonly string[] RowNames =
    {
        "a. floor: YamlDotNet parser over the files (ms)",
        "b. full generator run (ms)",
        "b/a",
        "b. the same, straight after another full run (ms)",
        "b/a, straight after another full run",
        "c. incremental, one YAML file edited: a claim reworded (ms)",
        "c/b, a claim reworded",
        "c. incremental, one YAML file edited: a comment line added (ms)",
        "c/b, a comment line added",
        "c. incremental, one YAML file edited: a claim added (ms)",
        "c/b, a claim added",
        "c. incremental, one C# file edited (ms)",
        "c/b, C# file edited",
        "c. generator steps re-run after the C# edit (count)",
        "d. compile the generated code, emit to memory (ms)",
        "d. generated C# (KB)",
        "d. compiled pack (KB)",
        "e. typed: first access to one fact (ms)",
        "e. YAML: first access to one fact (ms)",
        "e(YAML)/e(typed), first access",
        "e. typed: enumerate every fact (ms)",
        "e. YAML: enumerate every fact (ms)",
        "e(YAML)/e(typed), enumeration",
        "f. allocated by b (MB)",
        "f. the collector's pauses during b (ms)",
    };

    /// <summary>The line under the table that says how the KnowledgeGen library and the pack the typed children ran were compiled.</summary>
    public const string RuntimeLine = "e. the typed children ran ";

    public static string Table(IReadOnlyList<Row> rows, int files, ChildRuntime runtime)
    {
        var values = new Func<Row, double>[]
        {
            r => r.Floor, r => r.FullRun, r => r.FullRun / r.Floor, r => r.FullRunAfterFullRun, r => r.FullRunAfterFullRun / r.Floor,
            r => r.OneFileEdit, r => r.OneFileEdit / r.FullRun, r => r.CommentLineEdit, r => r.CommentLineEdit / r.FullRun,
            r => r.ClaimAddedEdit, r => r.ClaimAddedEdit / r.FullRun, r => r.CSharpEdit, r => r.CSharpEdit / r.FullRun, r => r.CSharpEditYamlSteps,
            r => r.Compile, r => r.GeneratedKb, r => r.AssemblyKb,
            r => r.TypedFirst, r => r.YamlFirst, r => r.YamlFirst / r.TypedFirst,
            r => r.TypedAll, r => r.YamlAll, r => r.YamlAll / r.TypedAll,
            r => r.FullRunAllocatedMb, r => r.FullRunPausedMs,
        };
        var growth = rows.Count >= 2;
        var b = new StringBuilder();
        b.Append("| measure (").Append(files).Append(" files) |");
        foreach (var row in rows)
            b.Append(' ').Append(row.Facts.ToString("N0", CultureInfo.InvariantCulture)).Append(" facts |");
        if (growth)
            b.Append(" growth ").Append(rows[^1].Facts / rows[^2].Facts).Append("× facts |");
        b.Append('\n').Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", rows.Count + (growth ? 1 : 0)))).Append('\n');
        for (var i = 0; i < RowNames.Length; i++)
        {
            var ratio = !RowNames[i].Contains('(');
            b.Append("| ").Append(RowNames[i]).Append(" |");
            foreach (var row in rows)
                b.Append(' ').Append(RowNames[i].EndsWith("(count)", StringComparison.Ordinal)
                    ? values[i](row).ToString("F0", CultureInfo.InvariantCulture) : Format(values[i](row), ratio)).Append(" |");
            if (growth)
            {
                var last = values[i](rows[^1]);
                var previous = values[i](rows[^2]);
                b.Append(' ').Append(ratio || previous == 0 || double.IsNaN(last) || double.IsNaN(previous) ? "" : "×" + (last / previous).ToString("F1", CultureInfo.InvariantCulture)).Append(" |");
            }
            b.Append('\n');
        }
        b.Append('\n').Append(RuntimeLine).Append(runtime.Description).Append(".\n");
        return b.ToString();
    }

    private static string Format(double value, bool ratio) =>
        double.IsNaN(value) ? "fails"
        : ratio && value < 1 ? value.ToString("F3", CultureInfo.InvariantCulture)
        : value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("F1", CultureInfo.InvariantCulture);
}

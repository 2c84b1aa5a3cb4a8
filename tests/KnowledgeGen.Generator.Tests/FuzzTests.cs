using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// Random and mutated packs with fixed seeds. Whatever the input, the generator does not throw, reports no
/// internal error, locates every diagnostic inside its own file, and either reports an error or generates
/// code that compiles. KNOWLEDGEGEN_FUZZ_CASES sets the number of cases (2,000 by default) and
/// KNOWLEDGEGEN_FUZZ_SEED the seed; a failure prints both, the case and its input, so it can be replayed.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2_000;
    private const int DefaultSeed = 20210902;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    [Fact]
    public void Generator_holds_up_under_random_and_mutated_packs()
    {
        var cases = Setting("KNOWLEDGEGEN_FUZZ_CASES", DefaultCases);
        var seed = Setting("KNOWLEDGEGEN_FUZZ_SEED", DefaultSeed);
        var corpus = Corpus();
        var failures = new ConcurrentBag<(int Case, string Report)>();
        var clean = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var input = Fuzz.Case(seed, i, corpus);
            if (Check(input.Files, compileAnyway: i % 8 == 0, out var compiled) is { } problem)
                failures.Add((i, Fuzz.Describe(seed, i, input, problem)));
            if (compiled)
                Interlocked.Increment(ref clean);
        });

        output.WriteLine($"{cases} cases (seed {seed}) in {watch.Elapsed.TotalSeconds:F1} s; {clean} without an error, {failures.Count} failed");
        var first = failures.OrderBy(f => f.Case).Take(3).ToList();
        Assert.True(first.Count == 0,
            $"{failures.Count} of {cases} fuzz cases failed (KNOWLEDGEGEN_FUZZ_SEED={seed}); the first:\n\n" + string.Join("\n\n", first.Select(f => f.Report)));
        // Mutations mostly break a pack; enough cases must stay error-free for the compile check to mean something.
        Assert.True(clean >= cases / 50, $"only {clean} of {cases} cases reached the generated code without an error");
    }

    /// <summary>Inputs the fuzzer once failed on, replayed so they stay handled.</summary>
    public static TheoryData<string, string> Regressions() => new()
    {
        // A file cut off without a final line break: the parser's error at the end of the stream stood one
        // line past the last line.
        { "cut-in-flow-map", "actors:\n  - { id: cl" },
        { "cut-after-key", "pack: { name: Cases, {namespace: Cases, title: Diagnostic cases, version: 1.0.0 }\n\n      id: a" },
    };

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Inputs_the_fuzzer_found_stay_handled(string name, string yaml)
    {
        var files = new List<(string Path, string Text)> { ("/fuzz/pack.kg.yaml", "pack: { name: Fuzz, namespace: Fuzz, title: Fuzz, version: 1.0.0 }\n"), ("/fuzz/" + name + ".kg.yaml", yaml) };

        Assert.Null(Check(files, compileAnyway: true, out _));
    }

    // Doc comments are checked as XML, as with GenerateDocumentationFile: random text must not break them either.
    private static readonly CSharpParseOptions DocumentationParse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly CSharpCompilation Empty =
        CSharpCompilation.Create("Fuzz", Array.Empty<SyntaxTree>(), GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator once; null when every promise holds, else what broke.</summary>
    private static string? Check(IReadOnlyList<(string Path, string Text)> files, bool compileAnyway, out bool compiled)
    {
        compiled = false;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new KnowledgeGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            DocumentationParse,
            new TestOptionsProvider(new Dictionary<string, string>()));
        // The empty compilation is shared, so the references are bound once for all cases.
        driver = driver.RunGeneratorsAndUpdateCompilation(Empty, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
            return "the generator threw: " + result.Exception;
        var problems = new StringBuilder();
        foreach (var d in diagnostics.Where(d => d.Id == DiagnosticRules.InternalError.Id))
            problems.AppendLine("internal error: " + d.GetMessage(CultureInfo.InvariantCulture));
        if (GeneratorAssert.LocationProblem(diagnostics, files) is { } location)
            problems.AppendLine("diagnostic outside its file: " + location);
        // Without an error the generated code must compile. With one, the entities in error are left out so
        // the rest still compiles; that is checked on every eighth such case, since compiling costs most of a case.
        var failed = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (!failed || compileAnyway)
        {
            var compile = output.GetDiagnostics();
            foreach (var d in compile.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
                problems.AppendLine((failed ? "" : "no error reported, but ") + "the generated code does not compile: " + d);
            foreach (var d in compile.Where(d => d.Severity == DiagnosticSeverity.Warning).Take(5))
                problems.AppendLine("the generated code has a warning (a doc comment that is not well-formed XML, for one): " + d);
        }
        compiled = !failed;
        return problems.Length == 0 ? null : problems.ToString();
    }

    /// <summary>The packs mutations start from: the starter fixture, the diagnostic cases and a few written here.</summary>
    private static List<List<(string Path, string Text)>> Corpus()
    {
        // The valid packs stand first and last: the starter fixture, and the two written here.
        var corpus = new List<List<(string Path, string Text)>> { GeneratorHarness.Fixture("starter"), GeneratorHarness.Fixture("broken") };
        var cases = Path.Combine(AppContext.BaseDirectory, "Fixtures", "diagnostics");
        foreach (var folder in Directory.GetDirectories(cases).OrderBy(f => f, StringComparer.Ordinal))
            corpus.Add(GeneratorHarness.Fixture("diagnostics/" + Path.GetFileName(folder)));
        const string manifest = "pack: { name: Small, namespace: Small.Facts, title: A small pack, version: 0.1.0 }\n";
        corpus.Add(new()
        {
            ("/fuzz/small.kg.yaml", manifest +
                "sources:\n  - { id: s, name: S, kind: news-report, outlet: o, published: 2021-09-03, relays: [m] }\n" +
                "  - { id: m, name: M, kind: audio-message, author: a, published: { date: 2021-09, precision: month } }\n" +
                "actors:\n  - { id: a, name: A, aliases: [Ay], kind: person, roles: [{ title: t, of: o }] }\n" +
                "  - { id: o, name: O, kind: media }\n" +
                "places:\n  - { id: p, name: P, kind: country }\n  - { id: q, name: Q, kind: city, in: p }\n" +
                "claims:\n  - { id: c, statement: C, claimant: a, about: [p, o], date: 2021-09-02, status: disputed,\n" +
                "      quantity: { value: 3, unit: u }, citations: [{ source: s, quote: \"x\", via: m }], contradicts: [d] }\n" +
                "  - { id: d, statement: D, claimant: o, date: ~2021-09-01, citations: [{ source: m, quote: y }], supports: [c] }\n"),
        });
        corpus.Add(new()
        {
            ("/fuzz/pack.kg.yaml", manifest),
            ("/fuzz/actors.kg.yaml", "actors:\n  - id: a\n    name: |\n      A name\n      on two lines\n    kind: group\n    description: >\n      folded\n      text\n"),
            ("/fuzz/claims.kg.yaml", "# claims\nclaims:\n  - id: c-1\n    statement: 'single ''quoted'''\n    claimant: a\n    citations:\n      - source: s\n        quote: \"q\"\n" +
                "sources:\n  - id: s\n    name: S\n    kind: other\n    note: \"emoji \U0001F600\"\n"),
        });
        return corpus;
    }
}

/// <summary>Builds one fuzz case from its seed and index alone, so any case can be rebuilt.</summary>
internal static class Fuzz
{
    public sealed record Input(List<(string Path, string Text)> Files, List<string> Steps);

    public static Input Case(int seed, int index, List<List<(string Path, string Text)>> corpus)
    {
        var random = new Random(unchecked(seed * 31 + index));
        var steps = new List<string>();
        List<(string Path, string Text)> files;
        var mode = random.Next(10);
        // A quarter of the cases start from a valid pack and only rewrite texts, so the pack stays valid and
        // its text reaches the emitter.
        var textsOnly = mode > 1 && random.Next(4) == 0;
        if (mode == 0)
        {
            files = new() { ("/fuzz/random.kg.yaml", RandomYaml(random)) };
            steps.Add("random YAML-ish text");
        }
        else if (mode == 1)
        {
            files = new() { ("/fuzz/generated.kg.yaml", RandomPack(random)) };
            steps.Add("random pack");
        }
        else
        {
            var valid = new[] { 0, corpus.Count - 2, corpus.Count - 1 };
            var start = textsOnly ? valid[random.Next(valid.Length)] : random.Next(corpus.Count);
            files = corpus[start].ToList();
            steps.Add("from corpus pack " + start + " (" + files[0].Path + ")");
        }
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            if (textsOnly)
            {
                var file = random.Next(files.Count);
                var rewritten = RewriteText(random, files[file].Text, out var rewrite);
                files[file] = (files[file].Path, rewritten);
                steps.Add(Path.GetFileName(files[file].Path) + ": " + rewrite);
                continue;
            }
            var target = random.Next(files.Count);
            var (path, text) = files[target];
            var (mutated, step) = Mutate(random, text, files);
            files[target] = (path, mutated);
            steps.Add(Path.GetFileName(path) + ": " + step);
        }
        if (random.Next(20) == 0 && files.Count > 1)
        {
            var dropped = random.Next(files.Count);
            steps.Add("dropped " + files[dropped].Path);
            files.RemoveAt(dropped);
        }
        return new Input(files, steps);
    }

    public static string Describe(int seed, int index, Input input, string problem)
    {
        var builder = new StringBuilder();
        builder.Append("case ").Append(index).Append(" (KNOWLEDGEGEN_FUZZ_SEED=").Append(seed)
            .Append(", KNOWLEDGEGEN_FUZZ_CASES=").Append(index + 1).Append(" replays it last): ").Append(string.Join("; ", input.Steps)).Append('\n');
        builder.Append(problem);
        foreach (var (path, text) in input.Files)
        {
            var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text.Length > 6000 ? text.Substring(0, 6000) : text, quote: true);
            builder.Append("  (\"").Append(path).Append("\", ").Append(literal).Append(text.Length > 6000 ? " /* cut */" : "").Append("),\n");
        }
        return builder.ToString();
    }

    private static readonly string[] Fragments =
    {
        "- ", "-", ": ", ":", "key: value", "id: c", "id: a", "id: s", "claimant: a", "source: s", "of: o", "in: p", "in: q",
        "[", "]", "{", "}", "[a, b", "{ x: }", "{ id: x, name: X, kind: person }", "&anchor ", "*alias", "---", "...", "? ", "!!str ", "!tag ",
        "|\n  block", ">-\n  folded", "\"unterminated", "'single", "\"\\u202E\"", "\"\\uD800\"", "\"\\0\"", "#", " # comment", "%YAML 1.2",
        "date: 2021-13-45", "date: 0000-00-00", "date: 9999-12-31", "date: { date: 2021, precision: day }", "date: ~", "date: ~2021",
        "quantity: { min: 5, max: 1 }", "quantity: { value: -1e400 }", "quantity: { value: 79228162514264337593543950336, unit: u }",
        "status: ", "kind: person", "kind: country", "kind: ", "anonymous: maybe", "former: yes", "approximate: 1",
        "contradicts: [c]", "supports: [c, c]", "about: []", "citations: []", "citations: [{ source: s, quote: q, via: s }]",
        "aliases: [A, A]", "name: class", "id: class", "id: c-1", "id: c1", "id: -c", "id: c--1", "id: 1c", "id: \u0441", "name: \"\"",
        "pack: { name: Other, namespace: Other, title: T, version: 1 }", "pack: { name: int, namespace: a..b }", "namespace: System",
        "relays: [s]", "author: s", "outlet: p", "via: a", "document: doc.txt", "url: 'https://x'", "translated-from: ''",
        "\t", "\r\n", "\r", "\u2028", "\u0085", "\uFEFF", "\0", "\u001B", "\uD83D", "\uDE00", "\U0001F600", "\u202E", "\u200B", "'' ",
        "<<: *x", "=", "`", "@", "|", ">", "!", "%", ",", "\\", "\"\\x41\"", "\"\\U0010FFFF\"", "\"\\UFFFFFFFF\"", "[[[[[[[[[[[[[[[[",
    };

    private static readonly string[] Keys =
    {
        "pack", "sources", "actors", "places", "claims", "name", "namespace", "title", "version", "description", "id", "aliases", "kind",
        "outlet", "author", "language", "translated-from", "published", "document", "url", "relays", "note", "anonymous", "roles",
        "of", "former", "in", "statement", "claimant", "about", "date", "status", "quantity", "citations", "contradicts", "supports",
        "source", "quote", "via", "precision", "value", "min", "max", "unit", "approximate",
    };

    private const string Punctuation = ":-[]{}#&*!|>'\"%@`, ?\n\t 0aZ.";
    private const string Invisible = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200E\u200F\uFEFF\u2028\u2029\u0085\uFFFE\uFFFF";

    private static string RandomUnicode(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            switch (random.Next(5))
            {
                case 0: builder.Append((char)random.Next(0, 0x20)); break;
                case 1: builder.Append((char)random.Next(0xD800, 0xE000)); break; // a surrogate, paired or not
                case 2: builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000) is var c && c is >= 0xD800 and < 0xE000 ? 0x1F600 : c)); break;
                case 3: builder.Append((char)random.Next(0x80, 0x3000)); break;
                default: builder.Append(Invisible[random.Next(Invisible.Length)]); break;
            }
        }
        return builder.ToString();
    }

    private static (string Text, string Step) Mutate(Random random, string text, List<(string Path, string Text)> files)
    {
        var lines = text.Split('\n').ToList();
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        switch (random.Next(12))
        {
            case 0:
            {
                if (text.Length == 0)
                    return (text, "nothing to flip");
                var i = random.Next(text.Length);
                var flipped = (char)(text[i] ^ (1 << random.Next(8)));
                return (text.Substring(0, i) + flipped + text.Substring(i + 1), $"flipped a bit of character {i}");
            }
            case 1:
            {
                if (text.Length == 0)
                    return (text, "nothing to replace");
                var i = random.Next(text.Length);
                var c = Punctuation[random.Next(Punctuation.Length)];
                return (text.Substring(0, i) + c + text.Substring(i + 1), $"replaced character {i}");
            }
            case 2:
            {
                var line = random.Next(lines.Count);
                lines.RemoveAt(line);
                return (string.Join("\n", lines), $"deleted line {line + 1}");
            }
            case 3:
            {
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return (string.Join("\n", lines), $"duplicated line {line + 1}");
            }
            case 4:
            {
                var line = random.Next(lines.Count);
                var delta = random.Next(-4, 5);
                var content = lines[line].TrimStart(' ');
                var indent = Math.Max(0, lines[line].Length - content.Length + delta);
                lines[line] = (random.Next(8) == 0 ? "\t" : new string(' ', indent)) + content;
                return (string.Join("\n", lines), $"indented line {line + 1} by {delta}");
            }
            case 5:
            {
                // Two "key: value" lines, from this file or any other, trade values.
                var valued = Enumerable.Range(0, lines.Count).Where(l => lines[l].Contains(": ", StringComparison.Ordinal)).ToList();
                var other = files[random.Next(files.Count)].Text.Split('\n').Where(l => l.Contains(": ", StringComparison.Ordinal)).ToList();
                if (valued.Count == 0 || other.Count == 0)
                    return (text, "no value to swap");
                var line = valued[random.Next(valued.Count)];
                var donor = other[random.Next(other.Count)];
                var value = donor.Substring(donor.IndexOf(": ", StringComparison.Ordinal) + 2);
                lines[line] = lines[line].Substring(0, lines[line].IndexOf(": ", StringComparison.Ordinal) + 2) + value;
                return (string.Join("\n", lines), $"line {line + 1} took the value '{value}'");
            }
            case 6:
            {
                var fragment = Fragments[random.Next(Fragments.Length)];
                return (text.Insert(at, fragment), $"inserted a fragment at {at}");
            }
            case 7:
            {
                var line = random.Next(lines.Count + 1);
                var indent = new string(' ', random.Next(0, 4) * 2);
                lines.Insert(line, indent + Fragments[random.Next(Fragments.Length)]);
                return (string.Join("\n", lines), $"inserted a fragment line before line {line + 1}");
            }
            case 8:
                return (text.Substring(0, at), $"truncated at {at}");
            case 9:
                return (text.Insert(at, RandomUnicode(random)), $"inserted random characters at {at}");
            case 10:
            {
                if (text.Length == 0)
                    return (text, "nothing to delete");
                var length = random.Next(1, Math.Min(40, text.Length - Math.Min(at, text.Length - 1)) + 1);
                var start = Math.Min(at, text.Length - 1);
                return (text.Remove(start, Math.Min(length, text.Length - start)), $"deleted {length} characters at {start}");
            }
            default:
            {
                // A block of lines copied elsewhere: a second entity with the same id, a field twice.
                var from = random.Next(lines.Count);
                var count = random.Next(1, Math.Min(8, lines.Count - from) + 1);
                var block = lines.GetRange(from, count);
                var to = random.Next(lines.Count + 1);
                lines.InsertRange(to, block);
                return (string.Join("\n", lines), $"copied lines {from + 1}-{from + count} before line {to + 1}");
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex TextLine = new(
        @"^(\s*(?:- )?(?:name|statement|note|quote|title|description|unit|language|url|document|translated-from|version): ).*$",
        System.Text.RegularExpressions.RegexOptions.Multiline);

    private static bool InManifest(string text, int index)
    {
        var block = text.LastIndexOf("\npack:", index, StringComparison.Ordinal);
        var start = block >= 0 ? block + 1 : text.StartsWith("pack:", StringComparison.Ordinal) ? 0 : -1;
        if (start < 0)
            return false;
        // No other top-level key between the manifest's and the field.
        return !text.Substring(start + 5, index - start - 5).Split('\n').Any(l => l.Length > 0 && l[0] != ' ' && l[0] != '#');
    }

    /// <summary>One text field's value replaced by random characters in a double-quoted YAML text.</summary>
    private static string RewriteText(Random random, string text, out string step)
    {
        var matches = TextLine.Matches(text);
        if (matches.Count == 0)
        {
            step = "no text field to rewrite";
            return text;
        }
        // Not a block text ('|', '>': its lines follow) and not the pack's name, which is a C# identifier.
        var candidates = matches.Where(m => !m.Value.TrimEnd().EndsWith('|') && !m.Value.TrimEnd().EndsWith('>') && !m.Value.Contains("|-", StringComparison.Ordinal)
            && !m.Value.Contains(">-", StringComparison.Ordinal) && !(m.Value.TrimStart().StartsWith("name:", StringComparison.Ordinal) && InManifest(text, m.Index))).ToList();
        if (candidates.Count == 0)
        {
            step = "no text field to rewrite";
            return text;
        }
        var match = candidates[random.Next(candidates.Count)];
        var value = new StringBuilder("\"");
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var piece = random.Next(2) == 0 ? RandomUnicode(random) : Fragments[random.Next(Fragments.Length)];
            foreach (var c in piece)
            {
                if (c is '"' or '\\')
                    value.Append('\\').Append(c);
                else if (c is '\u0085' or '\u2028' or '\u2029')
                    value.Append(c == '\u0085' ? "\\N" : c == '\u2028' ? "\\L" : "\\P"); // raw, YAML would fold them as line breaks
                else if (c < ' ')
                    value.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else
                    value.Append(c);
            }
        }
        value.Append('"');
        step = $"rewrote the text at {match.Index}";
        return text.Substring(0, match.Index) + match.Groups[1].Value + value + text.Substring(match.Index + match.Length);
    }

    /// <summary>Text built from YAML's punctuation, the pack's keys and random scalars at random indentation.</summary>
    private static string RandomYaml(Random random)
    {
        var builder = new StringBuilder();
        for (var line = random.Next(1, 30); line > 0; line--)
        {
            builder.Append(' ', random.Next(0, 4) * 2);
            for (var part = random.Next(1, 4); part > 0; part--)
            {
                switch (random.Next(4))
                {
                    case 0: builder.Append(Keys[random.Next(Keys.Length)]).Append(": "); break;
                    case 1: builder.Append(Fragments[random.Next(Fragments.Length)]); break;
                    case 2: builder.Append("- "); break;
                    default: builder.Append(random.Next(3) == 0 ? RandomUnicode(random) : "v" + random.Next(100)); break;
                }
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>A pack that is valid YAML of the right shape, with ids drawn from a small pool so references meet.</summary>
    private static string RandomPack(Random random)
    {
        string[] ids = { "a", "b", "c", "d", "e", "a-b", "a1", "class", "x-y-z", "b-" };
        string Id() => ids[random.Next(ids.Length)];
        string Pick(string[] options) => random.Next(10) == 0 ? "unknown" : options[random.Next(options.Length)];
        string Text() => random.Next(6) switch
        {
            0 => "\"\"",
            1 => "\"" + string.Concat(RandomUnicode(random).Select(c => c < ' ' || c is '"' or '\\' ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : c.ToString())) + "\"",
            2 => "'it''s'",
            _ => "T" + random.Next(1000),
        };
        string Refs() => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Id())) + "]";
        string Date() => random.Next(5) switch
        {
            0 => "2021-09-0" + random.Next(0, 10),
            1 => "2021-" + random.Next(0, 14).ToString("D2", CultureInfo.InvariantCulture),
            2 => "~" + random.Next(1, 10000).ToString("D4", CultureInfo.InvariantCulture),
            3 => "{ date: 2021-09-02, precision: " + Pick(Reading.PackFileReader.DatePrecisions) + " }",
            _ => random.Next(1, 10000).ToString(CultureInfo.InvariantCulture),
        };

        var builder = new StringBuilder();
        if (random.Next(3) > 0)
            builder.Append("pack: { name: ").Append(random.Next(4) == 0 ? "R.x" : "Random").Append(", namespace: ").Append(random.Next(4) == 0 ? "int" : "Random.Pack")
                .Append(", title: ").Append(Text()).Append(", version: ").Append(Text()).Append(" }\n");
        builder.Append("sources:\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            builder.Append("  - { id: ").Append(Id()).Append(", name: ").Append(Text()).Append(", kind: ").Append(Pick(Reading.PackFileReader.SourceKinds))
                .Append(random.Next(2) == 0 ? ", outlet: " + Id() : "").Append(random.Next(3) == 0 ? ", relays: " + Refs() : "")
                .Append(random.Next(2) == 0 ? ", published: " + Date() : "").Append(" }\n");
        builder.Append("actors:\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            builder.Append("  - { id: ").Append(Id()).Append(", name: ").Append(Text()).Append(", aliases: [").Append(Text()).Append("], kind: ")
                .Append(Pick(Reading.PackFileReader.ActorKinds)).Append(random.Next(3) == 0 ? ", roles: [{ title: " + Text() + ", of: " + Id() + " }]" : "").Append(" }\n");
        builder.Append("places:\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            builder.Append("  - { id: ").Append(Id()).Append(", name: ").Append(Text()).Append(", kind: ").Append(Pick(Reading.PackFileReader.PlaceKinds))
                .Append(random.Next(2) == 0 ? ", in: " + Id() : "").Append(" }\n");
        builder.Append("claims:\n");
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            builder.Append("  - { id: ").Append(Id()).Append(", statement: ").Append(Text()).Append(", claimant: ").Append(Id())
                .Append(", about: ").Append(Refs()).Append(", status: ").Append(Pick(Reading.PackFileReader.ClaimStatuses));
            if (random.Next(2) == 0)
                builder.Append(", date: ").Append(Date());
            if (random.Next(3) == 0)
                builder.Append(", quantity: { min: ").Append(random.Next(-2, 5)).Append(", max: ").Append(random.Next(-2, 5)).Append(", unit: ").Append(Text()).Append(" }");
            builder.Append(", citations: [{ source: ").Append(Id()).Append(", quote: ").Append(Text()).Append(random.Next(4) == 0 ? ", via: " + Id() : "").Append(" }]");
            builder.Append(", contradicts: ").Append(Refs()).Append(", supports: ").Append(Refs()).Append(" }\n");
        }
        return builder.ToString();
    }
}

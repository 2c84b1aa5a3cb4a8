using System.Text;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// Input written to hurt the build: alias-expansion bombs, nesting deep enough to overflow a recursive
/// parser, very large files, and text full of characters that mean something to C#, XML or YAML.
/// The generator must return, report the problem in the file, and never emit code that means anything
/// but the text.
/// </summary>
public class HostileInputTests
{
    private const string ManifestPath = "/hostile/pack.kg.yaml";
    private const string Manifest = "pack: { name: Hostile, namespace: Hostile, title: Hostile, version: 1.0.0 }\n";

    private static List<(string Path, string Text)> WithManifest(string path, string text) =>
        new() { (ManifestPath, Manifest), (path, text) };

    [Fact]
    public void Alias_expansion_bomb_is_refused_without_expanding()
    {
        // "Billion laughs": nine levels of nine aliases each would expand to 9^9 scalars.
        var yaml = new StringBuilder("claims:\n  - id: lol\n    note:\n");
        yaml.Append("      a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 1; level < 9; level++)
        {
            var name = (char)('a' + level);
            var previous = (char)('a' + level - 1);
            yaml.Append("      ").Append(name).Append(": &").Append(name).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }
        var files = WithManifest("/hostile/bomb.kg.yaml", yaml.ToString());

        var run = GeneratorHarness.Run(files);

        var bomb = run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == "/hostile/bomb.kg.yaml").ToList();
        var refused = Assert.Single(bomb);
        Assert.Equal(DiagnosticRules.AnchorsNotSupported.Id, refused.Id);
        Assert.Equal(3, refused.Location.GetLineSpan().StartLinePosition.Line); // the first anchor, '&a'
        Assert.True(run.GeneratedText().Length < 20_000, "the generated code grew with the aliases");
        GeneratorAssert.Sound(run, files);
    }

    public static TheoryData<string> DeepShapes() => new()
    {
        "flow-sequence", "flow-sequence-closed", "flow-mapping", "flow-mapping-keys", "block-sequence", "block-mapping", "mixed",
    };

    /// <summary>Nesting that a recursive reader would follow until the stack overflows, which kills the build.</summary>
    internal static string Deep(string shape)
    {
        const int levels = 100_000;
        switch (shape)
        {
            case "flow-sequence":
                return "claims: " + new string('[', levels) + "\n";
            case "flow-sequence-closed":
                return "claims: " + new string('[', levels) + "x" + new string(']', levels) + "\n";
            case "flow-mapping":
                return new string('{', levels) + "\n";
            case "flow-mapping-keys":
                return string.Concat(Enumerable.Repeat("{a: ", levels)) + "b" + new string('}', levels) + "\n";
            case "block-sequence":
                // One line, one compact block sequence in another: "- - - - x".
                return "claims:\n" + string.Concat(Enumerable.Repeat("- ", levels)) + "x\n";
            case "block-mapping":
            {
                // Each level indents one space more, so the text grows with the square of the depth: 3,000
                // levels is 4.5 MB.
                var builder = new StringBuilder();
                for (var i = 0; i < 3_000; i++)
                    builder.Append(' ', i).Append("a:\n");
                return builder.Append(' ', 3_000).Append("b\n").ToString();
            }
            default:
                return "claims:\n" + string.Concat(Enumerable.Repeat("- [{a: ", levels / 3)) + "\n";
        }
    }

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Deep_nesting_is_reported_in_the_file_without_overflowing(string shape)
    {
        var path = "/hostile/deep.kg.yaml";
        var files = WithManifest(path, Deep(shape));

        var run = GeneratorHarness.Run(files);

        var deep = run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == path).ToList();
        Assert.Contains(deep, d => d.Id == DiagnosticRules.TooDeep.Id || d.Id == DiagnosticRules.YamlSyntax.Id);
        Assert.True(deep.Count <= 3, "one problem, reported " + deep.Count + " times:\n" + GeneratorRun.FormatDiagnostics(deep));
        GeneratorAssert.Sound(run, files);
    }

    [Fact]
    public void Ten_megabyte_pack_generates_code_that_compiles()
    {
        var yaml = new StringBuilder(Manifest);
        yaml.Append("actors:\n  - { id: speaker, name: Speaker, kind: person }\n");
        yaml.Append("sources:\n  - { id: report, name: Report, kind: news-report }\n");
        yaml.Append("claims:\n");
        var words = string.Join(" ", Enumerable.Range(0, 350).Select(i => "word" + i));
        var claims = 0;
        while (yaml.Length < 10_000_000)
        {
            // A name of its own, so the statement is not repeated as the name in the generated code.
            yaml.Append("  - id: claim-").Append(claims).Append('\n')
                .Append("    name: Claim ").Append(claims).Append('\n')
                .Append("    statement: Claim ").Append(claims).Append(' ').Append(words).Append('\n')
                .Append("    claimant: speaker\n")
                .Append("    date: 2021-09-02\n")
                .Append("    citations: [{ source: report, quote: \"quoted ").Append(claims).Append(' ').Append(words).Append("\" }]\n");
            claims++;
        }
        var files = new List<(string Path, string Text)> { ("/hostile/large.kg.yaml", yaml.ToString()) };

        // Doc comments read as plain comments, the default without GenerateDocumentationFile: parsing 20 MB of
        // them as XML would be most of the test's time, and their form is tested on the text cases above.
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        var driver = CSharpGeneratorDriver.Create(new[] { new KnowledgeGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), parse, new TestOptionsProvider(new Dictionary<string, string>()));
        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        Assert.Empty(run.GeneratorDiagnostics);
        var generated = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains(CSharpText("claim-" + (claims - 1)), generated);
        Assert.Null(GeneratorAssert.LocationProblem(run.GeneratorDiagnostics, files));
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string CSharpText(string id) => "\"" + id + "\"";

    [Fact]
    public void A_file_given_twice_is_read_once_with_a_warning()
    {
        const string actors = "actors:\n  - { id: speaker, name: Speaker, kind: person }\n";
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(ManifestPath, Manifest),
            new InMemoryAdditionalText("/hostile/actors.kg.yaml", actors),
            new InMemoryAdditionalText("/hostile/actors.kg.yaml", actors),
        };

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts), GeneratorHarness.Compilation());

        Assert.Equal("actors.kg.yaml(1,1): warning KG0025: The generator is given this file more than once (the path '/hostile/actors.kg.yaml'); it is read once",
            run.DiagnosticsText().Trim());
        Assert.Single(run.Sources, s => s.HintName == "Hostile.actors.kg.g.cs");
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains("public static global::KnowledgeGen.Actor Speaker", run.GeneratedText());
    }

    // Contextual keywords are names C# lets a namespace have; the generated code must not read them as keywords.
    public static TheoryData<string> ContextualNamespaces() => new() { "A.nameof", "nameof", "A.var.dynamic", "A.value.record.field" };

    [Theory]
    [MemberData(nameof(ContextualNamespaces))]
    public void A_namespace_named_like_a_contextual_keyword_compiles(string ns)
    {
        var files = new List<(string Path, string Text)>
        {
            ("/ns/pack.kg.yaml", $"pack: {{ name: P, namespace: {ns}, title: T, version: 1.0.0 }}\n"
                + "actors:\n  - { id: speaker, name: Speaker, kind: person }\n"
                + "places:\n  - { id: valley, name: Valley, kind: region }\n"
                + "sources:\n  - { id: report, name: Report, kind: news-report }\n"
                + "claims:\n  - { id: a-claim, statement: S, claimant: speaker, about: [valley], citations: [{ source: report, quote: q }] }\n"),
        };

        var run = GeneratorHarness.Run(files);

        Assert.Empty(run.GeneratorDiagnostics);
        var errors = run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }


    public static TheoryData<string> GarbageKinds() => new() { "characters", "lines" };

    [Theory]
    [MemberData(nameof(GarbageKinds))]
    public void Ten_megabytes_of_garbage_give_diagnostics(string kind)
    {
        var random = new Random(10_000_000);
        var text = new StringBuilder(10_000_000);
        if (kind == "characters")
        {
            // Any UTF-16 code unit, lone surrogates and controls included.
            while (text.Length < 10_000_000)
                text.Append((char)random.Next(0, 0x10000));
        }
        else
        {
            // YAML-looking lines at random indentation: the reader gets past the first line.
            string[] pieces = { "- ", "a: ", "claims:", "[", "]", "{", "}", "\"", "'", "#", "x", "id: c", "&", "*", "|", ">", "? ", ": " };
            while (text.Length < 10_000_000)
            {
                text.Append(' ', random.Next(0, 8));
                for (var i = random.Next(1, 6); i > 0; i--)
                    text.Append(pieces[random.Next(pieces.Length)]);
                text.Append('\n');
            }
        }
        var files = WithManifest("/hostile/garbage.kg.yaml", text.ToString());

        var run = GeneratorHarness.Run(files);

        var garbage = run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == "/hostile/garbage.kg.yaml").ToList();
        Assert.Contains(garbage, d => d.Severity == DiagnosticSeverity.Error);
        GeneratorAssert.Sound(run, files);
    }

    // Characters that end a C# string, a comment or an XML doc comment, start a preprocessor directive
    // or an interpolation, break a line, or need two UTF-16 code units; and characters that are invisible
    // or reorder the text around them (Trojan Source).
    public static TheoryData<string> Texts() => new() { "csharp-xml", "hidden" };

    private static string Text(string kind) => kind == "hidden"
        ? "a\u202Eb\u202C c\u2066d\u2069 e\u200Bf g\0h i\u001Bj k\u2028l m\u00ADn o\U000E0041p"
        : "q\" b\\ c*/ </summary> <para> a&b &amp; #if X\r\n#endif { } {0} \n tab\t \U0001F600 \U0001D11E ]]> -->";

    /// <summary>A double-quoted YAML scalar; line breaks and controls as escapes, everything else as itself.</summary>
    private static string Yaml(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Every text field of every kind of entity, each with its own value.</summary>
    private static readonly string[] TextFields =
    {
        "pack.title", "pack.version", "pack.description",
        "source.name", "source.alias", "source.language", "source.translated-from", "source.document", "source.url", "source.note",
        "actor.name", "actor.alias", "actor.description", "actor.note", "role.title", "role.note",
        "place.name", "place.alias", "place.note",
        "claim.statement", "claim.name", "claim.alias", "claim.note", "claim.quote", "claim.unit",
    };

    private static string Value(string field, string kind) => field + ": " + Text(kind);

    private static List<(string Path, string Text)> Pack(string kind)
    {
        string V(string field) => Yaml(Value(field, kind));
        var pack =
            $"pack:\n  name: Nasty\n  namespace: Nasty.Facts\n  title: {V("pack.title")}\n  version: {V("pack.version")}\n  description: {V("pack.description")}\n";
        var facts =
            "sources:\n" +
            $"  - id: report\n    name: {V("source.name")}\n    aliases: [{V("source.alias")}]\n    kind: news-report\n" +
            $"    outlet: outlet\n    language: {V("source.language")}\n    translated-from: {V("source.translated-from")}\n" +
            $"    published: 2021-09-03\n    document: {V("source.document")}\n    url: {V("source.url")}\n    note: {V("source.note")}\n" +
            "actors:\n" +
            $"  - id: outlet\n    name: {V("actor.name")}\n    aliases: [{V("actor.alias")}]\n    kind: media\n" +
            $"    description: {V("actor.description")}\n    note: {V("actor.note")}\n" +
            $"    roles:\n      - {{ title: {V("role.title")}, of: outlet, note: {V("role.note")} }}\n" +
            "places:\n" +
            $"  - id: valley\n    name: {V("place.name")}\n    aliases: [{V("place.alias")}]\n    kind: valley\n    note: {V("place.note")}\n" +
            "claims:\n" +
            $"  - id: claim\n    statement: {V("claim.statement")}\n    name: {V("claim.name")}\n    aliases: [{V("claim.alias")}]\n" +
            $"    claimant: outlet\n    about: [valley]\n    note: {V("claim.note")}\n" +
            $"    quantity: {{ value: 40, unit: {V("claim.unit")} }}\n" +
            $"    citations:\n      - {{ source: report, quote: {V("claim.quote")} }}\n";
        return new() { ("/nasty/pack.kg.yaml", pack), ("/nasty/facts.kg.yaml", facts) };
    }

    /// <summary>The generator run with XML doc comments parsed and checked, as a project with GenerateDocumentationFile does.</summary>
    private static GeneratorRun RunWithDocumentation(List<(string Path, string Text)> files)
    {
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new KnowledgeGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parse,
            new TestOptionsProvider(new Dictionary<string, string>()));
        var compilation = CSharpCompilation.Create("Nasty", Array.Empty<SyntaxTree>(), GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return GeneratorHarness.Run(driver, compilation);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_in_every_field_compiles_cleanly_with_doc_comments_checked(string kind)
    {
        var files = Pack(kind);

        var run = RunWithDocumentation(files);

        // Both texts hold a control or invisible character (a carriage return in the first): KG0024, once a field. Neither is a
        // language tag: KG0030 for 'language' and 'translated-from'; nor a version: KG0038 for the manifest's 'version'.
        Assert.All(run.GeneratorDiagnostics, d => Assert.Contains(d.Id, new[] { DiagnosticRules.InvisibleCharacter.Id, DiagnosticRules.IllFormedLanguageTag.Id, DiagnosticRules.IllFormedVersion.Id }));
        Assert.Equal(TextFields.Length, run.GeneratorDiagnostics.Count(d => d.Id == DiagnosticRules.InvisibleCharacter.Id));
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == DiagnosticRules.IllFormedLanguageTag.Id));
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticRules.IllFormedVersion.Id);
        Assert.All(run.Sources, s => Assert.Equal(DocumentationMode.Diagnose, s.SyntaxTree.Options.DocumentationMode));
        var warnings = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        GeneratorAssert.Sound(run, files);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_in_every_field_stands_in_the_generated_code_only_as_escapes(string kind)
    {
        var text = GeneratorHarness.Run(Pack(kind)).GeneratedText();

        var raw = Enumerable.Range(0, text.Length).Where(i => IsHidden(text, i))
            .Select(i => ((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Empty(raw);
        // No line of generated code is a directive but the file's own '#nullable enable' or '#pragma'.
        var directives = text.Split('\n').Select(l => l.TrimStart()).Where(l => l.StartsWith('#'))
            .Where(l => !l.StartsWith("#nullable", StringComparison.Ordinal) && !l.StartsWith("#pragma", StringComparison.Ordinal)).ToList();
        Assert.Empty(directives);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_in_every_field_reads_back_exactly(string kind)
    {
        var pack = CompiledPack.Load(GeneratorHarness.Run(Pack(kind)), "nasty-" + kind);
        string V(string field) => Value(field, kind);

        Assert.Equal(V("pack.title"), pack.Title);
        Assert.Equal(V("pack.version"), pack.Version);
        Assert.Equal(V("pack.description"), pack.Description);
        var source = Assert.Single(pack.Sources);
        Assert.Equal(V("source.name"), source.Name);
        Assert.Equal(new[] { V("source.alias") }, source.Aliases);
        Assert.Equal(V("source.language"), source.Language);
        Assert.Equal(V("source.translated-from"), source.TranslatedFrom);
        Assert.Equal(V("source.document"), source.Document);
        Assert.Equal(V("source.url"), source.Url);
        Assert.Equal(V("source.note"), source.Note);
        var actor = Assert.Single(pack.Actors);
        Assert.Equal(V("actor.name"), actor.Name);
        Assert.Equal(new[] { V("actor.alias") }, actor.Aliases);
        Assert.Equal(V("actor.description"), actor.Description);
        Assert.Equal(V("actor.note"), actor.Note);
        var role = Assert.Single(actor.Roles);
        Assert.Equal(V("role.title"), role.Title);
        Assert.Equal(V("role.note"), role.Note);
        var place = Assert.Single(pack.Places);
        Assert.Equal(V("place.name"), place.Name);
        Assert.Equal(new[] { V("place.alias") }, place.Aliases);
        Assert.Equal(V("place.note"), place.Note);
        var claim = Assert.Single(pack.Claims);
        Assert.Equal(V("claim.statement"), claim.Statement);
        Assert.Equal(V("claim.name"), claim.Name);
        Assert.Equal(new[] { V("claim.alias") }, claim.Aliases);
        Assert.Equal(V("claim.note"), claim.Note);
        Assert.Equal(V("claim.quote"), Assert.Single(claim.Citations).Quote);
        Assert.Equal(V("claim.unit"), claim.Quantity!.Value.Unit);
        // Lookups by alias see the same text.
        Assert.Same(place, pack.Find(V("place.alias")));
    }

    [Fact]
    public void Hidden_characters_in_ids_and_keys_are_reported_and_never_reach_the_code()
    {
        var files = WithManifest("/hostile/ids.kg.yaml",
            "actors:\n" +
            "  - { id: \"fahim\u202E-dashti\", name: A, kind: person }\n" +    // RIGHT-TO-LEFT OVERRIDE in an id
            "  - { id: b, name: B, kind: person, \"no\u2066te\": x }\n" +     // LEFT-TO-RIGHT ISOLATE in a key
            "claims:\n" +
            "  - id: c\n    statement: S\n    claimant: \"b\u200B\"\n" +         // ZERO WIDTH SPACE in a reference
            "    citations: [{ source: r, quote: q }]\n" +
            "sources:\n  - { id: r, name: R, kind: news-report }\n");

        var run = GeneratorHarness.Run(files);

        var report = DiagnosticReport.Format(run.GeneratorDiagnostics, files);
        Assert.Equal(3, run.GeneratorDiagnostics.Count(d => d.Id == DiagnosticRules.InvisibleCharacter.Id));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == DiagnosticRules.InvalidId.Id);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == DiagnosticRules.UnknownReference.Id);
        var messages = string.Concat(run.GeneratorDiagnostics.Select(d => d.GetMessage()));
        Assert.DoesNotContain(Enumerable.Range(0, messages.Length), i => IsHidden(messages, i));
        var text = run.GeneratedText();
        Assert.DoesNotContain(Enumerable.Range(0, text.Length), i => IsHidden(text, i));
        GeneratorAssert.Sound(run, files);
    }

    // Anything but tab and line feed that is a control, format or separator character, or half a surrogate
    // pair alone; a whole pair counts as the character it encodes (an emoji is not hidden, a tag character is).
    private static bool IsHidden(string text, int i)
    {
        var c = text[i];
        if (c == '\t' || c == '\n' || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            return false;
        return System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text, i) is System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate;
    }
}

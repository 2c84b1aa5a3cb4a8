using System.Collections.Immutable;
using System.Text;
using KnowledgeGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGen.Testing;

/// <summary>An in-memory additional file, as the build passes a *.kg.yaml file to the generator.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>A file's bytes decoded as the compiler decodes an additional file: UTF-8, unless a byte-order mark says otherwise.</summary>
public sealed class BytesAdditionalText(string path, byte[] bytes) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        SourceText.From(new MemoryStream(bytes), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
}

/// <summary>A file the compiler gives no text for: a binary file, or one it could not open.</summary>
public sealed class UnreadableAdditionalText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
}

/// <summary>
/// Global MSBuild properties (build_property.X) and per-file item metadata (build_metadata.AdditionalFiles.X)
/// as the generator sees them.
/// </summary>
public sealed class TestOptionsProvider(
    IReadOnlyDictionary<string, string> globals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile is not null && perFile.TryGetValue(textFile.Path, out var values) ? new Options(values) : Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }
            value = "";
            return false;
        }
    }
}

/// <summary>The result of one generator run over a compilation.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources)
{
    /// <summary>Errors and warnings of compiling the output (the generated code with the input C#).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>All generated files, concatenated in hint-name order with a header each: what a snapshot pins.</summary>
    public string GeneratedText()
    {
        var builder = new StringBuilder();
        foreach (var source in Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            builder.Append("//----- ").Append(source.HintName).Append('\n');
            builder.Append(source.SourceText.ToString()).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>The generator's diagnostics, one compiler-style line each, with file names relative to the fixture.</summary>
    public string DiagnosticsText() => FormatDiagnostics(GeneratorDiagnostics);

    public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                     .ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = d.Location.GetLineSpan();
            var file = Path.GetFileName(span.Path);
            builder.Append($"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ")
                .Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Id).Append(": ")
                .Append(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        return builder.ToString();
    }
}

/// <summary>Runs <see cref="KnowledgeGenerator"/> the way a build does, in memory.</summary>
public static class GeneratorHarness
{
    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(global::KnowledgeGen.Actor).Assembly.Location))
            .ToImmutableArray();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compilation(params string[] csharp) =>
        CSharpCompilation.Create("Consumer",
            csharp.Select((code, i) => CSharpSyntaxTree.ParseText(code, ParseOptions, path: $"Code{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globals = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new KnowledgeGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            new TestOptionsProvider(globals ?? new Dictionary<string, string>(), perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over pack files plus source documents, which are passed as the build passes them:
    /// additional files flagged with <c>KnowledgeGenDocument="true"</c>.
    /// </summary>
    public static GeneratorRun RunWithDocuments(IEnumerable<(string Path, string Text)> files, IEnumerable<(string Path, string Text)> documents) =>
        RunWithDocuments(files, documents.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)));

    /// <summary>As <see cref="RunWithDocuments(IEnumerable{ValueTuple{string, string}}, IEnumerable{ValueTuple{string, string}})"/>, with the documents as the compiler reads them (their bytes, say).</summary>
    public static GeneratorRun RunWithDocuments(IEnumerable<(string Path, string Text)> files, IEnumerable<AdditionalText> documents)
    {
        var documentList = documents.ToList();
        var flag = new Dictionary<string, string> { [KnowledgeGenerator.DocumentMetadata] = "true" };
        var perFile = documentList.ToDictionary(d => d.Path, _ => (IReadOnlyDictionary<string, string>)flag);
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).Concat(documentList);
        return Run(CreateDriver(texts, perFile: perFile), Compilation());
    }

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
            throw new InvalidOperationException("The generator threw.", result.Exception);
        return new GeneratorRun(driver, output, diagnostics, result.GeneratedSources);
    }

    /// <summary>Runs the generator over the given YAML files (path → text) and an otherwise empty compilation.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> files, params string[] csharp) =>
        Run(CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))), Compilation(csharp));

    /// <summary>The *.kg.yaml files of a fixture folder, with stable paths so snapshots do not depend on the machine.</summary>
    public static List<(string Path, string Text)> Fixture(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return Directory.GetFiles(folder, "*.kg.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ($"/fixtures/{name}/{Path.GetFileName(f)}", File.ReadAllText(f)))
            .ToList();
    }
}

using System.Text;
using KnowledgeGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace KnowledgeGen.Testing;

/// <summary>
/// What must hold for every run of the generator, whatever its input: no internal error, every
/// diagnostic located inside its own file, and generated code that compiles.
/// </summary>
public static class GeneratorAssert
{
    /// <summary>Every diagnostic lies inside the file it names, as the file's text counts lines and columns.</summary>
    public static string? LocationProblem(IEnumerable<Diagnostic> diagnostics, IEnumerable<(string Path, string Text)> files)
    {
        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            if (d.Location == Location.None)
                return $"{d.Id} has no location: {d.GetMessage()}";
            var span = d.Location.GetLineSpan();
            if (!texts.TryGetValue(span.Path, out var text))
                return $"{d.Id} points at '{span.Path}', which is not an input file";
            var source = d.Location.SourceSpan;
            if (source.Start < 0 || source.End > text.Length)
                return $"{d.Id} spans characters {source.Start}..{source.End} of a file of {text.Length}";
            // Lines as the compiler and editors count them (CR LF, CR, LF, U+0085, U+2028, U+2029).
            var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
            if (!Inside(span.StartLinePosition, lines) || !Inside(span.EndLinePosition, lines) || span.EndLinePosition < span.StartLinePosition)
                return $"{d.Id} at {span.StartLinePosition}-{span.EndLinePosition} is outside its file of {lines.Count} lines";
        }
        return null;
    }

    /// <summary>The generator reported no internal error, located every diagnostic in its file, and its output compiles.</summary>
    public static void Sound(GeneratorRun run, IEnumerable<(string Path, string Text)> files)
    {
        var problems = new StringBuilder();
        foreach (var d in run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticRules.InternalError.Id))
            problems.AppendLine("internal error: " + d.GetMessage());
        if (LocationProblem(run.GeneratorDiagnostics, files) is { } location)
            problems.AppendLine(location);
        foreach (var d in run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            problems.AppendLine("generated code does not compile: " + d);
        if (problems.Length > 0)
            throw new XunitException(problems.ToString());
    }

    /// <summary>
    /// What <see cref="Sound"/> checks, as a message (null when all holds), for callers that add their own
    /// context. The generated files are compiled on their own with doc comments read as plain comments, the
    /// default for a project that does not generate a documentation file: parsing them as XML costs most of
    /// the time of compiling a large pack, and their well-formedness is tested apart.
    /// </summary>
    public static string? Problems(GeneratorRun run, IEnumerable<(string Path, string Text)> files)
    {
        var problems = new StringBuilder();
        foreach (var d in run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticRules.InternalError.Id))
            problems.AppendLine("internal error: " + d.GetMessage());
        if (LocationProblem(run.GeneratorDiagnostics, files) is { } location)
            problems.AppendLine(location);
        foreach (var d in CompileGenerated(run).Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))
            problems.AppendLine("generated code does not compile: " + d);
        return problems.Length > 0 ? problems.ToString() : null;
    }

    /// <summary>The diagnostics of compiling the generated files alone with the runtime library; no emit.</summary>
    public static IEnumerable<Diagnostic> CompileGenerated(GeneratorRun run)
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        var trees = run.Sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.SourceText, options, s.HintName));
        return Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Generated", trees, GeneratorHarness.References,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable))
            .GetDiagnostics();
    }

    private static bool Inside(Microsoft.CodeAnalysis.Text.LinePosition position, Microsoft.CodeAnalysis.Text.TextLineCollection lines) =>
        position.Line < lines.Count && position.Character <= lines[position.Line].Span.Length;
}

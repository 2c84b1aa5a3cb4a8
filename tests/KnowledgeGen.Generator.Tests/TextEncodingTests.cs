using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A byte-order mark, Windows line endings, or both change nothing: the same diagnostics at the same
/// lines and columns, and the same generated code. (Tab-indented files are a diagnostic case of their own.)
/// </summary>
public class TextEncodingTests
{
    public static TheoryData<string> Variants() => new() { "bom", "crlf", "bom+crlf" };

    private static List<(string Path, string Text)> Variant(IEnumerable<(string Path, string Text)> files, string variant) =>
        files.Select(f =>
        {
            var text = f.Text.Replace("\r\n", "\n");
            if (variant.Contains("crlf"))
                text = text.Replace("\n", "\r\n");
            if (variant.Contains("bom"))
                text = "\uFEFF" + text;
            return (f.Path, text);
        }).ToList();

    // A mark that stays in the text is a character of its first line, as Roslyn and editors count columns.
    private static IEnumerable<string> Lines(IEnumerable<Diagnostic> diagnostics, bool bom = false) =>
        DiagnosticReport.Ordered(diagnostics).Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            var column = start.Character + (bom && start.Line == 0 ? 1 : 0);
            return $"{Path.GetFileName(d.Location.GetLineSpan().Path)}({start.Line + 1},{column + 1}) {d.Id} {d.GetMessage()}";
        });

    [Theory]
    [MemberData(nameof(Variants))]
    public void Diagnostics_stand_at_the_same_lines_and_columns(string variant)
    {
        var plain = GeneratorHarness.Fixture("broken");
        var files = Variant(plain, variant);

        var expected = GeneratorHarness.Run(plain);
        var run = GeneratorHarness.Run(files);

        Assert.Equal(Lines(expected.GeneratorDiagnostics, bom: variant.Contains("bom")), Lines(run.GeneratorDiagnostics));
        GeneratorAssert.Sound(run, files);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_valid_pack_generates_the_same_code(string variant)
    {
        var plain = GeneratorHarness.Fixture("starter");
        var files = Variant(plain, variant);

        var run = GeneratorHarness.Run(files);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(GeneratorHarness.Run(plain).GeneratedText(), run.GeneratedText());
    }

    // Lines are counted as the compiler counts them, whichever line break a file uses: the diagnostic's line and its
    // offset in the text name the same place.
    public static TheoryData<string, string> LineBreaks() => new() { { "LF", "\n" }, { "CR LF", "\r\n" }, { "CR", "\r" } };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_tab_indented_line_is_reported_at_its_own_line_whatever_the_line_breaks(string name, string lineBreak)
    {
        var text = $"pack: {{ name: P, namespace: P, title: T, version: 1.0.0 }}{lineBreak}actors:{lineBreak}\t- {{ id: a, name: A, kind: person }}{lineBreak}";

        var run = GeneratorHarness.Run(new[] { ("/tabs/pack.kg.yaml", text) });

        var tab = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "KG0001");
        Assert.Contains("line 3 is indented with a tab", tab.GetMessage());
        Assert.Equal(2, tab.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(0, tab.Location.GetLineSpan().StartLinePosition.Character);
        Assert.True(text.IndexOf('\t') == tab.Location.SourceSpan.Start, name);
    }

    [Fact]
    public void Bom_and_crlf_file_reports_the_verified_diagnostics()
    {
        var files = Variant(GeneratorHarness.Fixture("diagnostics/missing-field"), "bom+crlf");

        var run = GeneratorHarness.Run(files);

        Snapshot.Match(DiagnosticReport.Format(run.GeneratorDiagnostics, files), "Diagnostics.bom-crlf");
        GeneratorAssert.Sound(run, files);
    }
}

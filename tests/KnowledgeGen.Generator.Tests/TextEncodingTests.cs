using System.Text;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A byte-order mark, Windows line endings, or both change nothing: the same diagnostics at the same
/// lines and columns, and the same generated code. (Tab-indented files are a diagnostic case of their own.)
/// A file that is not UTF-8 text is KG0026, never an internal error or text passed on unseen.
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

    private const string Manifest = "pack: { name: P, namespace: P.Facts, title: T, version: 1.0.0 }\n";

    [Fact]
    public void Bytes_that_were_not_UTF8_are_KG0026_at_the_first_of_them()
    {
        // What the compiler hands over for "arrivé" saved as Latin-1: the byte that is not UTF-8 decoded as U+FFFD.
        var text = "actors:\n  - id: a\n    name: A\n    kind: person\n    description: The ferry arriv\uFFFD late at the caf\uFFFD.\n";

        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", Manifest), ("/p/facts.kg.yaml", text) });

        var notText = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0026", notText.Id);
        Assert.Equal(DiagnosticSeverity.Error, notText.Severity);
        Assert.Equal(text.IndexOf('\uFFFD'), notText.Location.SourceSpan.Start);
        Assert.Equal((4, "    description: The ferry arriv".Length), (notText.Location.GetLineSpan().StartLinePosition.Line, notText.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("U+FFFD", notText.GetMessage());
        Assert.Contains("saved as UTF-8", notText.GetMessage());
    }

    [Fact]
    public void A_NUL_character_is_KG0026_where_it_stands_and_the_rest_of_the_file_is_still_read()
    {
        // YamlDotNet takes a NUL for the end of the text: without the check this was "a quoted text is never closed".
        var text = "actors:\n  - { id: a, name: \"A\0B\", kind: person }\n  - { id: b, name: B, kind: persn }\n";

        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", Manifest), ("/p/facts.kg.yaml", text) });

        Assert.Equal(new[] { "KG0026", "KG0009" }, run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
        var nul = run.GeneratorDiagnostics.Single(d => d.Id == "KG0026");
        Assert.Equal(text.IndexOf('\0'), nul.Location.SourceSpan.Start);
        Assert.Contains("NUL", nul.GetMessage());
    }

    [Fact]
    public void Text_with_NUL_bytes_in_a_row_is_a_binary_file_and_read_no_further()
    {
        // What `validate` reads from a binary file itself (the compiler gives the generator no text for one).
        var text = "\u007FELF\u0002\u0001\0\0\0\u0003 > \uFFFD: [\n";

        var run = GeneratorHarness.Run(new[] { ("/p/pack.kg.yaml", Manifest), ("/p/bin.kg.yaml", text) });

        var binary = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0026", binary.Id);
        Assert.Equal(text.IndexOf('\0'), binary.Location.SourceSpan.Start);
        Assert.Equal("The file is binary: it holds NUL bytes, which text does not; a pack file is YAML text saved as UTF-8", binary.GetMessage());
    }

    [Fact]
    public void A_file_the_compiler_cannot_read_as_text_is_KG0026_not_an_internal_error()
    {
        // The compiler gives no text for a binary file (or one it could not open). It holds the manifest here, and the
        // pack is not told it has none.
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new UnreadableAdditionalText("/p/pack.kg.yaml"),
            new InMemoryAdditionalText("/p/facts.kg.yaml", "actors:\n  - { id: a, name: A, kind: person }\n"),
        });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        var notText = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0026", notText.Id);
        Assert.EndsWith("pack.kg.yaml", notText.Location.GetLineSpan().Path);
        Assert.Equal("The file could not be read as text (it is binary, or it could not be opened); a pack file is YAML text saved as UTF-8", notText.GetMessage());
    }

    // UTF-8 text behind the two bytes of UTF-16's byte-order mark (an editor or a script that wrote them by mistake), with
    // an even and an odd number of bytes after them, and behind the big-endian mark.
    public static TheoryData<byte[], string> StrayMarks() => new()
    {
        { [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Manifest)], "FF FE" },
        { [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Manifest + "\n")], "FF FE" },
        { [0xFE, 0xFF, .. Encoding.UTF8.GetBytes("actors:\n  - { id: a, name: Caf\u00E9, kind: person }\n")], "FE FF" },
    };

    [Theory]
    [MemberData(nameof(StrayMarks))]
    public void Bytes_behind_a_UTF16_byte_order_mark_that_are_not_UTF16_are_KG0026_and_read_no_further(byte[] bytes, string mark)
    {
        // The compiler decodes the file as UTF-16 for its first two bytes: without the check this was KG0002, a pack file that
        // is a text of CJK characters.
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { new BytesAdditionalText("/p/pack.kg.yaml", bytes) });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        var notText = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("KG0026", 0), (notText.Id, notText.Location.SourceSpan.Start));
        Assert.Equal($"The file starts with {mark}, the byte-order mark of UTF-16, but is not UTF-16 text: read as UTF-16 it holds not one " +
            "ASCII character, where YAML has line breaks, spaces and colons (is it UTF-8 text behind two stray bytes?); a pack file is YAML text saved as UTF-8",
            notText.GetMessage());
    }

    [Theory]
    [InlineData("UTF-16 little-endian")]
    [InlineData("UTF-16 big-endian")]
    public void A_pack_saved_as_UTF16_with_its_byte_order_mark_generates_what_its_UTF8_does(string encodingName)
    {
        var encoding = encodingName.EndsWith("big-endian") ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var plain = GeneratorHarness.Fixture("starter");
        var driver = GeneratorHarness.CreateDriver(plain.Select(f => (AdditionalText)new BytesAdditionalText(f.Path, [.. encoding.GetPreamble(), .. encoding.GetBytes(f.Text)])));

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(GeneratorHarness.Run(plain).GeneratedText(), run.GeneratedText());
    }

    [Fact]
    public void A_UTF16_file_cut_in_the_middle_of_a_character_is_KG0026_at_the_half_character()
    {
        var text = "actors:\n  - { id: a, name: A, kind: person }\n# the last line\n#";
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/p/pack.kg.yaml", Manifest),
            new BytesAdditionalText("/p/facts.kg.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text), (byte)'x']),
        });

        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        var notText = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("KG0026", text.Length), (notText.Id, notText.Location.SourceSpan.Start));
        Assert.Equal("The file holds U+FFFD, the character that stands for bytes that are not UTF-16 (a last byte with no second one, or half of a " +
            "surrogate pair), and it starts with FF FE, the byte-order mark of UTF-16; a pack file is YAML text saved as UTF-8", notText.GetMessage());
    }
}

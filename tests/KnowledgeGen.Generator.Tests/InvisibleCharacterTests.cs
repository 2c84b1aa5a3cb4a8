using System.Globalization;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// Trojan Source: control characters and invisible or bidirectional formatting characters in any text
/// are reported (KG0024), cannot change what the generated code means, and read back exactly.
/// </summary>
public class InvisibleCharacterTests
{
    private const string Manifest = "pack: { name: Hidden, namespace: Hidden, title: Hidden, version: 1.0.0 }\n";

    // Raw characters in the file, and the same characters written as YAML escapes; tab, line feed, and the
    // zero-width joiner and non-joiner that Persian and emoji need, are not reported.
    private static readonly string Facts =
        "actors:\n" +
        "  - id: fahim-dashti\n" +
        "    name: \"Fahim\u202E Dashti\"\n" +                       // RIGHT-TO-LEFT OVERRIDE, raw
        "    aliases: [Dash\u200Bti, \"Dashti\\u2066x\\u2069\"]\n" +  // ZERO WIDTH SPACE raw; isolates escaped
        "    kind: person\n" +
        "    description: \"a\\0b\\eb\\rc\"\n" +                      // NUL, ESCAPE, CARRIAGE RETURN, escaped
        "    note: \"tag\U000E0041 and soft\u00ADhyphen\"\n" +       // TAG CHARACTER and SOFT HYPHEN, raw
        "  - id: persian-name\n" +
        "    name: \"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \U0001F468\u200D\U0001F469\"\n" + // ZWNJ and ZWJ: not reported
        "    kind: person\n" +
        "    description: \"tab\tand\\nline feed\"\n" +
        "places:\n" +
        "  - id: kabul\n" +
        "    name: Kabul\n" +
        "    kind: city\n" +
        "    no\u2067te: a key with an isolate\n" +                 // RIGHT-TO-LEFT ISOLATE in a key
        "    aliases:\n" +
        "      - \"line\\Lseparator\"\n" +                            // LINE SEPARATOR, escaped
        "      - \"bom\uFEFFinside\"\n";                               // ZERO WIDTH NO-BREAK SPACE, raw

    private static List<(string Path, string Text)> Files() => new() { ("/hidden/pack.kg.yaml", Manifest), ("/hidden/facts.kg.yaml", Facts) };

    [Fact]
    public void Invisible_characters_are_reported_where_they_stand()
    {
        var files = Files();

        var run = GeneratorHarness.Run(files);

        var report = DiagnosticReport.Format(run.GeneratorDiagnostics, files);
        Assert.DoesNotContain(Enumerable.Range(0, report.Length), i => IsHidden(report, i));
        Snapshot.Match(report, "Diagnostics.invisible-characters");
        GeneratorAssert.Sound(run, files);
    }

    [Fact]
    public void Generated_code_holds_no_raw_invisible_character()
    {
        var run = GeneratorHarness.Run(Files());

        var text = run.GeneratedText();
        var hidden = Enumerable.Range(0, text.Length).Where(i => IsHidden(text, i))
            .Select(i => ((int)text[i]).ToString("X4", CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Empty(hidden);
    }

    [Fact]
    public void Every_text_reads_back_exactly()
    {
        var pack = CompiledPack.Load(GeneratorHarness.Run(Files()), "hidden");

        var dashti = pack.Find<Actor>("fahim-dashti")!;
        Assert.Equal("Fahim\u202E Dashti", dashti.Name);
        Assert.Equal(new[] { "Dash\u200Bti", "Dashti\u2066x\u2069" }, dashti.Aliases);
        Assert.Equal("a\0b\u001Bb\rc", dashti.Description);
        Assert.Equal("tag\U000E0041 and soft\u00ADhyphen", dashti.Note);
        var persian = pack.Find<Actor>("persian-name")!;
        Assert.Equal("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \U0001F468\u200D\U0001F469", persian.Name);
        Assert.Equal("tab\tand\nline feed", persian.Description);
        Assert.Equal(new[] { "line\u2028separator", "bom\uFEFFinside" }, pack.Find<Place>("kabul")!.Aliases);
    }

    // Anything but tab and line feed that is a control, format or separator character, or half a surrogate
    // pair alone; a whole pair counts as the character it encodes (an emoji is not hidden, a tag character is).
    private static bool IsHidden(string text, int i)
    {
        var c = text[i];
        if (c == '\t' || c == '\n' || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            return false;
        return CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }
}

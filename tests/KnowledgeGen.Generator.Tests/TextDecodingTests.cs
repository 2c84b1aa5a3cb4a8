using System.Text;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The runtime reads a record's ASCII text a byte to a char and hands any other text to the UTF-8 decoder, up to a
/// length, and longer text to the decoder whole. Whichever way a text goes, it reads back exactly as written: ASCII or
/// not, with its one other character first, in the middle or last, at and around that length, and as a claim's
/// statement that shares its name's bytes or only their start, and as a quote.
/// </summary>
public class TextDecodingTests
{
    public static TheoryData<int> Lengths() => new() { 1, 2, 255, 511, 512, 513, 1024, 5000 };

    // A text of `length` ASCII letters, with one of them replaced by `other` at `at`: a letter of two UTF-8 bytes,
    // or a character of four (two UTF-16 units).
    private static string Text(int length, int seed, string other = "", int at = -1)
    {
        var letters = new char[length];
        for (var i = 0; i < length; i++)
            letters[i] = (char)('a' + (seed + i) % 26);
        var text = new string(letters);
        return at < 0 ? text : text.Substring(0, at) + other + text.Substring(at + 1);
    }

    private static string Yaml(string text) => "\"" + text + "\"";

    private static IReadOnlyList<string> Statements(int length) => new[]
    {
        Text(length, 0),
        Text(length, 1, "é", 0),
        Text(length, 2, "ß", length / 2),
        Text(length, 3, "ñ", length - 1),
        Text(length, 4, "😀", length / 2),
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Text_reads_back_exactly_whatever_its_length_and_characters(int length)
    {
        var statements = Statements(length);
        var claims = new StringBuilder("claims:\n");
        for (var i = 0; i < statements.Count; i++)
        {
            // Every other claim has a name of its own, so that its statement is read as text and not shared with the name.
            claims.Append($"  - id: claim-{i}\n    statement: {Yaml(statements[i])}\n    claimant: outlet\n    citations: [{{ source: report, quote: {Yaml(statements[i])} }}]\n");
            if (i % 2 == 1)
                claims.Append($"    name: {Yaml(statements[i].Substring(0, Math.Max(1, statements[i].Length / 2)))}\n");
            claims.Append($"    aliases: [{Yaml($"alias {i} " + statements[i])}]\n");
        }
        var files = new List<(string Path, string Text)>
        {
            ("/p/pack.kg.yaml", "pack:\n  name: Lengths\n  namespace: Lengths.Facts\n  title: Lengths\n  version: 1.0.0\n"),
            ("/p/facts.kg.yaml", "sources:\n  - id: report\n    name: Report\n    kind: news-report\n" +
                "actors:\n  - id: outlet\n    name: Outlet\n    kind: media\n" + claims),
        };

        var run = GeneratorHarness.Run(files);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, run.DiagnosticsText());
        var pack = CompiledPack.Load(run, "lengths-" + length);

        Assert.Equal(statements, pack.Claims.Select(c => c.Statement));
        Assert.Equal(statements.Select((s, i) => $"alias {i} " + s), pack.Claims.Select(c => Assert.Single(c.Aliases)));
        Assert.Equal(statements, pack.Claims.Select(c => Assert.Single(c.Citations).Quote));
        for (var i = 0; i < statements.Count; i++)
        {
            var claim = pack.Claims[i];
            if (i % 2 == 1)
                Assert.Equal(statements[i].Substring(0, Math.Max(1, statements[i].Length / 2)), claim.Name);
            else
                Assert.Same(claim.Statement, claim.Name); // a statement written as its name is one string
        }
    }
}

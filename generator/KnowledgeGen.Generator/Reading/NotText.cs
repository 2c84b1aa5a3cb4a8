using System;
using System.Text;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Finds what cannot be the text a curator wrote: the NUL character, which YAML does not allow and which YamlDotNet takes for
/// the end of the file (a binary file is full of them), U+FFFD, which a decoder puts where bytes were not UTF-8 (a file
/// saved as Latin-1 or Windows-1252), and a file read as UTF-16 because it starts with the bytes of UTF-16's byte-order
/// mark (FF FE, or FE FF) but whose bytes are not UTF-16 (UTF-8 text behind two stray bytes, which read as UTF-16 is a run
/// of CJK characters). Any of them would otherwise pass into the pack unseen, or end the reading with a misleading error.
/// Each is reported once, at its first place (KG0026).
/// </summary>
internal static class NotText
{
    public const string Unreadable = "could not be read as text (it is binary, or it could not be opened)";

    /// <summary>
    /// Reports NUL and U+FFFD, and returns the text with each NUL read as a space, so the rest of the file is still checked
    /// and every span stays where it was. The error fails the build, so nothing read that way is generated. Null for a
    /// binary file, and for a file read as UTF-16 that is not UTF-16 text, which are not read at all.
    /// </summary>
    /// <param name="context">Where the diagnostics go.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="encoding">What the file's bytes were decoded with, when it is known (<see cref="PackFileReader.Read(string, string, Encoding?, System.Threading.CancellationToken)"/>).</param>
    public static string? Check(ReadContext context, string text, Encoding? encoding = null)
    {
        var utf16Mark = Utf16Mark(encoding);
        // A decoder takes the bytes of UTF-16's byte-order mark for one, and every two bytes after them for a character: UTF-8
        // text behind those two bytes becomes CJK characters, none of them ASCII. Every YAML file has ASCII characters (its
        // line breaks, spaces and colons, whatever language its values are in), so a text without one was never UTF-16.
        if (utf16Mark is not null && !HasAscii(text))
        {
            context.Report(DiagnosticRules.NotText, SourceSpan.FileStart,
                NotUtf16(utf16Mark) + ": read as UTF-16 it holds not one ASCII " +
                "character, where YAML has line breaks, spaces and colons (is it UTF-8 text behind two stray bytes?)");
            return null;
        }
        var nul = text.IndexOf('\0');
        // Two NULs in a row are what the compiler takes for a binary file (and gives the generator no text for): the rest
        // would be noise, so the file is not read further.
        if (nul >= 0 && text.IndexOf("\0\0", nul, StringComparison.Ordinal) >= 0)
        {
            context.Report(DiagnosticRules.NotText, At(text, nul), "is binary: it holds NUL bytes, which text does not");
            return null;
        }
        if (nul >= 0)
        {
            context.Report(DiagnosticRules.NotText, At(text, nul), "holds the NUL character, which is not text (is it a binary file?)");
            text = text.Replace('\0', ' ');
        }
        var replaced = text.IndexOf('\uFFFD');
        if (replaced >= 0)
            context.Report(DiagnosticRules.NotText, At(text, replaced), utf16Mark is not null
                ? "holds U+FFFD, the character that stands for bytes that are not UTF-16 (a last byte with no second one, or half of a surrogate " +
                  $"pair), and it starts with {utf16Mark}, the byte-order mark of UTF-16"
                : NotUtf8);
        return text;
    }

    /// <summary>
    /// Why a source document's text is not what its author wrote, or null when it reads as text; and whether quotes can still
    /// be looked for in it: a few characters garbled leave the rest readable, where UTF-8 read as UTF-16, or a binary file,
    /// leave nothing a quote could be found in. <paramref name="text"/> is null for a document that could not be read.
    /// </summary>
    public static (string Problem, bool Searchable)? OfDocument(string? text, Encoding? encoding)
    {
        if (text is null)
            return (Unreadable, false);
        var utf16Mark = Utf16Mark(encoding);
        if (utf16Mark is not null && !HasAscii(text))
            return (NotUtf16(utf16Mark) + " (is it UTF-8 text behind two stray bytes?)", false);
        if (text.IndexOf('\0') >= 0)
            return ("holds the NUL character, so it is most likely not a text file", false);
        if (text.IndexOf('\uFFFD') >= 0)
            return (utf16Mark is not null
                ? $"holds U+FFFD, the character that stands for bytes that are not UTF-16, and it starts with {utf16Mark}, the byte-order mark of UTF-16"
                : NotUtf8,
                true);
        return null;
    }

    // The code page of UTF-16 big-endian (FE FF); little-endian (FF FE) is 1200.
    private const int BigEndianUtf16 = 1201;

    // The byte-order mark the text was decoded by, as its bytes ("FF FE"), when it was decoded as UTF-16; null otherwise.
    private static string? Utf16Mark(Encoding? encoding) =>
        encoding is UnicodeEncoding ? (encoding.CodePage == BigEndianUtf16 ? "FE FF" : "FF FE") : null;

    // What a pack file and a source document are told alike.
    private static string NotUtf16(string mark) => $"starts with {mark}, the byte-order mark of UTF-16, but is not UTF-16 text";

    private const string NotUtf8 =
        "holds U+FFFD, the character that stands for bytes that are not UTF-8, so it was most likely saved in another encoding (such as Latin-1 or Windows-1252)";

    // True when the text holds an ASCII character, or nothing but the byte-order mark (an empty file).
    private static bool HasAscii(string text)
    {
        var empty = true;
        foreach (var c in text)
        {
            if (c < 0x80)
                return true;
            empty &= c == '\uFEFF';
        }
        return empty;
    }

    // The one-character span at an index, with lines counted as the compiler counts them (TextBounds).
    private static SourceSpan At(string text, int index)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            if (TextBounds.IsBreak(text[i]))
            {
                line++;
                lineStart = i + 1;
            }
        }
        var column = index - lineStart;
        return new SourceSpan(line, column, line, column + 1, index, index + 1);
    }
}

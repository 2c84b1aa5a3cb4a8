using System;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Finds what cannot be the text a curator wrote: the NUL character, which YAML does not allow and which YamlDotNet takes for
/// the end of the file (a binary file is full of them), and U+FFFD, which a decoder puts where bytes were not UTF-8 (a file
/// saved as Latin-1 or Windows-1252). Either would otherwise pass into the pack unseen, or end the reading with a misleading
/// syntax error. Each is reported once, at its first place (KG0026).
/// </summary>
internal static class NotText
{
    public const string Unreadable = "could not be read as text (it is binary, or it could not be opened)";

    /// <summary>
    /// Reports NUL and U+FFFD, and returns the text with each NUL read as a space, so the rest of the file is still checked
    /// and every span stays where it was. The error fails the build, so nothing read that way is generated. Null for a
    /// binary file, which is not read at all.
    /// </summary>
    public static string? Check(ReadContext context, string text)
    {
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
            context.Report(DiagnosticRules.NotText, At(text, replaced),
                "holds U+FFFD, the character that stands for bytes that are not UTF-8, so it was most likely saved in another encoding (such as Latin-1 or Windows-1252)");
        return text;
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

using System.Globalization;
using System.Text;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Turns curator text into C# that means exactly that text: string literals that escape everything but
/// plain printable characters, and doc-comment text that cannot end the comment, open an XML tag, or
/// hide a control or bidirectional-override character (Trojan Source).
/// </summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal whose value is <paramref name="value"/>, or <c>null</c>.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
            return "null";
        var builder = new StringBuilder(value.Length + 2);
        AppendLiteral(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the string literal of <paramref name="value"/>: runs of plain characters are copied whole.</summary>
    public static void AppendLiteral(StringBuilder builder, string value)
    {
        builder.Append('"');
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < '\u007F' && c != '"' && c != '\\')
                continue; // printable ASCII, nearly all of a pack's text, decided in one test
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => null,
            };
            if (escape is null && !NeedsEscape(c))
                continue;
            run = Replace(builder, value, run, i, 1, escape ?? Unicode(c));
        }
        builder.Append(value, run, value.Length - run);
        builder.Append('"');
    }

    /// <summary>Text for a doc comment: XML-escaped, on one line, with invisible characters shown as <c>\uXXXX</c>.</summary>
    public static string Doc(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var builder = new StringBuilder(value!.Length);
        AppendDoc(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends <see cref="Doc"/> of <paramref name="value"/>: runs of plain characters are copied whole.</summary>
    public static void AppendDoc(StringBuilder builder, string value)
    {
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c < '\u007F' && c != '&' && c != '<' && c != '>')
                continue; // printable ASCII, nearly all of a pack's text, decided in one test
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A whole non-BMP character (an emoji, a rare script) reads fine in a comment; an invisible
                // one (a tag character) is shown as its code point.
                if (CharUnicodeInfo.GetUnicodeCategory(value, i) is UnicodeCategory.Format or UnicodeCategory.Control
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                    run = Replace(builder, value, run, i, 2, "\\U" + char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                i++;
                continue;
            }
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' or '\n' or '\t' => " ",
                _ => null,
            };
            if (replacement is null && !NeedsEscape(c))
                continue;
            run = Replace(builder, value, run, i, 1, replacement ?? Unicode(c));
        }
        builder.Append(value, run, value.Length - run);
    }

    // Copies the run of plain text before position i, then what stands for the length characters at i; returns where
    // the next run starts.
    private static int Replace(StringBuilder builder, string value, int run, int i, int length, string replacement)
    {
        builder.Append(value, run, i - run).Append(replacement);
        return i + length;
    }

    private static string Unicode(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    // Control characters, format characters (the bidirectional overrides among them), line and paragraph
    // separators, and unpaired surrogates are written as escapes; everything else stands as itself.
    private static bool NeedsEscape(char c)
    {
        if (c >= ' ' && c < '\u007F')
            return false; // printable ASCII, nearly all of a pack's text
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return true;
            case UnicodeCategory.Surrogate:
                return true;
            default:
                return false;
        }
    }
}

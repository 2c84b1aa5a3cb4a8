using System.Globalization;
using System.Text;

namespace KnowledgeGen.Generator.Diagnostics;

/// <summary>
/// Makes a value safe to quote in a diagnostic message: a message is one line a curator reads in a
/// terminal or an IDE, so line breaks, control characters and invisible or bidirectional formatting
/// characters are shown as <c>\n</c>, <c>\t</c> or <c>\uXXXX</c>, and a very long value is cut short.
/// </summary>
public static class MessageText
{
    /// <summary>How many characters of a value a message quotes at most.</summary>
    public const int MaxLength = 300;

    public static string Safe(string text)
    {
        StringBuilder? builder = null;
        var length = text.Length;
        var cut = false;
        if (length > MaxLength)
        {
            length = MaxLength;
            if (char.IsHighSurrogate(text[length - 1]))
                length--;
            cut = true;
        }
        for (var i = 0; i < length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < length && char.IsLowSurrogate(text[i + 1]);
            var escape = Escape(text, i, pair);
            if (escape is null)
                builder?.Append(text, i, pair ? 2 : 1);
            else
                (builder ??= new StringBuilder(text, 0, i, length + 16)).Append(escape);
            if (pair)
                i++;
        }
        if (!cut)
            return builder?.ToString() ?? text;
        builder ??= new StringBuilder(text, 0, length, length + 1);
        return builder.Append('…').ToString();
    }

    /// <summary>True for a character a reader cannot see or that changes how the text around it is displayed.</summary>
    internal static bool IsInvisible(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;

    private static string? Escape(string text, int i, bool pair)
    {
        switch (text[i])
        {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
        }
        if (!IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i)))
            return null;
        return pair
            ? "\\U" + char.ConvertToUtf32(text[i], text[i + 1]).ToString("X8", CultureInfo.InvariantCulture)
            : "\\u" + ((int)text[i]).ToString("X4", CultureInfo.InvariantCulture);
    }
}

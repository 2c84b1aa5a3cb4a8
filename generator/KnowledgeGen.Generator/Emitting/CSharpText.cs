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
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(c))
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Text for a doc comment: XML-escaped, on one line, with invisible characters shown as <c>\uXXXX</c>.</summary>
    public static string Doc(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var builder = new StringBuilder(value!.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A whole non-BMP character (an emoji, a rare script) reads fine in a comment; an invisible
                // one (a tag character) is shown as its code point.
                if (CharUnicodeInfo.GetUnicodeCategory(value, i) is UnicodeCategory.Format or UnicodeCategory.Control
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                    builder.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                else
                    builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r':
                case '\n':
                case '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (NeedsEscape(c))
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    // Control characters, format characters (the bidirectional overrides among them), line and paragraph
    // separators, and unpaired surrogates are written as escapes; everything else stands as itself.
    private static bool NeedsEscape(char c)
    {
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

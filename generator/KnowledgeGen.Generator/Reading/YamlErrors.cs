using System;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Says what the YAML parser's messages mean for a curator, and what to do, keeping the parser's own
/// words in parentheses: "a quoted text is never closed; add the closing quote (While scanning ...)".
/// </summary>
internal static class YamlErrors
{
    public const string Unreadable =
        "the YAML reader could not go on after this point; look for a '[' or '{' that is not closed, or for an unusual line break character (U+2028, U+2029, U+0085)";

    /// <summary>For a list in brackets or a map in braces that the parser found no end of.</summary>
    public static string Unclosed(bool map) => map
        ? "this '{' is never closed with '}'; close it, or put the text in quotes if the '{' belongs to it"
        : "this '[' is never closed with ']'; close it, or put the text in quotes if the '[' belongs to it";

    public static string Explain(string message, string text, SourceSpan span)
    {
        var advice = Advice(message, text, span);
        return advice is null ? message : advice + " (" + message + ")";
    }

    private static string? Advice(string message, string text, SourceSpan span)
    {
        if (Has(message, "quoted scalar") && Has(message, "end of stream"))
            return "a quoted text is never closed; add the closing quote";
        if (Has(message, "quoted scalar") && Has(message, "wrong indentation"))
            return "a quoted text is not closed on its line, or goes on to a line that is not indented under its field; add the closing quote";
        if (Has(message, "cannot start any token"))
        {
            var c = span.StartIndex < text.Length ? text[span.StartIndex] : ' ';
            return c > ' ' && c < '\u007F'
                ? $"a text cannot start with '{c}' unless it is quoted; put the text in quotes"
                : "this character cannot start a text unless it is quoted; put the text in quotes";
        }
        if ((Has(message, "Invalid key indicator") || Has(message, "Block sequence entries are not allowed") || Has(message, "expected node content"))
            && StartsListItem(text, span))
            return "a '-' followed by a space or by the end of the line starts a list item, which cannot stand on the line of a field or inside brackets or braces; write a list's items on lines of their own below its field, and put a text that is '-' or starts with '- ' in quotes";
        if (Has(message, "anchor or alias"))
            return "'&' and '*' start YAML anchors and aliases; put the text in quotes";
        if (Has(message, "invalid mapping") || Has(message, "Mapping values are not allowed"))
            return "a text holds ': ', which YAML reads as the start of a field; put the text in quotes, or put the field on a line of its own";
        if (Has(message, "did not find expected") && FollowsClosingQuote(text, span) is { } quote)
            return quote == '\''
                ? "more text follows the closing quote of a quoted text, on the same line; a ' inside a text in single quotes is written twice ('it''s'), or put the text in double quotes"
                : "more text follows the closing quote of a quoted text, on the same line; a \" inside a text in double quotes is written \\\" (\"He said \\\"no\\\"\"), or put the text in single quotes";
        if (Has(message, "did not find expected key") || Has(message, "did not find expected '-' indicator"))
            return "a line is not indented like the lines around it, or a list or map is not closed";
        return null;
    }

    /// <summary>For a list in brackets or a map in braces whose closing character a comment hid.</summary>
    public static string CommentInBrackets(bool map) =>
        "a '#' after a space starts a comment, which hides the rest of its line, so the " + (map ? "'{' before it is never closed with '}'" : "'[' before it is never closed with ']'")
        + "; put the text that holds the '#' in quotes";

    /// <summary>
    /// The index of the first '#' after a space or tab between an opening bracket or brace and the error, outside quoted
    /// text: where a comment began that hid the rest of its line.
    /// </summary>
    public static int? CommentInFlow(string text, int open, int error)
    {
        var quote = '\0';
        for (var i = Math.Max(0, open); i < Math.Min(error, text.Length); i++)
        {
            var c = text[i];
            if (quote == '"' && c == '\\')
                i++;
            else if (quote != '\0')
                quote = c == quote ? '\0' : quote;
            else if (c is '"' or '\'' && i > 0 && text[i - 1] is ' ' or '\t' or '[' or '{' or ',' or ':')
                quote = c;
            else if (c == '#' && i > 0 && text[i - 1] is ' ' or '\t')
                return i;
        }
        return null;
    }

    // The quote character just before the error's position on its line (spaces between allowed), which is where the
    // parser stops when a quoted text is followed by more text: name: 'it's' or name: "A" B.
    private static char? FollowsClosingQuote(string text, SourceSpan span)
    {
        if (span.StartIndex >= text.Length || text[span.StartIndex] is ',' or ']' or '}' or '#' or '\r' or '\n')
            return null;
        var i = span.StartIndex - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        return i >= 0 && text[i] is '\'' or '"' ? text[i] : null;
    }

    // A '-' at the error's position that YAML reads as the start of a list item: followed by a space, a line break, the end,
    // or (inside brackets or braces) a ',', ']' or '}'.
    private static bool StartsListItem(string text, SourceSpan span)
    {
        var i = span.StartIndex;
        if (i >= text.Length || text[i] != '-')
            return false;
        return i + 1 == text.Length || text[i + 1] is ' ' or '\t' or '\r' or '\n' or ',' or ']' or '}';
    }

    private static bool Has(string message, string part) => message.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}

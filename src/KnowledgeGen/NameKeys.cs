using System;
using System.Globalization;
using System.Text;

namespace KnowledgeGen;

/// <summary>
/// A name as <c>Find</c> and <c>IsKnownAs</c> compare it, but for case: without the white space and the invisible
/// formatting characters around it (a right-to-left mark or a byte order mark that text copied from a right-to-left page
/// or a file carries along), and in Unicode's composed form, so a decomposed "é" (e and a combining accent) is the
/// precomposed one a pack writes. The generator compiles this same file (linked in its project), so its alias checks
/// (KG0019, KG0029) compare by the rule the runtime finds by.
/// </summary>
internal static class NameKeys
{
    internal static string Of(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsIgnoredAround(text[start]))
            start++;
        while (end > start && IsIgnoredAround(text[end - 1]))
            end--;
        var key = start == 0 && end == text.Length ? text : text.Substring(start, end - start);
        try
        {
            return key.IsNormalized(NormalizationForm.FormC) ? key : key.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return key; // a lone surrogate, which a pack may hold (the record format's "n!" text): no form to put it in
        }
    }

    private static bool IsIgnoredAround(char c) => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

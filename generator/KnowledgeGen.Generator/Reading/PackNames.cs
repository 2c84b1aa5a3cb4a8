using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Why a pack name or namespace is refused (<see cref="PackFileReader.IsIdentifier"/>), in words a curator can act on. The
/// rule is deliberately ASCII-only, stricter than C#: a name C# would take, but for its letters outside ASCII, is told so,
/// with its ASCII spelling where its letters have one (<c>Données</c> → <c>Donnees</c>).
/// </summary>
internal static class PackNames
{
    /// <summary>
    /// The letters outside ASCII of a name that would be a C# identifier (or dotted namespace) but for them, such as
    /// <c>'é'</c> or <c>'é', 'ï'</c>; null when the name is refused for another reason, or not at all.
    /// </summary>
    public static string? NonAsciiLetters(string text, bool allowDots)
    {
        if (PackFileReader.IsIdentifier(text, allowDots))
            return null;
        if (Normalized(text, NormalizationForm.FormC) is not { } composed)
            return null;
        var letters = new List<string>();
        foreach (var part in allowDots ? composed.Split('.') : new[] { composed })
        {
            if (!IsIdentifierButForAscii(part))
                return null;
            for (var i = 0; i < part.Length; i++)
            {
                if (part[i] <= 127)
                    continue;
                var letter = char.IsHighSurrogate(part[i]) && i + 1 < part.Length ? part.Substring(i++, 2) : part[i].ToString();
                if (!letters.Contains(letter))
                    letters.Add(letter);
            }
        }
        if (letters.Count == 0)
            return null;
        var shown = letters.Count > 3 ? letters.GetRange(0, 3) : letters;
        return string.Join(", ", shown.ConvertAll(l => "'" + l + "'")) + (letters.Count > 3 ? " …" : "");
    }

    /// <summary>
    /// What to write instead of a name C# would take but for its letters outside ASCII, and why: its ASCII spelling where its
    /// letters have one, otherwise <paramref name="otherwise"/>. Null for a name refused for another reason.
    /// </summary>
    /// <param name="field">The pack's field the message names: "name" or "namespace".</param>
    public static string? Advice(string value, bool allowDots, string field, string otherwise)
    {
        if (NonAsciiLetters(value, allowDots) is not { } letters)
            return null;
        var instead = AsciiSpelling(value, allowDots) is { } spelled ? $"'{spelled}'" : otherwise;
        return $"{instead}: letters outside ASCII ({letters}) are not accepted in a pack's {field}, though C# accepts them";
    }

    /// <summary>The name spelled in ASCII (<c>Données.Faits</c> → <c>Donnees.Faits</c>), or null when its letters have no such spelling.</summary>
    public static string? AsciiSpelling(string text, bool allowDots)
    {
        if (Normalized(text, NormalizationForm.FormD) is not { } decomposed)
            return null;
        var builder = new StringBuilder(text.Length);
        foreach (var c in decomposed)
        {
            if (c <= 127)
                builder.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // the accent of a decomposed letter: é → e
            else if (Spelled.TryGetValue(c, out var ascii))
                builder.Append(ascii);
            else
                return null;
        }
        var spelled = builder.ToString();
        return PackFileReader.IsIdentifier(spelled, allowDots) ? spelled : null;
    }

    /// <summary>
    /// Why a project's RootNamespace is not taken as the pack's name: "letters outside ASCII ('é') are not accepted in a
    /// pack's name and namespace", "'class' is a C# keyword", "it is not C# identifiers joined by dots".
    /// </summary>
    public static string WhyNotUsable(string text)
    {
        if (NonAsciiLetters(text, allowDots: true) is { } letters)
            return $"letters outside ASCII ({letters}) are not accepted in a pack's name and namespace";
        foreach (var part in text.Split('.'))
            if (PackFileReader.CSharpKeywords.Contains(part))
                return $"'{part}' is a C# keyword";
        return "it is not C# identifiers joined by dots";
    }

    // The text normalized, or null when it cannot be (a lone surrogate, which no name C# takes holds either).
    private static string? Normalized(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (System.ArgumentException)
        {
            return null;
        }
    }

    // A C# identifier as the language defines it, letters outside ASCII included, and not a keyword.
    private static bool IsIdentifierButForAscii(string part)
    {
        if (part.Length == 0)
            return false;
        var ascii = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(part, i);
            var first = i == 0;
            var letter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
            var other = category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
            if (!(letter || part[i] == '_' || (!first && other)))
                return false;
            ascii.Append(part[i] <= 127 ? part[i] : first ? 'a' : '0');
            if (char.IsHighSurrogate(part[i]) && i + 1 < part.Length)
                i++;
        }
        return PackFileReader.IsIdentifier(ascii.ToString(), allowDots: false);
    }

    // Letters that do not decompose into an ASCII letter and a mark, but have a usual ASCII spelling.
    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O",
        ['đ'] = "d", ['Đ'] = "D", ['ł'] = "l", ['Ł'] = "L", ['þ'] = "th", ['Þ'] = "Th", ['ı'] = "i",
    };
}

using System;
using System.Collections.Generic;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Whether a text is a well-formed IETF language tag (BCP 47, RFC 5646 section 2.1), checked by its syntax alone:
/// without the subtag registry, so <c>xx</c> is well-formed though no language has that code. The primary language
/// subtag is 2 or 3 letters (BCP 47's 4-letter subtags are reserved and its 5- to 8-letter ones unused, and the
/// deprecated irregular tags such as <c>i-klingon</c> are not taken); then up to three extended language subtags
/// (3 letters), a script (4 letters), a region (2 letters or 3 digits), variants (5 to 8 letters and digits, or a
/// digit and 3 more), extensions (a single letter or digit other than x, then subtags of 2 to 8) and private use
/// (<c>x</c>, then subtags of 1 to 8), in that order, joined by '-', in any case. A tag of private use alone
/// (<c>x-klingon</c>) is well-formed too. schema/kg.schema.json holds the same rule as a pattern (a test keeps them
/// in step).
/// </summary>
public static class LanguageTags
{
    /// <summary>Whether <paramref name="tag"/> is a well-formed language tag, by the rule above.</summary>
    public static bool IsWellFormed(string tag) => Problem(tag) is null;

    /// <summary>Null when <paramref name="tag"/> is well-formed; otherwise what is wrong and what to write instead.</summary>
    internal static (string Reason, string Advice)? Check(string tag)
    {
        var reason = Problem(tag);
        if (reason is null)
            return null;
        if (tag.IndexOf('_') >= 0 && Problem(tag.Replace('_', '-')) is null)
            return ("its subtags are joined by '_'", $"'{tag.Replace('_', '-')}': subtags are joined by '-'");
        if (Names.TryGetValue(tag.Trim(), out var code))
            return ("it is the name of a language, not its tag", $"'{code}' for {Capitalized(tag.Trim())}");
        return (reason, "a tag such as 'en', 'de', 'prs' or 'pt-BR'");
    }

    private static string? Problem(string tag)
    {
        if (tag.Length == 0)
            return "it is empty";
        foreach (var c in tag)
            if (!(IsLetter(c) || IsDigit(c) || c == '-'))
                return "it holds characters other than ASCII letters, digits and '-'";
        var subtags = tag.Split('-');
        foreach (var subtag in subtags)
        {
            if (subtag.Length == 0)
                return "a subtag is empty (a '-' at the start or end, or two in a row)";
            if (subtag.Length > 8)
                return $"the subtag '{subtag}' is longer than 8 characters";
        }

        var i = 0;
        if (IsX(subtags[0]))
            return PrivateUse(subtags, 0);
        if (!(subtags[0].Length is 2 or 3 && AllLetters(subtags[0])))
            return $"it must start with the language as 2 or 3 letters ('en', 'prs'), not '{subtags[0]}'";
        i++;
        for (var extended = 0; extended < 3 && i < subtags.Length && subtags[i].Length == 3 && AllLetters(subtags[i]); extended++)
            i++;
        if (i < subtags.Length && subtags[i].Length == 4 && AllLetters(subtags[i]))
            i++;
        if (i < subtags.Length && ((subtags[i].Length == 2 && AllLetters(subtags[i])) || (subtags[i].Length == 3 && AllDigits(subtags[i]))))
            i++;
        while (i < subtags.Length && (subtags[i].Length >= 5 || (subtags[i].Length == 4 && IsDigit(subtags[i][0]))))
            i++;
        while (i < subtags.Length && subtags[i].Length == 1 && !IsX(subtags[i]))
        {
            var singleton = subtags[i++];
            var start = i;
            while (i < subtags.Length && subtags[i].Length >= 2)
                i++;
            if (i == start)
                return $"the extension '{singleton}' has no subtags of 2 to 8 characters after it";
        }
        if (i < subtags.Length && IsX(subtags[i]))
            return PrivateUse(subtags, i);
        if (i < subtags.Length)
            return $"the subtag '{subtags[i]}' is none of a script (4 letters), a region (2 letters or 3 digits) or a variant " +
                "(5 to 8 letters and digits, or a digit and 3 more), or it stands out of that order";
        return null;
    }

    // 'x' at subtags[at], then one or more subtags of 1 to 8 characters to the end of the tag.
    private static string? PrivateUse(string[] subtags, int at) =>
        at + 1 < subtags.Length ? null : "the private use 'x' has no subtags after it";

    private static bool IsX(string subtag) => subtag is "x" or "X";

    private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool AllLetters(string text)
    {
        foreach (var c in text)
            if (!IsLetter(c))
                return false;
        return true;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
            if (!IsDigit(c))
                return false;
        return true;
    }

    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1).ToLowerInvariant();

    // Languages written by their English name where a tag belongs, with the tag to write instead: common ones and those of
    // the region the first packs cover. Not a registry; any other name is told to use a tag.
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["English"] = "en", ["German"] = "de", ["French"] = "fr", ["Spanish"] = "es", ["Portuguese"] = "pt", ["Italian"] = "it",
        ["Dutch"] = "nl", ["Russian"] = "ru", ["Ukrainian"] = "uk", ["Polish"] = "pl", ["Czech"] = "cs", ["Hungarian"] = "hu",
        ["Romanian"] = "ro", ["Greek"] = "el", ["Bulgarian"] = "bg", ["Serbian"] = "sr", ["Croatian"] = "hr", ["Swedish"] = "sv",
        ["Norwegian"] = "no", ["Danish"] = "da", ["Finnish"] = "fi", ["Turkish"] = "tr", ["Arabic"] = "ar", ["Hebrew"] = "he",
        ["Persian"] = "fa", ["Farsi"] = "fa", ["Dari"] = "prs", ["Pashto"] = "ps", ["Pashtu"] = "ps", ["Urdu"] = "ur",
        ["Hindi"] = "hi", ["Bengali"] = "bn", ["Punjabi"] = "pa", ["Uzbek"] = "uz", ["Tajik"] = "tg", ["Turkmen"] = "tk",
        ["Kurdish"] = "ku", ["Chinese"] = "zh", ["Mandarin"] = "zh", ["Japanese"] = "ja", ["Korean"] = "ko", ["Vietnamese"] = "vi",
        ["Thai"] = "th", ["Indonesian"] = "id", ["Malay"] = "ms", ["Swahili"] = "sw", ["Hausa"] = "ha", ["Somali"] = "so",
        ["Amharic"] = "am",
    };
}

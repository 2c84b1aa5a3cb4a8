using System;
using System.Collections.Generic;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Whether a text is a well-formed IETF language tag (BCP 47, RFC 5646 section 2.1), checked by its syntax, without the
/// subtag registry, so <c>xx</c> is well-formed though no language has that code. The primary language subtag is 2 or 3
/// letters (BCP 47's 4-letter subtags are reserved and its 5- to 8-letter ones unused, and the deprecated irregular tags
/// such as <c>i-klingon</c> are not taken); then an extended language subtag (3 letters), a script (4 letters), a region
/// (2 letters or 3 digits), variants (5 to 8 letters and digits, or a digit and 3 more), extensions (a single letter or
/// digit other than x, then subtags of 2 to 8) and private use (<c>x</c>, then subtags of 1 to 8), in that order, joined
/// by '-', in any case. A tag of private use alone (<c>x-klingon</c>) is well-formed too.
/// <para>
/// The syntax allows up to three extended language subtags after any language, but RFC 5646 section 2.2.2 makes a second
/// or third one never valid, and gives each one a prefix: the registry has them only after the few languages of
/// <see cref="WithExtendedLanguages"/>. So one is taken, after those languages only, and a subtag of 3 letters anywhere else
/// is a mistake: after <c>en</c> it is a region written with the 3 letters of ISO 3166 (<c>en-USA</c> for <c>en-US</c>).
/// </para>
/// schema/kg.schema.json holds the same rule as a pattern (a test keeps them in step).
/// </summary>
public static class LanguageTags
{
    /// <summary>Whether <paramref name="tag"/> is a well-formed language tag, by the rule above.</summary>
    public static bool IsWellFormed(string tag) => Problem(tag) is null;

    /// <summary>Null when <paramref name="tag"/> is well-formed; otherwise what is wrong and what to write instead.</summary>
    internal static (string Reason, string Advice)? Check(string tag)
    {
        var reason = Problem(tag, out var misplaced);
        if (reason is null)
            return null;
        if (tag.IndexOf('_') >= 0 && Problem(tag.Replace('_', '-')) is null)
            return ("its subtags are joined by '_'", $"'{tag.Replace('_', '-')}': subtags are joined by '-'");
        if (Names.TryGetValue(tag.Trim(), out var code))
            return ("it is the name of a language, not its tag", $"'{code}' for {Capitalized(tag.Trim())}");
        if (misplaced is { } at)
        {
            // A subtag of 3 letters where none is taken: a region written with ISO 3166's 3 letters, or a second extended language.
            var subtags = new List<string>(tag.Split('-'));
            if (at == 2 && HasExtendedLanguages(subtags[0]) && subtags[1].Length == 3)
                subtags.RemoveAt(at);
            else if (Regions.TryGetValue(subtags[at], out var twoLetters))
                subtags[at] = twoLetters;
            else
                return (reason, "a region of 2 letters, such as 'US', or of 3 digits, such as '419'");
            var repaired = string.Join("-", subtags);
            if (Problem(repaired) is null)
                return (reason, $"'{repaired}'");
        }
        return (reason, "a tag such as 'en', 'de', 'prs' or 'pt-BR'");
    }

    // The languages that have extended language subtags: the prefix of every extended language subtag of the IANA registry
    // (Arabic, Konkani, Latvian, Malay, sign languages, Swahili, Uzbek and Chinese, whose varieties it lists as such).
    private static readonly string[] WithExtendedLanguages = { "ar", "kok", "lv", "ms", "sgn", "sw", "uz", "zh" };

    private static bool HasExtendedLanguages(string language)
    {
        foreach (var prefix in WithExtendedLanguages)
            if (string.Equals(prefix, language, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static string? Problem(string tag) => Problem(tag, out _);

    // What is wrong with the tag, or null; misplaced is the index of a subtag of 3 letters that stands where none is taken
    // (a region written en-USA, a second extended language), when that is what is wrong.
    private static string? Problem(string tag, out int? misplaced)
    {
        misplaced = null;
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
        if (HasExtendedLanguages(subtags[0]) && i < subtags.Length && subtags[i].Length == 3 && AllLetters(subtags[i]))
        {
            i++;
            if (i < subtags.Length && subtags[i].Length == 3 && AllLetters(subtags[i]))
            {
                misplaced = i;
                return $"it has two extended language subtags ('{subtags[i - 1]}', '{subtags[i]}'), and a tag takes one at most";
            }
        }
        if (i < subtags.Length && subtags[i].Length == 4 && AllLetters(subtags[i]))
            i++;
        if (i < subtags.Length && ((subtags[i].Length == 2 && AllLetters(subtags[i])) || (subtags[i].Length == 3 && AllDigits(subtags[i]))))
            i++;
        else if (i < subtags.Length && subtags[i].Length == 3 && AllLetters(subtags[i]))
        {
            misplaced = i;
            return $"the region '{subtags[i]}' has 3 letters, but a region is 2 letters or 3 digits";
        }
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

    // Regions written with the 3 letters of ISO 3166-1 where a tag takes its 2 letters, with those 2 letters: common ones and
    // those of the region the first packs cover. Not a registry; any other is told what a region is.
    private static readonly Dictionary<string, string> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = "US", ["GBR"] = "GB", ["CAN"] = "CA", ["AUS"] = "AU", ["NZL"] = "NZ", ["IRL"] = "IE", ["DEU"] = "DE",
        ["AUT"] = "AT", ["CHE"] = "CH", ["FRA"] = "FR", ["BEL"] = "BE", ["NLD"] = "NL", ["LUX"] = "LU", ["ESP"] = "ES",
        ["PRT"] = "PT", ["ITA"] = "IT", ["GRC"] = "GR", ["POL"] = "PL", ["CZE"] = "CZ", ["HUN"] = "HU", ["ROU"] = "RO",
        ["BGR"] = "BG", ["SRB"] = "RS", ["HRV"] = "HR", ["SWE"] = "SE", ["NOR"] = "NO", ["DNK"] = "DK", ["FIN"] = "FI",
        ["RUS"] = "RU", ["UKR"] = "UA", ["TUR"] = "TR", ["ISR"] = "IL", ["SAU"] = "SA", ["ARE"] = "AE", ["QAT"] = "QA",
        ["EGY"] = "EG", ["IRN"] = "IR", ["IRQ"] = "IQ", ["SYR"] = "SY", ["AFG"] = "AF", ["PAK"] = "PK", ["IND"] = "IN",
        ["BGD"] = "BD", ["UZB"] = "UZ", ["TJK"] = "TJ", ["TKM"] = "TM", ["KAZ"] = "KZ", ["KGZ"] = "KG", ["CHN"] = "CN",
        ["TWN"] = "TW", ["HKG"] = "HK", ["JPN"] = "JP", ["KOR"] = "KR", ["VNM"] = "VN", ["THA"] = "TH", ["IDN"] = "ID",
        ["MYS"] = "MY", ["SGP"] = "SG", ["PHL"] = "PH", ["BRA"] = "BR", ["MEX"] = "MX", ["ARG"] = "AR", ["CHL"] = "CL",
        ["COL"] = "CO", ["PER"] = "PE", ["ZAF"] = "ZA", ["NGA"] = "NG", ["KEN"] = "KE", ["ETH"] = "ET",
    };

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

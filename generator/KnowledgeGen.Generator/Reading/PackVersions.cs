using System.Collections.Generic;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Whether a pack's <c>version</c> is a version its package can have, since it becomes the generated <c>Pack.Version</c> and is
/// meant to be the package's: a SemVer 2.0 version (<c>1.0.0</c>, <c>2.1.0-beta.1</c>, <c>1.0.0+build.5</c>), or one NuGet
/// also takes as a package's version: one, two or four numbers (<c>1</c>, <c>1.0</c>, <c>1.0.0.0</c>), and numbers written with
/// leading zeros (<c>01.0.0</c>, which NuGet reads as <c>1.0.0</c>). Whatever the numbers, a pre-release label (after <c>-</c>)
/// and build metadata (after <c>+</c>) are written as SemVer writes them: parts of ASCII letters, digits and <c>-</c> joined
/// by <c>.</c>, none empty, and a part of the label that is a number has no leading zero (<c>beta.01</c> is refused by both).
/// No number is above 2147483647: NuGet holds each as a 32-bit integer and refuses a larger one (<c>1.0.99999999999</c>), though
/// SemVer sets no limit. schema/kg.schema.json holds the same rule as a pattern (a test keeps them in step).
/// </summary>
public static class PackVersions
{
    /// <summary>The largest number of a version NuGet takes (its numbers are 32-bit integers).</summary>
    internal const string MaxNumber = "2147483647";

    /// <summary>What the message gives as examples when it has no better one.</summary>
    internal const string Examples = "'1.0.0', '2.1.0-beta.1' or '1.0.0+build.5'";

    /// <summary>Whether <paramref name="version"/> is a version a package can have, by the rule above.</summary>
    public static bool IsWellFormed(string version) => HasTheForm(version) && TooLarge(version) is null;

    // The rule without the size of the numbers.
    private static bool HasTheForm(string version)
    {
        var plus = version.IndexOf('+');
        if (plus >= 0 && !Parts(version.Substring(plus + 1), label: false))
            return false;
        var core = plus >= 0 ? version.Substring(0, plus) : version;
        var dash = core.IndexOf('-');
        if (dash >= 0 && !Parts(core.Substring(dash + 1), label: true))
            return false;
        var numbers = (dash >= 0 ? core.Substring(0, dash) : core).Split('.');
        if (numbers.Length > 4)
            return false;
        foreach (var number in numbers)
            if (number.Length == 0 || !AllDigits(number))
                return false;
        return true;
    }

    /// <summary>
    /// Null when <paramref name="version"/> is well-formed; otherwise what the message says of it after "which" (who does not
    /// take it, and why, in parentheses), and what to write: the version without a leading 'v', or examples.
    /// </summary>
    internal static (string Problem, string Example)? Check(string version)
    {
        if (IsWellFormed(version))
            return null;
        // SemVer takes a number of any size, so only NuGet is said to refuse it.
        if (HasTheForm(version) && TooLarge(version) is { } number)
            return ($"NuGet does not take ({number} is a number above {MaxNumber}, the largest it takes)", Examples);
        var (reason, example) = Why(version);
        return ("is neither a SemVer 2.0 version nor one NuGet takes" + reason, example);
    }

    // Why SemVer and NuGet both refuse the version, in parentheses: a leading 'v' whenever there is one, the first fault of its
    // form found (in the version without its 'v'), and a number above MaxNumber when it has one too, since it would still be
    // refused for each once the others are mended. Only a version of the form is refused for its number alone (see Check), so
    // every version this is asked about has a fault of its form to say.
    private static (string Reason, string Example) Why(string version)
    {
        var rest = version.Length > 1 && version[0] is 'v' or 'V' ? version.Substring(1) : null;
        if (rest is not null && IsWellFormed(rest))
            return (" (it starts with 'v')", $"'{rest}'");
        // Without the 'v' it would still be refused, for its number or for another fault of its form, so each is said, and no
        // version to copy is offered.
        var reasons = new List<string>();
        if (rest is not null)
            reasons.Add("it starts with 'v'");
        var written = rest ?? version;
        if (!HasTheForm(written) && (FormFault(written) ?? PartFault(written, afterV: rest is not null)) is { } fault)
            reasons.Add(fault);
        if (TooLarge(written) is { } large)
            reasons.Add($"{large} is a number above {MaxNumber}, the largest NuGet takes");
        return (reasons.Count == 0 ? "" : $" ({Join(reasons)})", Examples);
    }

    // Reasons as the message lists them: "a", "a, and b", "a, b and c". Among three, a comma before the "and" closes a reason
    // that holds a comma of its own ("it holds 'ß', which is not an ASCII character, and …"), so that the last reason is not
    // read as part of it.
    private static string Join(List<string> reasons)
    {
        if (reasons.Count == 1)
            return reasons[0];
        if (reasons.Count == 2)
            return $"{reasons[0]}, and {reasons[1]}";
        var last = reasons.Count - 1;
        return string.Join(", ", reasons.GetRange(0, last)) + (reasons[last - 1].IndexOf(',') >= 0 ? ", and " : " and ") + reasons[last];
    }

    // A fault FormFault does not name, found in the order the version is written: a character outside printable ASCII, a second
    // '+', then the numbers, the pre-release label and the build metadata, each part of which is to be there. Called on a version
    // that has not the form and none of FormFault's faults, for which one of these is always found (null otherwise). When the
    // version is what follows a leading 'v' (afterV), a fault at its start is said as what follows the 'v'.
    private static string? PartFault(string version, bool afterV = false)
    {
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c > 127)
            {
                var character = char.IsHighSurrogate(c) && i + 1 < version.Length && char.IsLowSurrogate(version[i + 1]) ? version.Substring(i, 2) : c.ToString();
                return $"it holds '{character}', which is not an ASCII character";
            }
            if (char.IsControl(c) && !char.IsWhiteSpace(c))
                return $"it holds '{c}'";
        }
        var plus = version.IndexOf('+');
        if (plus >= 0 && version.IndexOf('+', plus + 1) >= 0)
            return "it holds more than one '+'";
        var core = plus >= 0 ? version.Substring(0, plus) : version;
        var dash = core.IndexOf('-');
        var numbers = dash >= 0 ? core.Substring(0, dash) : core;
        if (numbers.Length == 0)
            return version.Length == 0 ? "it is empty" : StartsWith(version[0], afterV);
        var split = numbers.Split('.');
        for (int n = 0, at = 0; n < split.Length; at += split[n].Length + 1, n++)
        {
            if (split[n].Length == 0)
                return n == 0 ? StartsWith('.', afterV)
                    : at == version.Length ? "it ends with '.'"
                    : $"it has no number between '.' and '{version[at]}'";
            if (!AllDigits(split[n]))
                return $"'{split[n]}' is not a number";
        }
        if (dash >= 0 && EmptyPart(core.Substring(dash + 1), "its pre-release label") is { } label)
            return label;
        if (plus >= 0 && EmptyPart(version.Substring(plus + 1), "its build metadata") is { } metadata)
            return metadata;
        return null;
    }

    // Says what a version starts with where a number goes, or, after a leading 'v', what follows the 'v'.
    private static string StartsWith(char c, bool afterV) => afterV ? $"'{c}' follows the 'v'" : $"it starts with '{c}'";

    // Says that a pre-release label or build metadata is empty or has an empty part; null when it has neither.
    private static string? EmptyPart(string text, string what) =>
        text.Length == 0 ? $"{what} is empty"
        : System.Array.Exists(text.Split('.'), part => part.Length == 0) ? $"{what} has an empty part"
        : null;

    // The first fault found in the form of a version that does not have it, as the message says it; null when none of these is.
    private static string? FormFault(string version)
    {
        foreach (var c in version)
        {
            if (char.IsWhiteSpace(c))
                return "it holds white space";
            if (c < 127 && !char.IsControl(c) && !IsPartCharacter(c) && c is not ('.' or '+'))
                return $"it holds '{c}'";
        }
        var numbers = version.Split('-', '+')[0].Split('.');
        if (numbers.Length > 4 && System.Array.TrueForAll(numbers, n => n.Length > 0 && AllDigits(n)))
            return $"it has {numbers.Length} numbers, where SemVer has 3 and NuGet takes 1 to 4";
        var plus = version.IndexOf('+');
        var core = plus >= 0 ? version.Substring(0, plus) : version;
        var dash = core.IndexOf('-');
        if (dash >= 0)
            foreach (var part in core.Substring(dash + 1).Split('.'))
                if (part.Length > 1 && part[0] == '0' && AllDigits(part))
                    return $"{part} in its pre-release label is a number with a leading zero";
        return null;
    }

    // The first of the numbers (before a label or metadata) above MaxNumber, as written; null when there is none.
    private static string? TooLarge(string version)
    {
        foreach (var number in version.Split('-', '+')[0].Split('.'))
        {
            var value = number.TrimStart('0');
            if (AllDigits(number) && (value.Length > MaxNumber.Length || (value.Length == MaxNumber.Length && string.CompareOrdinal(value, MaxNumber) > 0)))
                return number;
        }
        return null;
    }

    // A pre-release label or build metadata: parts of letters, digits and '-' joined by '.', none empty; in a label, a part
    // that is a number has no leading zero.
    private static bool Parts(string text, bool label)
    {
        foreach (var part in text.Split('.'))
        {
            if (part.Length == 0)
                return false;
            foreach (var c in part)
                if (!IsPartCharacter(c))
                    return false;
            if (label && part.Length > 1 && part[0] == '0' && AllDigits(part))
                return false;
        }
        return true;
    }

    private static bool IsPartCharacter(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
            if (c < '0' || c > '9')
                return false;
        return true;
    }
}

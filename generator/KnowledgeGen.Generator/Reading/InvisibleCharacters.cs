using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Reports text that holds characters a reader cannot see or that reorder what is displayed around them
/// (Trojan Source, CVE-2021-42574): control characters, bidirectional embeddings, overrides and isolates,
/// zero-width and other invisible formatting characters, line and paragraph separators, and lone
/// surrogates. Tab and line feed are allowed, since multi-line text is legitimate; so are the zero-width
/// joiner and non-joiner, which Persian, Arabic and Indic scripts and emoji sequences need.
/// Every scalar of the file is checked, keys included, whatever field it is in.
/// </summary>
internal static class InvisibleCharacters
{
    private static readonly HashSet<string> EntityLists = new() { "sources", "actors", "places", "claims" };

    /// <summary>
    /// Reports every scalar of the file that holds such a character, naming where it stands. Nearly every file holds
    /// none, which the tree builder finds as it makes each scalar (<see cref="AnyIn"/>): this walk, which builds a
    /// description of every field on its way, is only for a file that has one.
    /// </summary>
    public static void Check(ReadContext context, string text, YamlNode root)
    {
        if (root is YamlMapping map)
        {
            foreach (var entry in map.Entries)
            {
                var key = entry.Key as YamlScalar;
                Key(context, text, entry.Key, "the pack file");
                if (key is not null && EntityLists.Contains(key.Value) && entry.Value is YamlSequence list)
                    Entities(context, text, list, key.Value);
                else if (key is { Value: "pack" })
                    Node(context, text, entry.Value, "the pack manifest");
                else
                    Field(context, text, entry.Value, key?.Value ?? "?", "the pack file");
            }
        }
        else
        {
            Node(context, text, root, "the pack file");
        }
    }

    /// <summary>True when <paramref name="value"/> holds a character this check reports.</summary>
    public static bool AnyIn(string value)
    {
        var length = 1;
        for (var i = 0; i < value.Length; i += length)
            if (IsSuspicious(value, i, out length))
                return true;
        return false;
    }

    /// <summary>True for a character this check reports; <paramref name="length"/> is 2 for a surrogate pair.</summary>
    public static bool IsSuspicious(string value, int i, out int length)
    {
        var c = value[i];
        length = 1;
        if (c >= ' ' && c < '\u007F')
            return false; // printable ASCII, nearly all of a pack's text: decided before anything else is looked at
        length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
        if (c == '\t' || c == '\n' || c == '\u200C' || c == '\u200D')
            return false;
        return MessageText.IsInvisible(CharUnicodeInfo.GetUnicodeCategory(value, i));
    }

    /// <summary>"U+202E (RIGHT-TO-LEFT OVERRIDE)".</summary>
    public static string Describe(string value, int i, int length)
    {
        var code = length == 2 ? char.ConvertToUtf32(value[i], value[i + 1]) : value[i];
        var hex = "U+" + code.ToString(code > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);
        return hex + " (" + Name(code, CharUnicodeInfo.GetUnicodeCategory(value, i)) + ")";
    }

    private static void Entities(ReadContext context, string text, YamlSequence list, string field)
    {
        var kind = field.Substring(0, field.Length - 1);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var owner = item is YamlMapping map && IdOf(map) is { } id ? $"the {kind} '{id}'" : $"the {kind} at item {i + 1}";
            Node(context, text, item, owner);
        }
    }

    private static void Node(ReadContext context, string text, YamlNode node, string owner)
    {
        switch (node)
        {
            case YamlScalar scalar:
                Scalar(context, text, scalar, MapFields.Capitalized(owner));
                break;
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    Key(context, text, entry.Key, owner);
                    Field(context, text, entry.Value, (entry.Key as YamlScalar)?.Value ?? "?", owner);
                }
                break;
            case YamlSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                    Node(context, text, list.Items[i], $"item {i + 1} of {owner}");
                break;
        }
    }

    private static void Field(ReadContext context, string text, YamlNode value, string field, string owner)
    {
        var quoted = MessageText.Safe(field);
        switch (value)
        {
            case YamlScalar scalar:
                Scalar(context, text, scalar, $"The field '{quoted}' of {owner}");
                break;
            case YamlSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                    Node(context, text, list.Items[i], $"item {i + 1} of the field '{quoted}' of {owner}");
                break;
            default:
                Node(context, text, value, $"the '{quoted}' of {owner}");
                break;
        }
    }

    private static void Key(ReadContext context, string text, YamlNode key, string owner)
    {
        if (key is YamlScalar scalar)
            Scalar(context, text, scalar, "A field name of " + owner);
        else
            Node(context, text, key, "a field name of " + owner);
    }

    private static void Scalar(ReadContext context, string text, YamlScalar scalar, string what)
    {
        var value = scalar.Value;
        var found = new List<string>();
        var first = -1;
        var firstLength = 0;
        var length = 1;
        for (var i = 0; i < value.Length && found.Count < 3; i += length)
        {
            if (!IsSuspicious(value, i, out length))
                continue;
            var description = Describe(value, i, length);
            if (!found.Contains(description))
                found.Add(description);
            if (first < 0)
            {
                first = i;
                firstLength = length;
            }
        }
        if (first < 0)
            return;
        var span = Locate(text, scalar.Span, value.Substring(first, firstLength));
        var list = found.Count == 1 ? found[0] : string.Join(", ", found.Take(found.Count - 1)) + " and " + found[found.Count - 1];
        context.Report(DiagnosticRules.InvisibleCharacter, span, what, list);
    }

    /// <summary>
    /// The span of the character as written in the file, when it is written there as itself; the whole
    /// scalar when it came from an escape sequence (<c>"\u202E"</c>), which a reader can see.
    /// </summary>
    private static SourceSpan Locate(string text, SourceSpan scalar, string character)
    {
        var end = System.Math.Min(scalar.EndIndex, text.Length);
        if (scalar.StartIndex >= end)
            return scalar;
        var at = text.IndexOf(character, scalar.StartIndex, end - scalar.StartIndex, System.StringComparison.Ordinal);
        if (at < 0)
            return scalar;
        var line = scalar.StartLine;
        var lineStart = scalar.StartIndex - scalar.StartColumn;
        for (var i = scalar.StartIndex; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(line, at - lineStart, line, at - lineStart + character.Length, at, at + character.Length);
    }

    private static string? IdOf(YamlMapping map)
    {
        foreach (var entry in map.Entries)
            if (entry.Key is YamlScalar { Value: "id" } && entry.Value is YamlScalar { IsNull: false } id)
                return MessageText.Safe(id.Value);
        return null;
    }

    private static string Name(int code, UnicodeCategory category) => code switch
    {
        0x0000 => "NULL",
        0x0008 => "BACKSPACE",
        0x000D => "CARRIAGE RETURN",
        0x001B => "ESCAPE",
        0x007F => "DELETE",
        0x0085 => "NEXT LINE",
        0x00AD => "SOFT HYPHEN",
        0x061C => "ARABIC LETTER MARK",
        0x180E => "MONGOLIAN VOWEL SEPARATOR",
        0x200B => "ZERO WIDTH SPACE",
        0x200E => "LEFT-TO-RIGHT MARK",
        0x200F => "RIGHT-TO-LEFT MARK",
        0x2028 => "LINE SEPARATOR",
        0x2029 => "PARAGRAPH SEPARATOR",
        0x202A => "LEFT-TO-RIGHT EMBEDDING",
        0x202B => "RIGHT-TO-LEFT EMBEDDING",
        0x202C => "POP DIRECTIONAL FORMATTING",
        0x202D => "LEFT-TO-RIGHT OVERRIDE",
        0x202E => "RIGHT-TO-LEFT OVERRIDE",
        0x2060 => "WORD JOINER",
        0x2066 => "LEFT-TO-RIGHT ISOLATE",
        0x2067 => "RIGHT-TO-LEFT ISOLATE",
        0x2068 => "FIRST STRONG ISOLATE",
        0x2069 => "POP DIRECTIONAL ISOLATE",
        0xFEFF => "ZERO WIDTH NO-BREAK SPACE",
        >= 0xE0000 and <= 0xE007F => "TAG CHARACTER",
        _ => category switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.Surrogate => "half of a surrogate pair, alone",
            _ => "an invisible formatting character",
        },
    };
}

using System;
using System.Text;

namespace KnowledgeGen.Generator.Model;

/// <summary>Ids and the C# names they become.</summary>
public static class Naming
{
    /// <summary>Kebab-case: lower-case ASCII letters and digits in words joined by single hyphens.</summary>
    public static bool IsValidId(string id)
    {
        if (id.Length == 0 || id.Length > 200 || id[0] == '-' || id[id.Length - 1] == '-')
            return false;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
            if (!ok)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether two names are one spelling: equal but for what <c>Pack.Find</c> ignores besides case (<see cref="FindKey"/>).
    /// Unlike <c>Find</c>, case counts: <c>Khawak pass</c> and <c>Khawak Pass</c> are two spellings, each of which a pack
    /// records when its documents use it.
    /// </summary>
    public static bool SameSpelling(string x, string y) => string.Equals(FindKey(x), FindKey(y), StringComparison.Ordinal);

    /// <summary>
    /// A name as the runtime's <c>Pack.Find</c> compares it, but for case: the runtime's own rule (<c>NameKeys</c> in
    /// src/KnowledgeGen, which this project compiles too).
    /// </summary>
    public static string FindKey(string text) => KnowledgeGen.NameKeys.Of(text);

    /// <summary>
    /// <c>taliban-lost-40-fighters</c> → <c>TalibanLost40Fighters</c>. A name that would start with a
    /// digit gets a leading underscore, so every valid id gives a valid C# identifier (never a keyword:
    /// keywords are lower-case).
    /// </summary>
    public static string Pascal(string id)
    {
        var builder = new StringBuilder(id.Length + 1);
        var upperNext = true;
        foreach (var c in id)
        {
            if (c == '-')
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (builder.Length > 0 && char.IsDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }
}

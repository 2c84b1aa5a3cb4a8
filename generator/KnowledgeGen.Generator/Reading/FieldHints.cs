using System.Collections.Generic;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// What to write for a missing required field, so that the message says how to fix it:
/// "add 'claimant:' with the id of the actor who made the claim".
/// </summary>
internal static class FieldHints
{
    private static readonly Dictionary<string, string> Hints = new()
    {
        ["id"] = "a kebab-case id such as 'fahim-dashti'",
        ["name"] = "the display name",
        ["statement"] = "what is claimed, in one sentence",
        ["claimant"] = "the id of the actor who made the claim",
        ["citations"] = "a list of at least one { source, quote }",
        ["source"] = "the id of the source the quote is taken from",
        ["quote"] = "the words as they stand in the source",
        ["title"] = "the role, such as spokesperson",
        ["unit"] = "what is counted, such as 'fighters killed'",
        ["date"] = "a date such as 2021-09-02, 2021-09 or 2021",
    };

    public static string For(string field, string? what = null) =>
        "'" + field + ":' with " + What(field, what);

    /// <summary>What a required field holds: "the id of the actor who made the claim".</summary>
    public static string What(string field, string? what = null) =>
        what ?? (Hints.TryGetValue(field, out var hint) ? hint : "a value");

    /// <summary>"one of a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> allowed)
    {
        if (allowed.Count == 1)
            return allowed[0];
        var items = new string[allowed.Count - 1];
        for (var i = 0; i < items.Length; i++)
            items[i] = allowed[i];
        return "one of " + string.Join(", ", items) + " or " + allowed[allowed.Count - 1];
    }
}

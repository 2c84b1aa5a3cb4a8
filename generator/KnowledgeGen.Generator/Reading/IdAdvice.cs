using System.Collections.Generic;
using System.Text;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>Why an id is not valid, and the kebab-case id it was probably meant to be.</summary>
internal static class IdAdvice
{
    public const int MaxLength = 200;
    private const string Example = "fahim-dashti";

    /// <summary>"it has upper-case letters and the character '_'".</summary>
    public static string Reason(string id)
    {
        if (id.Length == 0)
            return "it is empty";
        if (id.Length > MaxLength)
            return $"it is longer than {MaxLength} characters";
        // Written in quotes with spaces around it: an id is written exactly, as every reference to it is.
        if (id.Trim().Length != id.Length && Naming.IsValidId(id.Trim()))
            return "it has white space around it";
        var reasons = new List<string>();
        foreach (var c in id)
        {
            var reason = c switch
            {
                >= 'A' and <= 'Z' => "upper-case letters",
                ' ' => "spaces",
                (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' => null,
                _ => "the character '" + MessageText.Safe(c.ToString()) + "'",
            };
            if (reason is not null && !reasons.Contains(reason) && reasons.Count < 3)
                reasons.Add(reason);
        }
        if (reasons.Count > 0)
            return "it has " + string.Join(" and ", reasons);
        if (id[0] == '-')
            return "it starts with a hyphen";
        if (id[id.Length - 1] == '-')
            return "it ends with a hyphen";
        return "it has two hyphens in a row";
    }

    /// <summary>The id in kebab-case (<c>Fahim Dashti</c> → <c>fahim-dashti</c>), or an example when nothing is left of it.</summary>
    public static string Suggestion(string id)
    {
        var builder = new StringBuilder(id.Length);
        var pendingHyphen = false;
        foreach (var raw in id)
        {
            var c = raw >= 'A' && raw <= 'Z' ? (char)(raw + 32) : raw;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                    builder.Append('-');
                pendingHyphen = false;
                builder.Append(c);
                if (builder.Length >= MaxLength)
                    break;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var suggestion = builder.ToString().TrimEnd('-');
        return Naming.IsValidId(suggestion) ? suggestion : Example;
    }
}

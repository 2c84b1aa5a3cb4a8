using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGen.Generator.Reading;

/// <summary>"Did you mean" for unknown fields and unknown references: the nearest candidates by edit distance.</summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="text"/>, nearest first; ties by name.</summary>
    public static IReadOnlyList<string> Nearest(string text, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, text.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Distance(text, c)))
            .Where(x => x.Distance <= limit || x.Candidate.StartsWith(text, StringComparison.Ordinal) || text.StartsWith(x.Candidate, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>", did you mean 'a' or 'b'?" or nothing when no candidate is close.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates)
    {
        var nearest = Nearest(text, candidates);
        if (nearest.Count == 0)
            return "";
        return "; did you mean " + string.Join(" or ", nearest.Select(n => "'" + n + "'")) + "?";
    }

    /// <summary>Levenshtein distance, with a cap so very long strings cost little.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
            return Math.Max(a.Length, b.Length);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// How a quote is matched against its document. Matching ignores only differences of white space
/// (any run of it, non-breaking spaces included, counts as one space) and of straight versus
/// typographic quotes and dashes; everything else, case included, must be exactly as written.
/// </summary>
public static class QuoteMatching
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw) || raw == '\u200B' || raw == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(Fold(raw));
        }
        return builder.ToString();
    }

    private static char Fold(char c) => c switch
    {
        // typographic single quotes and apostrophes
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' => '\'',
        // typographic double quotes, guillemets among them
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' => '"',
        // hyphens and dashes
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' => '-',
        _ => c,
    };

    public static bool Contains(string normalizedDocument, string quote)
    {
        var normalized = Normalize(quote);
        return normalized.Length > 0 && normalizedDocument.IndexOf(normalized, StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// The passage of the document closest to the quote by edit distance (Sellers' approximate
    /// substring match), so a curator sees what the document actually says.
    /// </summary>
    public static string ClosestPassage(string normalizedDocument, string quote, int maxLength = 300)
    {
        var pattern = Normalize(quote);
        if (pattern.Length > maxLength)
            pattern = pattern.Substring(0, maxLength);
        var text = normalizedDocument;
        if (pattern.Length == 0 || text.Length == 0)
            return "";

        // cost[i] and start[i]: best edit distance of pattern[0..i) ending at the current text position,
        // and where in the text that match starts. Row 0 is free, so a match may start anywhere.
        var m = pattern.Length;
        var previousCost = new int[m + 1];
        var previousStart = new int[m + 1];
        var cost = new int[m + 1];
        var start = new int[m + 1];
        for (var i = 0; i <= m; i++)
            previousCost[i] = i;
        var bestCost = previousCost[m];
        var bestEnd = 0;
        var bestStart = 0;
        for (var j = 1; j <= text.Length; j++)
        {
            cost[0] = 0;
            start[0] = j;
            for (var i = 1; i <= m; i++)
            {
                var substitute = previousCost[i - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
                var delete = previousCost[i] + 1;
                var insert = cost[i - 1] + 1;
                if (substitute <= delete && substitute <= insert)
                {
                    cost[i] = substitute;
                    start[i] = previousStart[i - 1];
                }
                else if (delete <= insert)
                {
                    cost[i] = delete;
                    start[i] = previousStart[i];
                }
                else
                {
                    cost[i] = insert;
                    start[i] = start[i - 1];
                }
            }
            if (cost[m] < bestCost)
            {
                bestCost = cost[m];
                bestEnd = j;
                bestStart = start[m];
            }
            (previousCost, cost) = (cost, previousCost);
            (previousStart, start) = (start, previousStart);
        }
        if (bestEnd <= bestStart)
            return "";
        return text.Substring(bestStart, bestEnd - bestStart).Trim();
    }
}

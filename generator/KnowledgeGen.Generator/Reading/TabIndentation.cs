using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Finds the first line indented with a tab. YAML indents with spaces only, and the parser's own message
/// for a tab ("found character that cannot start any token") rarely says so; a curator whose editor
/// inserted tabs should be told where and why.
/// </summary>
internal static class TabIndentation
{
    /// <summary>The first tab in the leading white space of a line, if any, as a one-character span.</summary>
    public static bool Find(string text, out SourceSpan tab)
    {
        var line = 0;
        var lineStart = 0;
        var inIndentation = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Lines as the compiler counts them (TextBounds): a CR LF pair, or any one of its line breaks.
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            if (TextBounds.IsBreak(c))
            {
                line++;
                lineStart = i + 1;
                inIndentation = true;
                continue;
            }
            if (!inIndentation)
                continue;
            if (c == '\t')
            {
                var column = i - lineStart;
                tab = new SourceSpan(line, column, line, column + 1, i, i + 1);
                return true;
            }
            if (c != ' ' && c != '\uFEFF')
                inIndentation = false;
        }
        tab = default;
        return false;
    }
}

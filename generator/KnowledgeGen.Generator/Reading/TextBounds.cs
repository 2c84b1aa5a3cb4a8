using System;
using System.Collections.Generic;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Keeps a diagnostic's span inside its file. The YAML parser reports an error at the end of the stream one
/// line past the last line when the file does not end with a line break, and an editor cannot show a place
/// that does not exist. Lines are counted as Roslyn and editors count them: CR LF, CR, LF, U+0085, U+2028
/// and U+2029 each end a line.
/// </summary>
internal static class TextBounds
{
    public static void Clamp(string text, List<DiagnosticInfo> diagnostics)
    {
        List<int>? starts = null;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            starts ??= LineStarts(text);
            var span = Clamp(text, starts, d.Span);
            if (span != d.Span)
                diagnostics[i] = d with { Span = span };
        }
    }

    private static SourceSpan Clamp(string text, List<int> starts, SourceSpan span)
    {
        var (startLine, startColumn) = Position(text, starts, span.StartLine, span.StartColumn);
        var (endLine, endColumn) = Position(text, starts, span.EndLine, span.EndColumn);
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
            (endLine, endColumn) = (startLine, startColumn);
        var startIndex = Math.Min(Math.Max(0, span.StartIndex), text.Length);
        var endIndex = Math.Min(Math.Max(startIndex, span.EndIndex), text.Length);
        return new SourceSpan(startLine, startColumn, endLine, endColumn, startIndex, endIndex);
    }

    // A line past the last is the end of the text; a column past its line's end is the line's end.
    private static (int Line, int Column) Position(string text, List<int> starts, int line, int column)
    {
        if (line < 0)
            return (0, 0);
        if (line >= starts.Count)
        {
            var last = starts.Count - 1;
            return (last, LineLength(text, starts, last));
        }
        return (line, Math.Max(0, Math.Min(column, LineLength(text, starts, line))));
    }

    private static int LineLength(string text, List<int> starts, int line)
    {
        var end = line + 1 < starts.Count ? starts[line + 1] : text.Length;
        // Leave out the line break itself.
        if (end > starts[line] && IsBreak(text[end - 1]))
        {
            end--;
            if (text[end] == '\n' && end > starts[line] && text[end - 1] == '\r')
                end--;
        }
        return end - starts[line];
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (IsBreak(c))
                starts.Add(i + 1);
        }
        return starts;
    }

    public static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';
}

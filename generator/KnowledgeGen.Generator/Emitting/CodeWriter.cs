using System;
using System.Text;
using System.Threading;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>Indented lines with "\n" endings, whatever the platform, so output is byte-identical everywhere.</summary>
internal sealed class CodeWriter
{
    // A file's text is built in a builder kept for the next file: a generated file runs to megabytes in a large
    // pack, and growing a fresh builder chunk by chunk for each one cost as much memory traffic again as the text
    // itself. The process keeps one spare, not one per thread, so a host that runs the generator on many threads
    // holds at most MaxKept characters between runs; a writer that finds none takes a fresh builder. Builders past
    // MaxKept characters are left to the collector.
    private const int MaxKept = 4 << 20;

    private static StringBuilder? s_spare;

    private StringBuilder? _text;
    private int _indent;

    public CodeWriter() => _text = Interlocked.Exchange(ref s_spare, null) ?? new StringBuilder(4096);

    private StringBuilder Text => _text ?? throw new InvalidOperationException("The writer's text was already taken.");

    public void Line(string line = "")
    {
        if (line.Length > 0)
            Text.Append(' ', _indent * 4).Append(line);
        Text.Append('\n');
    }

    /// <summary>
    /// Starts a line at the current indent, for a caller that appends the line's pieces (escaped text among them)
    /// straight into the output instead of building the line as a string first; <see cref="End"/> ends it.
    /// </summary>
    public StringBuilder Begin() => Text.Append(' ', _indent * 4);

    public void End() => Text.Append('\n');

    /// <summary>A blank line between two members, none right after an opening brace.</summary>
    public void Separate()
    {
        var text = Text;
        if (text.Length >= 2 && text[text.Length - 1] == '\n' && text[text.Length - 2] == '{')
            return;
        Line();
    }

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Close(string closing = "}")
    {
        _indent--;
        Line(closing);
    }

    /// <summary>The text written; the writer is done with after this, and its builder goes back to the thread.</summary>
    public string Finish()
    {
        var builder = Text;
        var text = builder.ToString();
        _text = null;
        if (builder.Capacity <= MaxKept)
        {
            builder.Clear();
            Volatile.Write(ref s_spare, builder);
        }
        return text;
    }
}

using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>
    /// The text written, as the compiler's source text; the writer is done with after this, and its builder becomes
    /// the spare.
    /// </summary>
    public SourceText Finish()
    {
        var builder = Text;
        var text = ToSourceText(builder);
        _text = null;
        if (builder.Capacity <= MaxKept)
        {
            builder.Clear();
            Volatile.Write(ref s_spare, builder);
        }
        return text;
    }

    // Roslyn keeps a source text of LargeObjectChars characters or more in pieces smaller than that (LargeText)
    // when it reads the text from a reader, and whole when it is given a string. A generated file of a large pack
    // runs to hundreds of thousands of characters: as one string it would go to the large object heap, whose
    // fresh memory costs page faults and whose growth starts full collections during the run (two in every full
    // run at 10,000 facts); read from the builder, the text goes to the compiler in ordinary small arrays, copied
    // once either way. The value is Roslyn's own threshold (SourceText.LargeObjectHeapLimitInChars).
    private const int LargeObjectChars = 40 * 1024;

    private static SourceText ToSourceText(StringBuilder builder) =>
        builder.Length < LargeObjectChars
            ? SourceText.From(builder.ToString(), Encoding.UTF8)
            : SourceText.From(new BuilderReader(builder), builder.Length, Encoding.UTF8);

    /// <summary>Reads a builder's text from the start, copying from its chunks without making it one string.</summary>
    private sealed class BuilderReader : TextReader
    {
        private readonly StringBuilder _builder;
        private int _position;

        public BuilderReader(StringBuilder builder) => _builder = builder;

        public override int Peek() => _position < _builder.Length ? _builder[_position] : -1;

        public override int Read() => _position < _builder.Length ? _builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var read = Math.Min(count, _builder.Length - _position);
            _builder.CopyTo(_position, buffer, index, read);
            _position += read;
            return read;
        }
    }
}

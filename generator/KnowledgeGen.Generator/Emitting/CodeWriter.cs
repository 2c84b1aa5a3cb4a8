using System.Text;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>Indented lines with "\n" endings, whatever the platform, so output is byte-identical everywhere.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
    }

    /// <summary>
    /// Starts a line at the current indent, for a caller that appends the line's pieces (escaped text among them)
    /// straight into the output instead of building the line as a string first; <see cref="End"/> ends it.
    /// </summary>
    public StringBuilder Begin() => _text.Append(' ', _indent * 4);

    public void End() => _text.Append('\n');

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

    public override string ToString() => _text.ToString();
}

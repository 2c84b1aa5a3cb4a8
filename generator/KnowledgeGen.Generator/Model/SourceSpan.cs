namespace KnowledgeGen.Generator.Model;

/// <summary>
/// Where a piece of YAML stands in its file: zero-based line and column of its start and end, and the
/// character offsets, which is all a Roslyn Location needs, kept as plain numbers so models stay equatable.
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartIndex, int EndIndex)
{
    public static readonly SourceSpan FileStart = new(0, 0, 0, 0, 0, 0);

    /// <summary>The span as a compiler prints it: one-based <c>(line,column)</c>.</summary>
    public override string ToString() => $"({StartLine + 1},{StartColumn + 1})";
}

/// <summary>A value read from YAML together with where it stands.</summary>
public readonly record struct Located(string Value, SourceSpan Span)
{
    public override string ToString() => Value;
}

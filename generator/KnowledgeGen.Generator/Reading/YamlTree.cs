using System.Collections.Generic;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

// A small document tree with the span of every node: just what the reader needs to check a pack file
// field by field. It lives only while one file is read; nothing here is cached.

internal abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; private set; }

    /// <summary>Gives a node the parser placed nowhere the position of its first child.</summary>
    public void PlaceAt(SourceSpan span) => Span = span;

    /// <summary>How a curator would name this kind of node in a message: "a text", "a list", "a map".</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, SourceSpan span) : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>True when written without quotes, so <c>~</c>, <c>null</c> and nothing at all mean "no value".</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public Located Located => new(Value, Span);

    public override string KindName => IsNull ? "empty" : "a text ('" + Value + "')";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span) : base(span) { }

    public List<YamlNode> Items { get; } = new();

    public override string KindName => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceSpan span) : base(span) { }

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public override string KindName => "a map";
}

/// <summary>
/// What the tree builder notices about the scalars as it makes them, for the checks that would otherwise walk the
/// whole tree again after it: whether any scalar holds a character <see cref="InvisibleCharacters"/> reports, and the
/// plain values a comment cuts short (<see cref="CommentCut"/>), in the order they are written.
/// </summary>
internal sealed class ScalarNotes
{
    public bool AnySuspicious { get; set; }

    public List<YamlScalar> CutByComment { get; } = new();
}

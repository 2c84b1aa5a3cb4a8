using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Turns YAML text into a <see cref="YamlNode"/> tree using YamlDotNet's event parser, which keeps a
/// line and column for every node and is far cheaper than its deserializer. Anchors and aliases are
/// refused outright, which also makes alias-expansion bombs harmless; nesting is capped.
/// </summary>
internal static class YamlTreeBuilder
{
    public const int MaxDepth = 64;

    /// <summary>The first document's root, or null when the file is empty or could not be read.</summary>
    public static YamlNode? Build(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<YamlNode>();
        var pendingKeys = new Stack<YamlNode?>();
        YamlNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.WrongNodeKind, path, SpanOf(current),
                                "A pack file", "one YAML document", "a second document ('---'); split it into two files"));
                            return root;
                        }
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.AnchorsNotSupported, path, SpanOf(current), "*" + alias.Value));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.AnchorsNotSupported, path, SpanOf(current), "&" + node.Anchor.Value));
                        return null;
                    case Scalar scalar:
                        Attach(new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, SpanOf(scalar)));
                        break;
                    case SequenceStart:
                    case MappingStart:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.TooDeep, path, SpanOf(current), MaxDepth));
                            return null;
                        }
                        stack.Push(current is MappingStart ? new YamlMapping(SpanOf(current)) : new YamlSequence(SpanOf(current)));
                        pendingKeys.Push(null);
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        pendingKeys.Pop();
                        Attach(stack.Pop());
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.YamlSyntax, path, SpanOf(e.Start, e.End), CleanMessage(e)));
            return null;
        }
        return root;

        // A finished node goes into its parent: a list takes it as an item, a map alternates key and value.
        void Attach(YamlNode node)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return;
            }
            switch (stack.Peek())
            {
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlMapping mapping:
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        pendingKeys.Push(node);
                    }
                    else
                    {
                        mapping.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, node));
                        pendingKeys.Push(null);
                    }
                    break;
            }
        }
    }

    private static SourceSpan SpanOf(ParsingEvent e) => SpanOf(e.Start, e.End);

    private static SourceSpan SpanOf(Mark start, Mark end)
    {
        // YamlDotNet's marks are one-based; Roslyn's line positions are zero-based.
        var startLine = (int)Math.Max(0, start.Line - 1);
        var startColumn = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(startLine, end.Line - 1);
        var endColumn = (int)Math.Max(0, end.Column - 1);
        if (endLine == startLine && endColumn < startColumn)
            endColumn = startColumn;
        var startIndex = (int)Math.Max(0, start.Index);
        var endIndex = (int)Math.Max(startIndex, end.Index);
        return new SourceSpan(startLine, startColumn, endLine, endColumn, startIndex, endIndex);
    }

    // YamlDotNet prefixes its messages with the marks, which the diagnostic's location already carries.
    private static string CleanMessage(YamlException e)
    {
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(", StringComparison.Ordinal) && marker > 0)
            message = message.Substring(marker + 3);
        return message.Trim();
    }
}

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
    /// <param name="notes">Filled with what the checks that follow need to know of the scalars (see <see cref="ScalarNotes"/>).</param>
    public static YamlNode? Build(string path, string text, List<DiagnosticInfo> diagnostics, ScalarNotes notes, CancellationToken cancellationToken)
    {
        // A byte-order mark that reached the text is not content; marks are shifted back so spans index the text as given.
        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var parser = new Parser(new StringReader(bom == 0 ? text : text.Substring(1)));
        var last = SourceSpan.FileStart;
        var stack = new Stack<YamlNode>();
        var pendingKeys = new Stack<YamlNode?>();
        var flow = new Stack<bool>(); // for each open collection: written in brackets or braces
        // A map of one field written inside brackets ([a, b: c]) has no mark of its own in the parser's events; it takes
        // its first key's position, so that a message about it stands where it is written, not at the file's start.
        YamlNode? unplaced = null;
        YamlNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = parser.Current!;
                last = Span(current);
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.WrongNodeKind, path, Span(current),
                                "A pack file", "one YAML document", "a second document ('---'); split it into two files"));
                            return root;
                        }
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.AnchorsNotSupported, path, Span(current), "*" + alias.Value));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.AnchorsNotSupported, path, Span(current), "&" + node.Anchor.Value));
                        return null;
                    case Scalar scalar:
                        var read = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Span(scalar));
                        Notice(read);
                        Attach(read);
                        break;
                    case SequenceStart:
                    case MappingStart:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.TooDeep, path, Span(current), MaxDepth));
                            return null;
                        }
                        YamlNode collection = current is MappingStart ? new YamlMapping(Span(current)) : new YamlSequence(Span(current));
                        if (current is MappingStart && current.Start.Equals(Mark.Empty) && current.End.Equals(Mark.Empty))
                            unplaced = collection;
                        stack.Push(collection);
                        pendingKeys.Push(null);
                        flow.Push(current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow });
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        pendingKeys.Pop();
                        flow.Pop();
                        Attach(stack.Pop());
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            var span = Shift(SpanOf(e.Start, e.End));
            var message = YamlErrors.Explain(CleanMessage(e), text, span);
            // Inside brackets or braces, a '#' after a space starts a comment that hides the rest of its line, the closing
            // bracket too; the parser notices only lines later. Point at the '#'.
            if (flow.Count > 0 && flow.Peek() && message.IndexOf("did not find expected ','", StringComparison.Ordinal) >= 0
                && YamlErrors.CommentInFlow(text, stack.Peek().Span.StartIndex, span.StartIndex) is { } hash)
            {
                span = SpanAt(text, hash);
                message = YamlErrors.CommentInBrackets(stack.Peek() is YamlMapping) + " (" + CleanMessage(e) + ")";
            }
            if (TabIndentation.Find(text, out var tab) && (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 || tab.StartLine <= span.StartLine))
            {
                span = tab;
                message = $"line {tab.StartLine + 1} is indented with a tab, but YAML indents with spaces only ({message})";
            }
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.YamlSyntax, path, span, message));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet's scanner throws more than YamlException on a few inputs (a line separator inside a
            // flow collection, for one). The text is not valid YAML either way: report it after the last good node.
            var span = new SourceSpan(last.EndLine, last.EndColumn, last.EndLine, last.EndColumn, last.EndIndex, last.EndIndex);
            var message = YamlErrors.Unreadable;
            foreach (var (node, isFlow) in System.Linq.Enumerable.Zip(stack, flow, (n, f) => (n, f)))
            {
                if (!isFlow)
                    continue;
                var open = node.Span;
                span = new SourceSpan(open.StartLine, open.StartColumn, open.StartLine, open.StartColumn + 1, open.StartIndex, open.StartIndex + 1);
                message = YamlErrors.Unclosed(node is YamlMapping);
                break;
            }
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.YamlSyntax, path, span, message));
            return null;
        }
        return root;

        // Each scalar is looked at once, while it is fresh: every one, keys too, for invisible characters, and a value
        // (not a key: a comment after one would leave the field without its ':') for a comment that cuts it short.
        void Notice(YamlScalar scalar)
        {
            if (!notes.AnySuspicious && InvisibleCharacters.AnyIn(scalar.Value))
                notes.AnySuspicious = true;
            var isKey = stack.Count > 0 && stack.Peek() is YamlMapping && pendingKeys.Peek() is null;
            if (!isKey && CommentCut.Cuts(text, scalar))
                notes.CutByComment.Add(scalar);
        }

        // A finished node goes into its parent: a list takes it as an item, a map alternates key and value.
        void Attach(YamlNode node)
        {
            if (unplaced is not null && stack.Count > 0 && ReferenceEquals(stack.Peek(), unplaced))
            {
                unplaced.PlaceAt(node.Span);
                unplaced = null;
            }
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

        SourceSpan Span(ParsingEvent e) => Shift(SpanOf(e.Start, e.End));

        SourceSpan Shift(SourceSpan s) => bom == 0 ? s : new SourceSpan(s.StartLine, s.StartLine == 0 ? s.StartColumn + 1 : s.StartColumn,
            s.EndLine, s.EndLine == 0 ? s.EndColumn + 1 : s.EndColumn, s.StartIndex + 1, s.EndIndex + 1);
    }

    // The one character at an index of the text, by the lines the compiler counts (CR LF, CR, LF, U+0085, U+2028, U+2029).
    private static SourceSpan SpanAt(string text, int index)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] is '\n' or '\u0085' or '\u2028' or '\u2029' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(line, index - lineStart, line, index - lineStart + 1, index, index + 1);
    }

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

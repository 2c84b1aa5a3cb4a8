using System.Collections.Generic;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Text written without quotes ends where a comment begins: YAML reads a '#' after a space as a comment, so
/// <c>quote: the resistance holds #Panjshir #NRF</c> is the text "the resistance holds", and the rest is gone without a
/// word. A comment written so, its '#' followed at once by a letter or digit as a hashtag or a number is (<c>#NRF</c>,
/// <c>#3</c>), is most likely part of the text, and is warned about at the '#'; a comment written <c># like this</c> is
/// not.
/// </summary>
internal static class CommentCut
{
    private const int Shown = 60;

    public static void Check(ReadContext context, string text, YamlNode root)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMapping map:
                    // Values only: a key followed by a comment would leave the field without its ':'.
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                        pending.Push(map.Entries[i].Value);
                    break;
                case YamlSequence list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                        pending.Push(list.Items[i]);
                    break;
                case YamlScalar { IsPlain: true, IsNull: false } scalar:
                    Scalar(context, text, scalar);
                    break;
            }
        }
    }

    private static void Scalar(ReadContext context, string text, YamlScalar scalar)
    {
        var span = scalar.Span;
        var i = span.EndIndex;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        if (i == span.EndIndex || i + 1 >= text.Length || text[i] != '#' || !char.IsLetterOrDigit(text[i + 1]))
            return;
        var end = i;
        while (end < text.Length && text[end] is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
            end++;
        var comment = text.Substring(i, end - i).TrimEnd();
        var column = span.EndColumn + (i - span.EndIndex);
        var at = new SourceSpan(span.EndLine, column, span.EndLine, column + comment.Length, i, i + comment.Length);
        context.Report(DiagnosticRules.TextCutByComment, at, Cut(scalar.Value), Cut(comment));
    }

    private static string Cut(string text) => text.Length <= Shown ? text : text.Substring(0, Shown) + "…";
}

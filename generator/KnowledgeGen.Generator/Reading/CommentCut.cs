using System.Collections.Generic;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Text written without quotes ends where a comment begins: YAML reads a '#' after a space as a comment, so
/// <c>quote: the resistance holds #Panjshir #NRF</c> is the text "the resistance holds", and the rest is gone without a
/// word. A comment written so, its '#' followed at once by a letter or digit as a hashtag or a number is (<c>#NRF</c>,
/// <c>#3</c>), is most likely part of the text, and is warned about at the '#'; a comment written <c># like this</c> is
/// not. A value written as such a comment alone (<c>author: #nrf</c>) is no value at all, and is warned about the same
/// way (KG0036).
/// </summary>
internal static class CommentCut
{
    private const int Shown = 60;

    /// <summary>Warns at each comment that cut short one of <paramref name="cut"/>, the values <see cref="Cuts"/> found, or took its place.</summary>
    public static void Check(ReadContext context, string text, IReadOnlyList<YamlScalar> cut)
    {
        foreach (var scalar in cut)
        {
            var span = scalar.Span;
            var i = CommentAfter(text, span);
            var end = i;
            while (end < text.Length && text[end] is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
                end++;
            var comment = text.Substring(i, end - i).TrimEnd();
            var column = span.EndColumn + (i - span.EndIndex);
            var at = new SourceSpan(span.EndLine, column, span.EndLine, column + comment.Length, i, i + comment.Length);
            if (scalar.Value.Length == 0)
                context.Report(DiagnosticRules.ValueIsAComment, at, Cut(comment));
            else
                context.Report(DiagnosticRules.TextCutByComment, at, Cut(scalar.Value), Cut(comment));
        }
    }

    /// <summary>
    /// True when <paramref name="scalar"/>, a value (the tree builder asks for values only: a key followed by a comment
    /// would leave the field without its ':'), is plain text, or nothing at all, followed on its line by a comment written
    /// as a hashtag or a number is. (A value written with nothing stands where the field's ':' or the item's '-' ends;
    /// one written <c>~</c> or <c>null</c> is no value on purpose.)
    /// </summary>
    public static bool Cuts(string text, YamlScalar scalar)
    {
        if (!scalar.IsPlain || (scalar.IsNull && scalar.Value.Length > 0))
            return false;
        var i = CommentAfter(text, scalar.Span);
        return i > scalar.Span.EndIndex && i + 1 < text.Length && text[i] == '#' && char.IsLetterOrDigit(text[i + 1]);
    }

    // Where the first character after the scalar and the spaces and tabs that follow it stands.
    private static int CommentAfter(string text, SourceSpan span)
    {
        var i = span.EndIndex;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        return i;
    }

    private static string Cut(string text) => text.Length <= Shown ? text : text.Substring(0, Shown) + "…";
}

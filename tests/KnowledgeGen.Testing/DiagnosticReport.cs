using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace KnowledgeGen.Testing;

/// <summary>
/// The generator's diagnostics as a reviewer wants to read them in a snapshot: the compiler's line, then
/// the YAML line it points at with a caret under the span, so a wrong column shows at a glance.
/// </summary>
public static class DiagnosticReport
{
    public static string Format(IEnumerable<Diagnostic> diagnostics, IEnumerable<(string Path, string Text)> files)
    {
        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var d in Ordered(diagnostics))
        {
            var span = d.Location.GetLineSpan();
            var file = span.Path is { Length: > 0 } ? Path.GetFileName(span.Path) : "(no file)";
            builder.Append($"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ")
                .Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Id).Append(": ")
                .Append(d.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            if (span.Path is not null && texts.TryGetValue(span.Path, out var text))
                Excerpt(builder, text, span.StartLinePosition, span.EndLinePosition);
        }
        return builder.Length == 0 ? "(no diagnostics)\n" : builder.ToString();
    }

    public static IEnumerable<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static void Excerpt(StringBuilder builder, string text, Microsoft.CodeAnalysis.Text.LinePosition start,
        Microsoft.CodeAnalysis.Text.LinePosition end)
    {
        var lines = text.Split('\n');
        if (start.Line >= lines.Length)
        {
            builder.Append("    (line ").Append(start.Line + 1).Append(" is past the end of the file)\n");
            return;
        }
        var line = Visible(lines[start.Line].TrimEnd('\r'));
        var number = (start.Line + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4);
        builder.Append(number).Append(" | ").Append(line).Append('\n');
        var width = end.Line == start.Line ? Math.Max(1, end.Character - start.Character) : Math.Max(1, line.Length - start.Character);
        builder.Append(new string(' ', 4)).Append(" | ").Append(new string(' ', Math.Min(start.Character, line.Length)))
            .Append(new string('^', Math.Min(width, Math.Max(1, line.Length - start.Character)))).Append('\n');
    }

    // Tabs and invisible characters are shown as '→' and '·' so the caret stays under the right column
    // and the snapshot file holds nothing a reviewer cannot see.
    private static string Visible(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            var category = char.GetUnicodeCategory(c);
            builder.Append(c == '\t' ? '→'
                : category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate ? '·' : c);
        }
        return builder.ToString();
    }
}

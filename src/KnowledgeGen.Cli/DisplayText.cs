using System;
using System.IO;
using System.Text;

namespace KnowledgeGen.Cli;

/// <summary>
/// A pack's text as the tool shows it. A control character other than the line feed and the tab (an escape that
/// would drive the terminal, a carriage return or backspace that would write over what is shown), and a
/// bidirectional embedding, override or isolate (which reorders the text displayed around it, as in Trojan Source)
/// are written as <c>\uXXXX</c>. The generator warns of them in the YAML (KG0024), but a warning does not stop a
/// build, and <c>--pack</c> reads packs built by anyone. Everything else, right-to-left marks and joiners
/// included, is shown as it is.
/// </summary>
public static class DisplayText
{
    /// <summary><paramref name="text"/> with every character that <see cref="IsHidden"/> written as <c>\uXXXX</c>.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var first = 0;
        while (first < text.Length && !IsHidden(text[first]))
            first++;
        if (first == text.Length)
            return text; // nearly all text: no copy
        var shown = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
            Append(shown, text[i]);
        return shown.ToString();
    }

    /// <summary>True for a character the tool writes as <c>\uXXXX</c>.</summary>
    public static bool IsHidden(char c) =>
        c < ' ' ? c != '\n' && c != '\t'
        : c >= '\u007F' && c <= '\u009F' // DEL and the C1 controls (U+009B starts an escape sequence on some terminals)
          || c >= '\u202A' && c <= '\u202E' // embeddings and overrides
          || c >= '\u2066' && c <= '\u2069'; // isolates

    private static void Append(StringBuilder shown, char c)
    {
        if (IsHidden(c))
            shown.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        else
            shown.Append(c);
    }

    /// <summary>A writer that shows what is written to <paramref name="output"/> as <see cref="Of"/> does.</summary>
    public static TextWriter Writer(TextWriter output) => output as ShownWriter ?? new ShownWriter(output);

    private sealed class ShownWriter : TextWriter
    {
        private readonly TextWriter _output;

        public ShownWriter(TextWriter output) : base(output.FormatProvider) => _output = output;

        public override Encoding Encoding => _output.Encoding;

        public override void Write(char value)
        {
            if (IsHidden(value))
                _output.Write(Of(value.ToString()));
            else
                _output.Write(value);
        }

        public override void Write(string? value) => _output.Write(Of(value));

        public override void Write(char[] buffer, int index, int count) => _output.Write(Of(new string(buffer, index, count)));

        // The line ends are the output's own ("\r\n" on Windows), written past the check.
        public override void WriteLine() => _output.WriteLine();

        public override void WriteLine(string? value) => _output.WriteLine(Of(value));

        public override void Flush() => _output.Flush();
    }
}

using System.Globalization;
using System.Text.Encodings.Web;

namespace KnowledgeGen.Cli.Export;

/// <summary>
/// Escapes only what JSON requires (<c>"</c>, <c>\</c>), control characters and the bidirectional controls that
/// reorder text, and writes every other character as itself. <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> still escapes characters
/// outside the Basic Multilingual Plane and some format characters; this encoder keeps the pack's text
/// readable as it was written (Dari, Cyrillic, emoji), and the JSON stays valid.
/// </summary>
public sealed class JsonTextEncoder : JavaScriptEncoder
{
    /// <summary>The one instance.</summary>
    public static readonly JsonTextEncoder Instance = new();

    private JsonTextEncoder()
    {
    }

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || (unicodeScalar >= 0x7F && unicodeScalar <= 0x9F)
        // The bidirectional embeddings, overrides and isolates, which reorder the text around them where the JSON is shown
        // (a terminal, a diff, a code review): escaped, the data read back is the same and the file reads as it is.
        || (unicodeScalar >= 0x202A && unicodeScalar <= 0x202E) || (unicodeScalar >= 0x2066 && unicodeScalar <= 0x2069);

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
            if (WillEncode(text[i]))
                return i;
        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var text = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ when WillEncode(unicodeScalar) => "\\u" + unicodeScalar.ToString("X4", CultureInfo.InvariantCulture),
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (text.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < text.Length; i++)
            buffer[i] = text[i];
        numberOfCharactersWritten = text.Length;
        return true;
    }
}

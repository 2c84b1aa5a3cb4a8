using System.Text;

namespace KnowledgeGen.Generator.Model;

/// <summary>
/// The text of a source document named to the build (an AdditionalFile with KnowledgeGenDocument="true"),
/// normalised once for quote matching: see <see cref="Linking.QuoteMatching"/>. <paramref name="Problem"/> says why the
/// text is not what the document's author wrote (KG0035), and <paramref name="Searchable"/> whether quotes can still be
/// looked for in it. <paramref name="Path"/> is where the document was read from, which tells apart two documents of one
/// file name (KG0037).
/// </summary>
public sealed record DocumentSpec(string FileName, string NormalizedText, string? Problem = null, bool Searchable = true, string? Path = null)
{
    /// <summary>
    /// A document as it was read: <paramref name="text"/> is null when it could not be read as text, and
    /// <paramref name="encoding"/> what its bytes were decoded with, when it is known.
    /// </summary>
    public static DocumentSpec Read(string fileName, string? text, Encoding? encoding, string? path = null)
    {
        var problem = Reading.NotText.OfDocument(text, encoding);
        return new DocumentSpec(fileName, problem is { Searchable: false } ? "" : Linking.QuoteMatching.Normalize(text ?? ""),
            problem?.Problem, problem?.Searchable ?? true, path);
    }
}

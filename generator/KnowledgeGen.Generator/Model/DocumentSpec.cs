namespace KnowledgeGen.Generator.Model;

/// <summary>
/// The text of a source document named to the build (an AdditionalFile with KnowledgeGenDocument="true"),
/// normalised once for quote matching: see <see cref="Linking.QuoteMatching"/>.
/// </summary>
public sealed record DocumentSpec(string FileName, string NormalizedText);

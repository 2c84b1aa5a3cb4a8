using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Checks that every quote stands in the document its source names, when the build was given the
/// documents' text. A quote that is not found is reported at the quote, with the closest passage.
/// </summary>
internal static class QuoteVerifier
{
    public static void Verify(
        IReadOnlyList<(LinkedEntity Entity, SourceSpec Spec)> sources,
        IReadOnlyList<(LinkedEntity Entity, ClaimSpec Spec)> claims,
        IReadOnlyList<DocumentSpec> documents,
        List<DiagnosticInfo> diagnostics)
    {
        if (documents.Count == 0)
            return; // no documents named to the build: quotes cannot be verified, and that is the project's choice

        var byFileName = new Dictionary<string, DocumentSpec>(StringComparer.Ordinal);
        // A file name that two or more documents share (reports/**/*.txt finding two 000_report.txt): a source that names it
        // could mean either, so neither is taken for it (KG0037), rather than whichever the build happened to give first.
        var shared = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var document in documents.OrderBy(d => d.FileName, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!byFileName.TryGetValue(document.FileName, out var first))
                byFileName.Add(document.FileName, document);
            else if (shared.TryGetValue(document.FileName, out var paths))
                paths.Add(Where(document));
            else
                shared.Add(document.FileName, new List<string> { Where(first), Where(document) });
        }
        // A document is named in a message by the path it was read from, when the reader gave one.
        static string Where(DocumentSpec document) => document.Path ?? document.FileName;

        // The document of each source, or null when it names none or names one the build lacks.
        var documentOf = new Dictionary<string, DocumentSpec?>(StringComparer.Ordinal);
        foreach (var (entity, spec) in sources)
        {
            if (spec.Document is not { } named)
                continue;
            var fileName = System.IO.Path.GetFileName(named.Value);
            if (shared.TryGetValue(fileName, out var sharing))
            {
                documentOf[entity.Id] = null;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.DocumentNameShared, entity.FilePath, named.Span,
                    entity.Id, named.Value, sharing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", sharing)));
                continue;
            }
            if (byFileName.TryGetValue(fileName, out var document))
            {
                // A document that is not the text its author wrote is said to be so once for each source that names it, rather
                // than each quote reported as not found without a word of why.
                if (document.Problem is { } problem)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.DocumentNotText, entity.FilePath, named.Span, document.FileName, entity.Id, problem,
                        document.Searchable ? "a quote with a garbled character is not found in it" : "its quotes are not checked"));
                documentOf[entity.Id] = document.Searchable ? document : null;
                continue;
            }
            documentOf[entity.Id] = null;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.DocumentNotFound, entity.FilePath, named.Span,
                entity.Id, named.Value, string.Join(", ", byFileName.Keys)));
        }

        foreach (var (claim, spec) in claims)
        {
            foreach (var citation in spec.Citations)
            {
                if (!documentOf.TryGetValue(citation.Source.Value, out var document) || document is null)
                    continue;
                if (QuoteMatching.Contains(document.NormalizedText, citation.Quote.Value))
                    continue;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.QuoteNotFound, claim.FilePath, citation.Quote.Span,
                    citation.Source.Value, document.FileName, QuoteMatching.ClosestPassage(document.NormalizedText, citation.Quote.Value), claim.Id));
            }
        }
    }
}

using System;
using System.Collections.Immutable;
using System.Threading;
using KnowledgeGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Reads the pack files a run has not read yet on every core, just before the pipeline's Read step asks for them one at
/// a time, as <see cref="WorkAhead{TItem, TResult}"/> does for any per-item step: reading is most of a full run, and each
/// file's reading depends on its text alone. Its results are kept by the <see cref="AdditionalText"/>, which the compiler
/// makes once per build and an editor once per version of a file, so a result is never given for another text.
/// </summary>
/// <remarks>
/// YamlDotNet's scanner takes its string builders from one pool shared by every thread, so threads reading side by side
/// gain less than their number; the repository's YamlDotNet is chosen for that (Directory.Build.props; docs/performance-notes.md,
/// "Which YamlDotNet").
/// </remarks>
internal static class ReadAhead
{
    private static readonly WorkAhead<AdditionalText, FileSpec> s_read = new();

    /// <summary>Reads, on every core, each of <paramref name="texts"/> not read yet; returns how many it read.</summary>
    public static int Run(ImmutableArray<AdditionalText> texts, Func<AdditionalText, CancellationToken, FileSpec> read, CancellationToken cancellationToken) =>
        s_read.Run(texts, read, cancellationToken);

    /// <summary>The result read ahead for <paramref name="text"/>, or null when it was not.</summary>
    public static FileSpec? Taken(AdditionalText text) => s_read.TryTake(text, out var spec) ? spec : null;

    /// <summary>
    /// The result for <paramref name="text"/>: read ahead, or else read now by <paramref name="read"/> and kept, so that a
    /// later run does not take a text the pipeline has read (and caches) for one it has not read yet.
    /// </summary>
    public static FileSpec Get(AdditionalText text, Func<AdditionalText, CancellationToken, FileSpec> read, CancellationToken cancellationToken) =>
        s_read.Get(text, read, cancellationToken);
}

using System;
using System.Collections.Generic;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Writes data the runtime reads (a file's records, or the pieces of the indexes) as UTF-8 literals: a method that
/// gives chunk n, and one property per chunk of at most <see cref="PiecesPerChunk"/> literals joined by <c>+</c>
/// (which the compiler folds into one literal), so no generated expression or method grows with the pack.
/// </summary>
internal static class DataChunks
{
    public const int PiecesPerChunk = 256;

    public static void Write(CodeWriter w, string name, IReadOnlyList<string> pieces)
    {
        var chunks = (pieces.Count + PiecesPerChunk - 1) / PiecesPerChunk;
        w.Line();
        w.Line($"private static global::System.ReadOnlySpan<byte> {name}(int chunk) => chunk switch");
        w.Open();
        for (var chunk = 0; chunk < chunks; chunk++)
            w.Line($"{chunk} => {name}{chunk},");
        w.Line("_ => default,");
        w.Close("};");
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            w.Line();
            w.Line($"private static global::System.ReadOnlySpan<byte> {name}{chunk} =>");
            var end = Math.Min(pieces.Count, (chunk + 1) * PiecesPerChunk);
            for (var i = chunk * PiecesPerChunk; i < end; i++)
                w.Line((i == chunk * PiecesPerChunk ? "    " : "    + ") + CSharpText.Literal(pieces[i]) + "u8" + (i == end - 1 ? ";" : ""));
        }
    }

    /// <summary>The lookup a table's records use for entities of referenced packs, by the number they give.</summary>
    public static void WriteExternals(CodeWriter w, IReadOnlyList<string> externals)
    {
        if (externals.Count == 0)
            return;
        w.Line();
        w.Line("private static global::KnowledgeGen.Entity External(int n) => n switch");
        w.Open();
        for (var i = 0; i < externals.Count; i++)
            w.Line($"{i} => {externals[i]},");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(n)),");
        w.Close("};");
    }
}

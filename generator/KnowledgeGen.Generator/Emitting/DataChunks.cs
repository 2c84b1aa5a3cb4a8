using System;
using System.Collections.Generic;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Writes data the runtime reads (a file's records, or the pieces of the indexes) as UTF-8 literals: a method that
/// gives chunk n, each chunk at most <see cref="PiecesPerChunk"/> literals joined by <c>+</c> (which the compiler
/// folds into one literal), so no generated expression or method grows with the pack. The first chunk is written
/// in the method itself and each later one in a property: data of up to 256 pieces (most files) costs the runtime
/// one small method to compile.
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
        {
            if (chunk == 0)
                Literals(w, pieces, 0, "0 => ", ",");
            else
                w.Line($"{chunk} => {name}{chunk},");
        }
        w.Line("_ => default,");
        w.Close("};");
        for (var chunk = 1; chunk < chunks; chunk++)
        {
            w.Line();
            w.Line($"private static global::System.ReadOnlySpan<byte> {name}{chunk} =>");
            Literals(w, pieces, chunk, "    ", ";");
        }
    }

    // One chunk's pieces, one literal a line.
    private static void Literals(CodeWriter w, IReadOnlyList<string> pieces, int chunk, string first, string end)
    {
        var last = Math.Min(pieces.Count, (chunk + 1) * PiecesPerChunk) - 1;
        for (var i = chunk * PiecesPerChunk; i <= last; i++)
        {
            var line = w.Begin().Append(i == chunk * PiecesPerChunk ? first : "    + ");
            CSharpText.AppendLiteral(line, pieces[i]);
            line.Append("u8").Append(i == last ? end : "");
            w.End();
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

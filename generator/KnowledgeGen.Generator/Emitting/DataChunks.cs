using System;
using System.Collections.Generic;
using System.Text;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// Writes data the runtime reads (a file's records, or the pieces of the indexes) as UTF-8 literals: a method that
/// gives chunk n (<c>Data3(chunk)</c> for file 3's records), each chunk at most <see cref="PiecesPerChunk"/> literals joined by <c>+</c> (which the compiler
/// folds into one literal), so no generated expression or method grows with the pack. The first chunk is written
/// in the method itself and each later one in a property (<c>Data3_1</c>, <c>Data3_2</c> …): data of up to 256 pieces (most files) costs the runtime
/// one small method to compile. A large file's records are written a chunk per generated file (<see cref="FileChunks"/>):
/// the method with the first, and each later chunk's property in its own file.
/// </summary>
internal static class DataChunks
{
    public const int PiecesPerChunk = 256;

    /// <summary>All of the data in one place: the method, and a property for each chunk past the first.</summary>
    public static void Write(CodeWriter w, string name, IReadOnlyList<string> pieces, string? summary = null)
    {
        var chunks = (pieces.Count + PiecesPerChunk - 1) / PiecesPerChunk;
        WriteFirst(w, name, Range(pieces, 0), chunks, summary);
        for (var chunk = 1; chunk < chunks; chunk++)
            WriteChunk(w, name, chunk, Range(pieces, chunk));
    }

    /// <summary>The method that gives each of <paramref name="chunks"/> chunks, with the first chunk's pieces in it.</summary>
    public static void WriteFirst(CodeWriter w, string name, IReadOnlyList<string> firstChunk, int chunks, string? summary = null)
    {
        w.Separate();
        if (summary is not null)
            w.Line($"/// <summary>{summary}</summary>"); // XML-escaped by the caller
        w.Line($"private static global::System.ReadOnlySpan<byte> {name}(int chunk) => chunk switch");
        w.Open();
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            if (chunk == 0)
                Literals(w, firstChunk, "0 => ", ",");
            else
                w.Line($"{chunk} => {name}_{chunk},");
        }
        w.Line("_ => default,");
        w.Close("};");
    }

    /// <summary>A later chunk's pieces, as the property the method gives for it; it may stand in another file's part of the class.</summary>
    public static void WriteChunk(CodeWriter w, string name, int chunk, IReadOnlyList<string> pieces)
    {
        w.Separate();
        w.Line($"private static global::System.ReadOnlySpan<byte> {name}_{chunk} =>");
        Literals(w, pieces, "    ", ";");
    }

    private static IReadOnlyList<string> Range(IReadOnlyList<string> pieces, int chunk)
    {
        var from = chunk * PiecesPerChunk;
        var count = Math.Min(PiecesPerChunk, pieces.Count - from);
        var range = new string[Math.Max(0, count)];
        for (var i = 0; i < range.Length; i++)
            range[i] = pieces[from + i];
        return range;
    }

    // A chunk's pieces, one literal a line, and the padding that rounds the chunk's data up to a shared size.
    private static void Literals(CodeWriter w, IReadOnlyList<string> pieces, string first, string end)
    {
        var bytes = 0;
        foreach (var piece in pieces)
            bytes += Encoding.UTF8.GetByteCount(piece);
        var padding = LiteralSizes.Padded(bytes + 1) - 1 - bytes; // the compiler ends a UTF-8 literal's data with a zero byte
        for (var i = 0; i < pieces.Count; i++)
        {
            var line = w.Begin().Append(i == 0 ? first : "    + ");
            if (i == 0 && padding > 0)
                line.Append('(');
            CSharpText.AppendLiteral(line, pieces[i]);
            line.Append("u8");
            if (i == pieces.Count - 1)
            {
                if (padding > 0)
                    line.Append(" + \"").Append(' ', padding).Append("\"u8)[..").Append(bytes).Append(']');
                line.Append(end);
            }
            w.End();
        }
    }

    /// <summary>
    /// The lookup a file's records use for entities of referenced packs, by the number they give, as the method
    /// <paramref name="name"/>; written for every file, naming none for a file that names no other pack's entity, so the
    /// pack-wide lookup can name every file's without knowing which do.
    /// </summary>
    public static void WriteExternals(CodeWriter w, string name, IReadOnlyList<string> externals)
    {
        w.Separate();
        if (externals.Count == 0)
        {
            w.Line($"private static global::KnowledgeGen.Entity {name}(int n) => throw new global::System.ArgumentOutOfRangeException(\"n\");");
            return;
        }
        w.Line($"private static global::KnowledgeGen.Entity {name}(int n) => n switch");
        w.Open();
        for (var i = 0; i < externals.Count; i++)
            w.Line($"{i} => {externals[i]},");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(\"n\"),");
        w.Close("};");
    }
}

using System;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>
/// A generated read-only list of any length: a method that sizes it and calls fill methods of at most
/// <see cref="ChunkSize"/> items each, so no generated method grows with the pack and the compiler and
/// JIT costs stay linear. The entity lists and the indexes share it.
/// </summary>
internal static class ChunkedList
{
    /// <summary>Items per fill method.</summary>
    public const int ChunkSize = 256;

    private const string List = "global::System.Collections.Generic.List";

    public static void Write(CodeWriter w, string method, Func<int, string> chunkMethod, string type, int count, Func<int, string> item)
    {
        var listType = $"global::System.Collections.Generic.IReadOnlyList<{type}>";
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        w.Line();
        w.Line($"private static {listType} {method}()");
        w.Open();
        if (count == 0)
        {
            w.Line($"return global::System.Array.Empty<{type}>();");
        }
        else
        {
            w.Line($"var list = new {List}<{type}>({count});");
            for (var chunk = 0; chunk < chunks; chunk++)
                w.Line($"{chunkMethod(chunk)}(list);");
            w.Line("return list.AsReadOnly();");
        }
        w.Close();
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            w.Line();
            w.Line($"private static void {chunkMethod(chunk)}({List}<{type}> list)");
            w.Open();
            for (var i = chunk * ChunkSize; i < Math.Min(count, (chunk + 1) * ChunkSize); i++)
                w.Line($"list.Add({item(i)});");
            w.Close();
        }
    }
}

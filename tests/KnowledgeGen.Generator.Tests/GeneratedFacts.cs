using System.Reflection;
using KnowledgeGen.Generated;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// What a compiled pack's generated <c>__Facts</c> class hands the runtime: its <see cref="FactPack"/>, the lookups of each
/// file's data, part of the indexes and other packs' entities, and how many sources, actors, places and claims each file
/// holds (four numbers a file); for tests that build a <see cref="FactPack"/> of their own over a generated pack's data.
/// </summary>
internal sealed record GeneratedFacts(FactPack Tables, FactPackData Data, FactPackData IndexData, FactExternal External, int[] Counts)
{
    public static GeneratedFacts Of(KnowledgePack pack)
    {
        var facts = pack.GetType().Assembly.GetTypes().Single(t => t.Name == "__Facts");
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;
        var tables = (FactPack)facts.GetField("Tables", Private)!.GetValue(null)!;
        var counts = new List<int>();
        for (var file = 0; ; file++)
        {
            try
            {
                counts.AddRange(new[] { tables.Sources(file).Count, tables.Actors(file).Count, tables.Places(file).Count, tables.Claims(file).Count });
            }
            catch (ArgumentOutOfRangeException)
            {
                break;
            }
        }
        return new GeneratedFacts(tables,
            facts.GetMethod("Data", Private, new[] { typeof(int), typeof(int) })!.CreateDelegate<FactPackData>(),
            facts.GetMethod("IndexData", Private, new[] { typeof(int), typeof(int) })!.CreateDelegate<FactPackData>(),
            facts.GetMethod("External", Private)!.CreateDelegate<FactExternal>(),
            counts.ToArray());
    }
}

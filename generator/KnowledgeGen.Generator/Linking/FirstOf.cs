using System;
using System.Collections.Generic;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// The first of each key in a list. The entity the link registers under an id is the first a file writes with that
/// id (a later one is a duplicate), and a path the build passes twice is taken once.
/// </summary>
internal static class FirstOf
{
    /// <summary>Where the first entity of each id stands in <paramref name="items"/>.</summary>
    public static Dictionary<string, int> Ids<T>(EquatableArray<T> items, Func<T, EntityHeader> header) where T : IEquatable<T>
    {
        var first = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var id = header(items[i]).Id.Value;
            if (!first.ContainsKey(id))
                first.Add(id, i);
        }
        return first;
    }

    /// <summary>The first item of each path.</summary>
    public static Dictionary<string, T> Paths<T>(IReadOnlyCollection<T> items, Func<T, string> path)
    {
        var first = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
            if (!first.ContainsKey(path(item)))
                first.Add(path(item), item);
        return first;
    }
}

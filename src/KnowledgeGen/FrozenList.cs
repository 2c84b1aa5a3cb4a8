using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace KnowledgeGen;

/// <summary>
/// The lists a pack hands out: read-only for good. A pack is shared by every reader in the process, and an array behind an
/// <see cref="IReadOnlyList{T}"/> could be cast back and written to, changing the pack for everyone; a list a caller passed
/// to a constructor could be changed by that caller afterwards. A frozen list wraps an array no one else holds.
/// </summary>
internal sealed class FrozenList<T> : ReadOnlyCollection<T>
{
    private FrozenList(T[] items)
        : base(items)
    {
    }

    /// <summary>Freezes an array its caller has just made and keeps no reference to.</summary>
    public static IReadOnlyList<T> Own(T[] items) => items.Length == 0 ? Array.Empty<T>() : new FrozenList<T>(items);

    /// <summary>
    /// A frozen copy of a list a caller gave, which that caller may still change (null is empty); a frozen list is shared
    /// as it is. Null items are refused, naming <paramref name="parameter"/>.
    /// </summary>
    public static IReadOnlyList<T> Copy(IReadOnlyList<T>? items, string parameter)
    {
        if (items is null || items.Count == 0)
            return Array.Empty<T>();
        if (items is FrozenList<T> frozen)
            return frozen;
        var copy = new T[items.Count];
        for (var i = 0; i < copy.Length; i++)
            copy[i] = items[i] ?? throw new ArgumentException($"The list holds null at {i}.", parameter);
        return new FrozenList<T>(copy);
    }
}

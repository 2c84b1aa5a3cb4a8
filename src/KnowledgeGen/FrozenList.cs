using System;
using System.Collections;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>
/// The lists a pack hands out: read-only for good. A pack is shared by every reader in the process, and an array behind an
/// <see cref="IReadOnlyList{T}"/> could be cast back and written to, changing the pack for everyone; a list a caller passed
/// to a constructor could be changed by that caller afterwards. A frozen list wraps an array no one else holds. It is only
/// an <see cref="IReadOnlyList{T}"/>: each interface more is one more type the runtime loads for each T before the first
/// fact is read.
/// </summary>
internal sealed class FrozenList<T> : IReadOnlyList<T>
{
    private readonly T[] _items;

    private FrozenList(T[] items) => _items = items;

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

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _items.Length; i++)
            yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

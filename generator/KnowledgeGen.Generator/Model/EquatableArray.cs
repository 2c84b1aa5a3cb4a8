using System;
using System.Collections;
using System.Collections.Generic;

namespace KnowledgeGen.Generator.Model;

/// <summary>
/// An immutable array that compares by its elements, so records holding it compare by value and
/// Roslyn's incremental cache can tell an unchanged model from a changed one.
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(Array.Empty<T>());

    private readonly T[]? _items;

    public EquatableArray(T[] items) => _items = items;

    // ToArray sizes the array once when the source knows its count (a Select over an array or list does); every
    // empty result shares one array. The linker makes hundreds of thousands of these for a large pack.
    public EquatableArray(IEnumerable<T> items)
    {
        var array = System.Linq.Enumerable.ToArray(items);
        _items = array.Length == 0 ? Array.Empty<T>() : array;
    }

    private T[] Items => _items ?? Array.Empty<T>();

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public bool IsEmpty => Items.Length == 0;

    public bool Equals(EquatableArray<T> other)
    {
        var a = Items;
        var b = other.Items;
        if (ReferenceEquals(a, b))
            return true;
        if (a.Length != b.Length)
            return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
            if (!comparer.Equals(a[i], b[i]))
                return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            foreach (var item in Items)
                hash = hash * 31 + (item is null ? 0 : item.GetHashCode());
            return hash;
        }
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    // foreach takes this struct enumerator and allocates nothing; an array's own, through IEnumerable<T>, is an object
    // per loop, and the generator loops over these arrays for every field of every entity.
    public Enumerator GetEnumerator() => new(Items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}

public static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) where T : IEquatable<T> => new(items);
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace KnowledgeGen;

/// <summary>
/// A reference to another entity, resolved on first use, so that creating one fact never forces its
/// neighbours (or a whole cycle of contradictions) into being. Hand-written entities pass a delegate
/// (<see cref="Of"/>); the generated packs' records pass where the target is written (<c>FactRef</c>),
/// one small object per reference. Threads may read a reference for the first time at once: each may resolve it,
/// the first to publish its target wins, and every reader gets that one. A thread that comes after another has let go of
/// what resolving needs (<see cref="Resolved"/>) finds nothing to resolve, and reads the published target.
/// </summary>
internal abstract class Ref<T> where T : class
{
    private T? _value;

    public T Value
    {
        get
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
                return value;
            var resolved = Resolve();
            if (resolved is null)
                return Volatile.Read(ref _value) ?? throw new InvalidOperationException("A reference resolved to null.");
            value = Interlocked.CompareExchange(ref _value, resolved, null) ?? resolved;
            Resolved();
            return value;
        }
    }

    /// <summary>Finds the target; null once <see cref="Resolved"/> has let go of what it needs.</summary>
    protected abstract T? Resolve();

    /// <summary>Lets go of what resolving needed, once the target is known.</summary>
    protected virtual void Resolved()
    {
    }

    /// <summary>A reference resolved by <paramref name="resolve"/>; a missing one is refused, naming the constructor's <paramref name="parameter"/>.</summary>
    public static Ref<T> Of(Func<T> resolve, string parameter) => new Delegated(resolve ?? throw new ArgumentNullException(parameter));

    public static Ref<T>? Optional(Func<T>? resolve) => resolve is null ? null : new Delegated(resolve);

    private sealed class Delegated : Ref<T>
    {
        private Func<T>? _resolve;

        public Delegated(Func<T> resolve) => _resolve = resolve;

        protected override T? Resolve() => Volatile.Read(ref _resolve)?.Invoke();

        protected override void Resolved() => _resolve = null;
    }
}

/// <summary>A list of references, resolved together on first use; shared by threads as <see cref="Ref{T}"/> is.</summary>
internal abstract class RefList<T> where T : class
{
    private IReadOnlyList<T>? _value;

    /// <summary>The list with no references; one instance for every entity that has none.</summary>
    public static readonly RefList<T> Empty = new Delegated(null);

    public IReadOnlyList<T> Value
    {
        get
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
                return value;
            var items = Resolve();
            if (items is null && Volatile.Read(ref _value) is { } published)
                return published;
            var list = items is null ? Array.Empty<T>() : FrozenList<T>.Own(items);
            value = Interlocked.CompareExchange(ref _value, list, null) ?? list;
            Resolved();
            return value;
        }
    }

    /// <summary>The targets; null for no list, and once <see cref="Resolved"/> has let go of what it needs.</summary>
    protected abstract T[]? Resolve();

    protected virtual void Resolved()
    {
    }

    public static RefList<T> Of(Func<T[]>? resolve) => resolve is null ? Empty : new Delegated(resolve);

    private sealed class Delegated : RefList<T>
    {
        private Func<T[]>? _resolve;

        public Delegated(Func<T[]>? resolve) => _resolve = resolve;

        // A copy: the array is the caller's, who may keep it and write to it.
        protected override T[]? Resolve() => Volatile.Read(ref _resolve)?.Invoke() is { } items ? (T[])items.Clone() : null;

        protected override void Resolved() => _resolve = null;
    }
}

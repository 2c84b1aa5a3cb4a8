using System;
using System.Collections.Generic;
using System.Threading;
using KnowledgeGen.Generated;

namespace KnowledgeGen;

/// <summary>
/// A reference to another entity, resolved on first use, so that creating one fact never forces its
/// neighbours (or a whole cycle of contradictions) into being. Hand-written entities pass a delegate
/// (<see cref="Of"/>); the generated packs' records pass where the target is written (a <see cref="FactTarget"/>),
/// one small object per reference. Both are this one class, not a class each, so that the runtime loads one type per
/// kind of target before a pack's first fact, not two or three. Threads may read a reference for the first time at once:
/// each may resolve it, the first to publish its target wins, and every reader gets that one. A thread that comes after
/// another has let go of the delegate finds nothing to resolve, and reads the published target.
/// </summary>
internal sealed class Ref<T> where T : class
{
    private readonly FactTarget _target; // where a generated record's target is written; unset for a hand-written reference
    private Func<T>? _resolve; // a hand-written reference's delegate, let go of once the target is known
    private T? _value;

    private Ref(Func<T> resolve) => _resolve = resolve;

    /// <summary>A reference read from a generated record: <paramref name="target"/> is where its target is written.</summary>
    internal Ref(FactTarget target) => _target = target;

    public T Value
    {
        get
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
                return value;
            var resolved = _target.IsSet ? (T)(object)_target.Resolve() : Volatile.Read(ref _resolve)?.Invoke();
            if (resolved is null)
                return Volatile.Read(ref _value) ?? throw new InvalidOperationException("A reference resolved to null.");
            value = Interlocked.CompareExchange(ref _value, resolved, null) ?? resolved;
            _resolve = null;
            return value;
        }
    }

    /// <summary>A reference resolved by <paramref name="resolve"/>; a missing one is refused, naming the constructor's <paramref name="parameter"/>.</summary>
    public static Ref<T> Of(Func<T> resolve, string parameter) => new(resolve ?? throw new ArgumentNullException(parameter));

    public static Ref<T>? Optional(Func<T>? resolve) => resolve is null ? null : new Ref<T>(resolve);
}

/// <summary>
/// A list of references, resolved together on first use; shared by threads as <see cref="Ref{T}"/> is, and like it one
/// class for the lists hand-written entities pass (a delegate) and those read from a generated record (targets).
/// </summary>
internal sealed class RefList<T> where T : class
{
    private FactTarget[]? _targets; // a generated record's targets, let go of once resolved
    private Func<T[]>? _resolve; // a hand-written list's delegate, let go of once resolved
    private IReadOnlyList<T>? _value;

    private RefList()
    {
    }

    private RefList(Func<T[]> resolve) => _resolve = resolve;

    /// <summary>A list read from a generated record: <paramref name="targets"/> are where its targets are written.</summary>
    internal RefList(FactTarget[] targets) => _targets = targets;

    /// <summary>The list with no references; one instance for every entity that has none.</summary>
    public static readonly RefList<T> Empty = new();

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
            _targets = null;
            _resolve = null;
            return value;
        }
    }

    public static RefList<T> Of(Func<T[]>? resolve) => resolve is null ? Empty : new RefList<T>(resolve);

    // The targets; null for no list, and once another thread has resolved the list and let go of what it needed.
    private T[]? Resolve()
    {
        if (Volatile.Read(ref _targets) is { } targets)
        {
            var entities = new T[targets.Length];
            for (var i = 0; i < targets.Length; i++)
                entities[i] = (T)(object)targets[i].Resolve();
            return entities;
        }
        // A copy: a hand-written list's array is the caller's, who may keep it and write to it.
        return Volatile.Read(ref _resolve)?.Invoke() is { } items ? (T[])items.Clone() : null;
    }
}

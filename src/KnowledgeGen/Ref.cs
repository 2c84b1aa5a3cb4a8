using System;
using System.Collections.Generic;
using System.Threading;

namespace KnowledgeGen;

/// <summary>
/// A reference to another entity, resolved on first use. Generated code passes references as delegates
/// so that creating one fact never forces its neighbours (or a whole cycle of contradictions) into being.
/// </summary>
internal sealed class Ref<T> where T : class
{
    private Func<T>? _resolve;
    private T? _value;

    public Ref(Func<T> resolve) => _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));

    public T Value
    {
        get
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
                return value;
            value = _resolve!() ?? throw new InvalidOperationException("A generated reference resolved to null.");
            Volatile.Write(ref _value, value);
            _resolve = null;
            return value;
        }
    }

    public static Ref<T>? Optional(Func<T>? resolve) => resolve is null ? null : new Ref<T>(resolve);
}

/// <summary>A list of references, resolved together on first use.</summary>
internal sealed class RefList<T> where T : class
{
    private Func<T[]>? _resolve;
    private IReadOnlyList<T>? _value;

    public RefList(Func<T[]>? resolve) => _resolve = resolve;

    public IReadOnlyList<T> Value
    {
        get
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
                return value;
            value = _resolve is null ? Array.Empty<T>() : Array.AsReadOnly(_resolve());
            Volatile.Write(ref _value, value);
            _resolve = null;
            return value;
        }
    }
}

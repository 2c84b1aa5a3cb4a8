using System.ComponentModel;
using System.Threading;

namespace KnowledgeGen.Generated;

/// <summary>Helpers the generated code calls. Not meant for use by hand.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Initialize
{
    /// <summary>
    /// Stores <paramref name="value"/> in <paramref name="field"/> unless another thread got there first,
    /// and returns whichever value is stored, so every caller sees the same instance.
    /// </summary>
    public static T Once<T>(ref T? field, T value) where T : class =>
        Interlocked.CompareExchange(ref field, value, null) ?? value;
}

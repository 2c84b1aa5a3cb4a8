using System;

namespace KnowledgeGen.Generator.Emitting;

/// <summary>The sizes the generated UTF-8 data is stored in (<see cref="DataChunks"/>).</summary>
public static class LiteralSizes
{
    /// <summary>
    /// The size that <paramref name="bytes"/> of data are stored in: rounded up to one of sixteen steps an octave. The compiler
    /// declares a type for each size of data in an assembly, and the runtime loads every one of them before a pack's
    /// first fact; rounded, a pack's chunks share a few sizes (a synthetic pack of 1,000 facts over 100 files: 17 instead
    /// of 169) for some 2% more data. The padding lies past the span the method gives, so the reader never sees it.
    /// </summary>
    public static int Padded(int bytes)
    {
        var octave = 31;
        while (octave > 0 && (bytes >> octave) == 0)
            octave--;
        var step = 1 << Math.Max(0, octave - 4);
        return (bytes + step - 1) / step * step;
    }
}

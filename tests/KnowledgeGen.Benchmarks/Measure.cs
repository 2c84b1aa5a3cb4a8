using System.Diagnostics;

namespace KnowledgeGen.Benchmarks;

/// <summary>Warm-up, repetitions and the median: enough for costs of milliseconds to seconds.</summary>
public static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median milliseconds of <paramref name="repetitions"/> runs after <paramref name="warmups"/> untimed ones.</summary>
    public static double Milliseconds(int warmups, int repetitions, Action action)
    {
        for (var i = 0; i < warmups; i++)
            action();
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    /// <summary>Bytes allocated by the whole process while <paramref name="action"/> ran.</summary>
    public static long Allocated(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}

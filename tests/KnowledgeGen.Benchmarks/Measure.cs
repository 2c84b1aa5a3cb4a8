using System.Diagnostics;

namespace KnowledgeGen.Benchmarks;

/// <summary>
/// Warm-up, repetitions and the median: enough for costs of milliseconds to seconds. Each timed run starts after a
/// full garbage collection (as BenchmarkDotNet does by default), so no run pays for the garbage of the one before.
/// </summary>
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
            Collect();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    /// <summary>
    /// Median milliseconds of each of <paramref name="actions"/>, run in turn: on a shared machine whose speed drifts,
    /// all of them see it in the same state, which steadies the ratios between them. <paramref name="newRound"/> runs
    /// untimed before each round, to let go of what the round before kept.
    /// </summary>
    public static double[] Alternating(int warmups, int repetitions, Action newRound, params Action[] actions)
    {
        for (var i = 0; i < warmups; i++)
        {
            newRound();
            foreach (var action in actions)
                action();
        }
        var times = actions.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < repetitions; i++)
        {
            newRound();
            for (var a = 0; a < actions.Length; a++)
            {
                Collect();
                var watch = Stopwatch.StartNew();
                actions[a]();
                times[a].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return times.Select(Median).ToArray();
    }

    /// <summary>
    /// The median of what each of <paramref name="measures"/> reports (a child process's own milliseconds), over
    /// <paramref name="rounds"/> rounds run in turn, as <see cref="Alternating"/> runs its actions. A measure that reports
    /// NaN (it failed) is left out of the rounds after, and its figure is NaN.
    /// </summary>
    public static double[] InTurn(int rounds, params Func<double>[] measures)
    {
        var times = measures.Select(_ => new List<double>()).ToArray();
        var failed = new bool[measures.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var m = 0; m < measures.Length; m++)
            {
                if (failed[m])
                    continue;
                var value = measures[m]();
                if (double.IsNaN(value))
                    failed[m] = true;
                else
                    times[m].Add(value);
            }
        }
        return times.Select((list, m) => failed[m] ? double.NaN : Median(list)).ToArray();
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Bytes allocated by the whole process while <paramref name="action"/> ran.</summary>
    public static long Allocated(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}

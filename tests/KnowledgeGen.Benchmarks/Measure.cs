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
    /// untimed before each round, to let go of what the round before kept. <paramref name="pausedMs"/> gets, for each
    /// action, the median of how long the collector paused the process during it.
    /// </summary>
    public static double[] Alternating(int warmups, int repetitions, out double[] pausedMs, Action newRound, params Action[] actions)
    {
        for (var i = 0; i < warmups; i++)
        {
            newRound();
            foreach (var action in actions)
                action();
        }
        var times = actions.Select(_ => new List<double>()).ToArray();
        var pauses = actions.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < repetitions; i++)
        {
            newRound();
            for (var a = 0; a < actions.Length; a++)
            {
                Collect();
                var paused = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                actions[a]();
                times[a].Add(watch.Elapsed.TotalMilliseconds);
                pauses[a].Add((GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
            }
        }
        pausedMs = pauses.Select(Median).ToArray();
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

    /// <summary>
    /// What the whole process's memory did while <paramref name="action"/> ran: the bytes it allocated, how many
    /// collections of each generation it made (a collection of gen1 counts as one of gen0 too, as the runtime counts
    /// them) and its minor page faults. How long the collector paused it is <see cref="Alternating"/>'s, over many runs.
    /// </summary>
    public static MemoryUse Memory(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var faults = MinorPageFaults();
        action();
        return new MemoryUse(GC.GetTotalAllocatedBytes(precise: true) - before,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, MinorPageFaults() - faults);
    }

    /// <summary>
    /// Microseconds a page of memory the process had not touched takes to touch for the first time, over 64 MB taken from the
    /// operating system outside the collector's heap; null where no page size is known.
    /// </summary>
    public static unsafe double? FreshPageMicroseconds()
    {
        var pageSize = Environment.SystemPageSize;
        if (pageSize <= 0)
            return null;
        const int bytes = 64 << 20;
        var memory = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc(bytes);
        try
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < bytes; i += pageSize)
                memory[i] = 1;
            return watch.Elapsed.TotalMilliseconds * 1000 / (bytes / pageSize);
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(memory);
        }
    }

    /// <summary>
    /// The process's minor page faults so far (Linux's /proc/self/stat): the kernel giving it a page of memory it had not
    /// touched, which some virtual machines make costly. Null where that file cannot be read.
    /// </summary>
    public static long? MinorPageFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // The fields after the command's name, which is in parentheses and may hold spaces: state, ppid, pgrp, session,
            // tty, tpgid, flags, then minflt.
            var name = stat.LastIndexOf(')');
            if (name < 0 || name + 2 > stat.Length)
                return null;
            var fields = stat.Substring(name + 2).Split(' ');
            return fields.Length > 7 && long.TryParse(fields[7], out var minflt) ? minflt : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>
/// What <see cref="Measure.Memory"/> saw: bytes allocated, collections by generation, and minor page faults (null where the
/// platform does not say).
/// </summary>
public sealed record MemoryUse(long Allocated, int Gen0, int Gen1, int Gen2, long? PageFaults)
{
    public override string ToString() =>
        $"{Allocated / 1e6:F1} MB allocated, {Gen0}/{Gen1}/{Gen2} collections of gen0/gen1/gen2"
        + (PageFaults is { } faults ? $", {faults} minor page faults" : "");
}

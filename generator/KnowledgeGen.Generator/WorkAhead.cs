using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGen.Generator;

/// <summary>
/// Does a per-item step's work for the items a run has not done it for yet, on every core, just before the pipeline's
/// step asks for them one at a time: the driver runs a generator's steps on one thread. It serves the steps whose work on
/// an item depends on that item alone and is much of a full run: reading a file (<see cref="Reading.ReadAhead"/>),
/// outlining it, cutting a linked file into chunks and writing each chunk's code. The step then takes each item's result
/// from here. An item not done ahead (a host that runs the outputs in another order, a cancelled run, work that failed)
/// is done by the step itself, which reports what fails: working ahead changes when the work is done, never what it gives.
/// </summary>
/// <remarks>
/// Results are kept by the item they were made from, weakly, so a result lives as long as its item and is never given
/// for another. The driver hands a step the same item object until the item changes (an output equal to the one before
/// is replaced by the one before), so a run after an edit finds every item it has seen and works ahead only on the new
/// ones; and only when there are at least two, so an edit to one file is done where the step asks for it, as before.
/// </remarks>
public sealed class WorkAhead<TItem, TResult> where TItem : class
{
    private readonly ConditionalWeakTable<TItem, StrongBox<TResult>> _done = new();

    /// <summary>
    /// Does <paramref name="work"/>, on every core, for each of <paramref name="items"/> not done yet; returns for how many
    /// it did (none when fewer than two were left).
    /// </summary>
    public int Run(ImmutableArray<TItem> items, Func<TItem, CancellationToken, TResult> work, CancellationToken cancellationToken)
    {
        var left = new List<TItem>();
        var seen = new HashSet<TItem>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
            if (item is not null && !_done.TryGetValue(item, out _) && seen.Add(item))
                left.Add(item);
        if (left.Count < 2)
            return 0;
        try
        {
            Parallel.ForEach(left, new ParallelOptions { CancellationToken = cancellationToken }, item =>
            {
                StrongBox<TResult> result;
                try
                {
                    result = new StrongBox<TResult>(work(item, cancellationToken));
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    return; // not kept: the step does it again and reports what fails
                }
                Keep(item, result);
            });
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested(); // as the cancellation the driver expects, not wrapped
            throw;
        }
        return left.Count;
    }

    /// <summary>Whether <paramref name="item"/>'s result was made, ahead or by <see cref="Get"/>; and the result.</summary>
    public bool TryTake(TItem item, out TResult result)
    {
        if (_done.TryGetValue(item, out var box))
        {
            result = box.Value!;
            return true;
        }
        result = default!;
        return false;
    }

    /// <summary>
    /// The result for <paramref name="item"/>: made ahead, or else made now by <paramref name="work"/> and kept, so that a
    /// later run does not work ahead on an item the pipeline has done (and caches). What <paramref name="work"/> throws
    /// reaches the caller.
    /// </summary>
    public TResult Get(TItem item, Func<TItem, CancellationToken, TResult> work, CancellationToken cancellationToken) =>
        TryTake(item, out var result) ? result : Keep(item, new StrongBox<TResult>(work(item, cancellationToken))).Value!;

    // The first result kept for an item stays: two runs that did one item at once made equal results.
    private StrongBox<TResult> Keep(TItem item, StrongBox<TResult> result) => _done.GetValue(item, _ => result);

    // Items by reference: the table keeps them so, and two equal items are two items to the driver.
    private sealed class ReferenceEqualityComparer : IEqualityComparer<TItem>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(TItem? x, TItem? y) => ReferenceEquals(x, y);

        public int GetHashCode(TItem obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// The link's checks of chains that must end: a place's <c>in</c> (KG0018) and a source's <c>relays</c> (KG0028). They run
/// once every reference of the pack is resolved, and say which links the generated code leaves out so that it holds no cycle.
/// </summary>
internal static class Cycles
{
    /// <summary>
    /// Places whose chain of 'in' comes back to them. The places are followed in pack order, and the 'in' that leads back to
    /// a place already on the way closes a cycle: it is reported there, once for the cycle, naming every place of it, as a
    /// cycle of relays is. Every place of the cycle is returned, so that none of them gets a container in the generated code;
    /// a place that lies in one of them from outside the cycle keeps its own. A place has one 'in', so cycles never share one.
    /// </summary>
    public static HashSet<LinkedEntity> Containment(List<(LinkedEntity Place, LinkedEntity? In, Located? Written)> places, List<DiagnosticInfo> diagnostics)
    {
        var container = new Dictionary<LinkedEntity, (LinkedEntity In, Located Written)>();
        foreach (var (place, @in, written) in places)
            if (@in is not null && written is { } located)
                container[place] = (@in, located);
        var cyclic = new HashSet<LinkedEntity>();
        var followed = new Dictionary<LinkedEntity, bool>(); // present: reached; true once its chain is followed to its end
        var path = new List<LinkedEntity>();
        foreach (var (start, _, _) in places)
        {
            path.Clear();
            var current = start;
            while (true)
            {
                if (followed.TryGetValue(current, out var done))
                {
                    if (!done)
                    {
                        // current is on the way: current → … → the last place, whose 'in' is current.
                        var at = path.IndexOf(current);
                        var last = path[path.Count - 1];
                        var through = Through(path, at, path.Count - 1);
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.ContainmentCycle, last.FilePath, container[last].Written.Span, last.Id, through));
                        for (var i = at; i < path.Count; i++)
                            cyclic.Add(path[i]);
                    }
                    break;
                }
                followed[current] = false;
                path.Add(current);
                if (!container.TryGetValue(current, out var next))
                    break;
                current = next.In;
            }
            foreach (var place in path)
                followed[place] = true;
        }
        return cyclic;
    }

    /// <summary>
    /// Sources whose chain of 'relays' comes back to them. The sources are followed in pack order, each reference in the order
    /// it is written, and a reference that leads back to a source on the way closes a cycle: it is reported there, once for
    /// the cycle, and returned (the source, and the sources it names that it must not) so that the generated code leaves it
    /// out. Every cycle passes through a reference so reported, so what is generated holds none; a second cycle through the
    /// same reference is not reported again, and fixing that reference fixes both.
    /// </summary>
    public static Dictionary<LinkedEntity, List<LinkedEntity>> Relays(
        IReadOnlyList<(LinkedEntity Source, LinkedEntity[] Relays, EquatableArray<Located> Written)> sources, List<DiagnosticInfo> diagnostics)
    {
        var closing = new Dictionary<LinkedEntity, List<LinkedEntity>>();
        var relays = new Dictionary<LinkedEntity, LinkedEntity[]>();
        var written = new Dictionary<LinkedEntity, EquatableArray<Located>>();
        foreach (var (source, targets, ids) in sources)
        {
            if (targets.Length == 0)
                continue;
            relays[source] = targets;
            written[source] = ids;
        }
        if (relays.Count == 0)
            return closing;

        // Followed with a stack of its own, not by recursion: a chain may be as long as the pack.
        var done = new Dictionary<LinkedEntity, bool>(); // present: reached; true once every source it leads to is followed
        var path = new List<LinkedEntity>();
        var nextOf = new List<int>();
        foreach (var (start, _, _) in sources)
        {
            if (done.ContainsKey(start) || !relays.ContainsKey(start))
                continue;
            done[start] = false;
            path.Add(start);
            nextOf.Add(0);
            while (path.Count > 0)
            {
                var top = path.Count - 1;
                var source = path[top];
                if (!relays.TryGetValue(source, out var targets) || nextOf[top] == targets.Length)
                {
                    done[source] = true;
                    path.RemoveAt(top);
                    nextOf.RemoveAt(top);
                    continue;
                }
                var target = targets[nextOf[top]++];
                if (!done.TryGetValue(target, out var finished))
                {
                    done[target] = false;
                    path.Add(target);
                    nextOf.Add(0);
                }
                else if (!finished)
                {
                    // The target is on the way to this source: target → … → source → target.
                    var at = path.IndexOf(target);
                    var through = Through(path, at, top);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.RelayCycle, source.FilePath, SpanOf(written[source], target.Id),
                        source.Id, through));
                    if (!closing.TryGetValue(source, out var cut))
                        closing[source] = cut = new List<LinkedEntity>();
                    cut.Add(target);
                }
            }
        }
        return closing;
    }

    // The cycle from path[from] to path[to] as its messages name it: " through 'a' → 'b' → 'c'", or nothing for an entity
    // that names itself.
    private static string Through(List<LinkedEntity> path, int from, int to) =>
        from == to ? "" : " through " + string.Join(" → ", path.Skip(from).Take(to - from + 1).Select(p => "'" + p.Id + "'"));

    // Where an id is first written in a list (the list names it once as far as the link goes).
    private static SourceSpan SpanOf(EquatableArray<Located> written, string id)
    {
        foreach (var located in written)
            if (located.Value == id)
                return located.Span;
        return written.Count > 0 ? written[0].Span : SourceSpan.FileStart;
    }
}

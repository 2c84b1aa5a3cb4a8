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
    /// <summary>Places whose chain of 'in' comes back to them; each is reported once, at its 'in'.</summary>
    public static HashSet<LinkedEntity> Containment(List<(LinkedEntity Place, LinkedEntity? In, Located? Written)> places, List<DiagnosticInfo> diagnostics)
    {
        var container = places.Where(p => p.In is not null).ToDictionary(p => p.Place, p => p.In!);
        var cyclic = new HashSet<LinkedEntity>();
        foreach (var (place, _, written) in places)
        {
            var path = new List<LinkedEntity>();
            var seen = new HashSet<LinkedEntity>();
            for (var current = place; container.TryGetValue(current, out var next); current = next)
            {
                if (!seen.Add(current))
                    break;
                path.Add(next);
                if (next == place)
                {
                    cyclic.Add(place);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.ContainmentCycle, place.FilePath, written!.Value.Span,
                        place.Id, string.Join(" → ", path.Select(p => "'" + p.Id + "'"))));
                    break;
                }
            }
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
                    var through = at == top ? "" : " through " + string.Join(" → ", path.Skip(at).Take(top - at + 1).Select(p => "'" + p.Id + "'"));
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

    // Where an id is first written in a list (the list names it once as far as the link goes).
    private static SourceSpan SpanOf(EquatableArray<Located> written, string id)
    {
        foreach (var located in written)
            if (located.Value == id)
                return located.Span;
        return written.Count > 0 ? written[0].Span : SourceSpan.FileStart;
    }
}

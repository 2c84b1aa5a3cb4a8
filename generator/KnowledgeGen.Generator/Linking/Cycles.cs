using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// The link's checks of chains that must end: a place's <c>in</c> (KG0018). They run on resolved references, once every
/// reference of the pack is resolved, and say which links the generated code leaves out so that it holds no cycle.
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
}

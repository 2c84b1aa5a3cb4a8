using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>
/// Resolves one id written in a field to the entity it names, and reports an unknown id (with the
/// nearest ids) or an entity of the wrong kind at the id itself.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly EntityIndex _index;
    private readonly List<DiagnosticInfo> _diagnostics;

    public ReferenceResolver(EntityIndex index, List<DiagnosticInfo> diagnostics)
    {
        _index = index;
        _diagnostics = diagnostics;
    }

    public List<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>
    /// The entity <paramref name="reference"/> names if it is one of <paramref name="allowed"/>; null
    /// (after reporting) otherwise. <paramref name="what"/> names the field in messages.
    /// </summary>
    public LinkedEntity? Resolve(LinkedEntity owner, Located reference, string what, params EntityClass[] allowed)
    {
        var target = _index.Find(reference.Value);
        if (target is null)
        {
            ReportUnknown(owner, reference, what, allowed);
            return null;
        }
        if (!Allows(allowed, target.Class))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.WrongReferenceKind, owner.FilePath, reference.Span,
                Describe(owner, what), KindList(allowed), reference.Value, EntityKinds.WithArticle(target.Class)));
            return null;
        }
        return target;
    }

    // Its own method: the query's lambda captures 'allowed', and a capture in Resolve itself would allocate its closure on
    // every reference resolved (some 15 MB a link at 100,000 facts), not only on the rare unknown id.
    private void ReportUnknown(LinkedEntity owner, Located reference, string what, EntityClass[] allowed)
    {
        // Never the entity itself: no field may name its own entity (a claim linked to itself is KG0017, a place in itself
        // KG0018, a source relaying itself KG0028), so suggesting it would trade one error for another.
        var candidates = _index.Ids.Where(id => id != owner.Id && Allows(allowed, _index.Find(id)!.Class));
        // An id written in quotes with white space around it is not read trimmed (an id is written exactly): when the id
        // without it names an entity the field takes, the message says that the white space is what is wrong.
        var trimmed = reference.Value.Trim();
        var suggestion = trimmed.Length != reference.Value.Length && trimmed.Length > 0 && _index.Find(trimmed) is { } meant && meant.Id != owner.Id && Allows(allowed, meant.Class)
            ? $"; an id has no white space around it, so write '{trimmed}'"
            : Reading.Suggestions.DidYouMean(reference.Value, candidates);
        if (suggestion.Length == 0)
            suggestion = "; it must be the id of " + KindList(allowed);
        // Claims of referenced packs are not read (they cannot be linked to), so an unknown id in a claims-only field may be
        // one, and so may one in a claim's 'about', where a claim of this pack is the wrong kind (KG0008).
        if (_index.ReferencedPackNames.Count > 0 && ClaimOfReferencedPack(owner, what, allowed) is { } why)
            suggestion += $" (a claim of the referenced pack{(_index.ReferencedPackNames.Count == 1 ? "" : "s")} " +
                string.Join(" or ", _index.ReferencedPackNames.Select(n => "'" + n + "'")) + " cannot be named here: " + why + ")";
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.UnknownReference, owner.FilePath, reference.Span,
            Describe(owner, what), reference.Value, suggestion));
    }

    /// <summary>How a claim's <c>about</c> is named in messages.</summary>
    public const string About = "field 'about'";

    // Why a claim of a referenced pack cannot be named in this field, when someone might try: null for the fields no claim is
    // ever meant for.
    private static string? ClaimOfReferencedPack(LinkedEntity owner, string what, EntityClass[] allowed)
    {
        if (allowed.Length == 1 && allowed[0] == EntityClass.Claims)
            return "a claim contradicts or supports only claims of its own pack";
        if (owner.Class == EntityClass.Claims && what == About)
            return "a claim is about actors and places, not claims";
        return null;
    }

    private static bool Allows(EntityClass[] allowed, EntityClass @class)
    {
        foreach (var kind in allowed)
            if (kind == @class)
                return true;
        return false;
    }

    public static string Describe(LinkedEntity owner, string what) => $"The {what} of the {owner.KindName} '{owner.Id}'";

    private static string KindList(EntityClass[] allowed) =>
        string.Join(" or ", allowed.Select(EntityKinds.WithArticle));
}

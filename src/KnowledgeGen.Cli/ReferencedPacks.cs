using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace KnowledgeGen.Cli;

/// <summary>
/// The entities of other packs that a pack refers to, grouped by the pack each belongs to. A pack built on another
/// (docs/yaml-format.md, "References to other packs") holds that pack's objects themselves in its references (a
/// claimant, a subject, a citation's source, a place's container …), while its own lists hold its own entities only.
/// What the tool writes must let every reference resolve, so this is every entity of another pack that the pack's own
/// entities refer to, then every entity those refer to in turn, and nothing else of the other packs.
/// </summary>
public sealed class ReferencedPacks
{
    private readonly HashSet<Entity> _own;
    private readonly Dictionary<Entity, ReferencedPack> _groupOf;
    private readonly Dictionary<Entity, string> _keys;

    private ReferencedPacks(KnowledgePack pack)
    {
        Pack = pack;
        _own = new HashSet<Entity>(pack.Entities, ReferenceEqualityComparer.Instance);
        var referenced = Closure(pack, _own);
        Groups = referenced.Count == 0 ? Array.Empty<ReferencedPack>() : Group(pack, referenced);
        _groupOf = new Dictionary<Entity, ReferencedPack>(ReferenceEqualityComparer.Instance);
        foreach (var group in Groups)
            foreach (var entity in group.Entities)
                _groupOf.TryAdd(entity, group);
        _keys = Keys(pack, Groups);
    }

    // A pack's entities do not change, so each pack's references are found once (the commands ask for them from several places).
    private static readonly ConditionalWeakTable<KnowledgePack, ReferencedPacks> Found = new();

    /// <summary>The entities of other packs that <paramref name="pack"/> refers to. A pack that refers to none has no groups.</summary>
    public static ReferencedPacks Of(KnowledgePack pack) =>
        Found.GetValue(pack ?? throw new ArgumentNullException(nameof(pack)), p => new ReferencedPacks(p));

    /// <summary>The pack whose references these are.</summary>
    public KnowledgePack Pack { get; }

    /// <summary>
    /// One group per pack the referenced entities belong to, ordered by the pack's name (ordinal); a group whose pack
    /// cannot be told (an entity that no pack's lists hold) comes last.
    /// </summary>
    public IReadOnlyList<ReferencedPack> Groups { get; }

    /// <summary>Every referenced entity, group by group.</summary>
    public IEnumerable<Entity> Entities => Groups.SelectMany(g => g.Entities);

    /// <summary>Every referenced source, group by group.</summary>
    public IEnumerable<Source> Sources => Groups.SelectMany(g => g.Sources);

    /// <summary>True when <paramref name="entity"/> is one of the pack's own entities.</summary>
    public bool IsOwn(Entity entity) => _own.Contains(entity);

    /// <summary>The group of a referenced entity; null for the pack's own entities and for entities nothing refers to.</summary>
    public ReferencedPack? GroupOf(Entity entity) => _groupOf.TryGetValue(entity, out var group) ? group : null;

    /// <summary>
    /// How the JSON export names <paramref name="entity"/> in a reference: its id, unless the export holds another entity
    /// with the same id (a pack may give one of its own entities an id that a pack it builds on also uses); then a
    /// referenced pack's entity is named <c>&lt;pack&gt;:&lt;id&gt;</c>. The pack's own entities are always named by their id.
    /// </summary>
    public string Key(Entity entity) => _keys.TryGetValue(entity, out var key) ? key : entity.Id;

    /// <summary>The entities <paramref name="entity"/> refers to, in the order the export writes its fields.</summary>
    public static IEnumerable<Entity> References(Entity entity)
    {
        switch (entity)
        {
            case Source source:
                if (source.Outlet is { } outlet)
                    yield return outlet;
                if (source.Author is { } author)
                    yield return author;
                foreach (var relayed in source.Relays)
                    yield return relayed;
                break;
            case Actor actor:
                foreach (var role in actor.Roles)
                    if (role.Of is { } of)
                        yield return of;
                break;
            case Place place:
                if (place.In is { } container)
                    yield return container;
                break;
            case Claim claim:
                yield return claim.Claimant;
                foreach (var subject in claim.About)
                    yield return subject;
                foreach (var citation in claim.Citations)
                {
                    yield return citation.Source;
                    if (citation.Via is { } via)
                        yield return via;
                }
                foreach (var other in claim.Contradicts)
                    yield return other;
                foreach (var other in claim.Supports)
                    yield return other;
                break;
        }
    }

    // The entities outside the pack's lists that its entities refer to, and those they refer to in turn, in the order
    // they are first reached.
    private static List<Entity> Closure(KnowledgePack pack, HashSet<Entity> own)
    {
        var found = new List<Entity>();
        var seen = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Entity>(pack.Entities);
        while (queue.Count > 0)
            foreach (var target in References(queue.Dequeue()))
                if (!own.Contains(target) && seen.Add(target))
                {
                    found.Add(target);
                    queue.Enqueue(target);
                }
        return found;
    }

    // Each referenced entity goes to the pack whose lists hold it, in that pack's order. The packs are found through the
    // assemblies the pack's assembly references (and those they reference), as the generated code reaches them.
    private static ReferencedPack[] Group(KnowledgePack pack, List<Entity> referenced)
    {
        var remaining = new HashSet<Entity>(referenced, ReferenceEqualityComparer.Instance);
        var groups = new List<ReferencedPack>();
        foreach (var owner in PacksReferencedBy(pack))
        {
            if (remaining.Count == 0)
                break;
            var group = new ReferencedPack(owner, Take(owner.Sources, remaining), Take(owner.Actors, remaining), Take(owner.Places, remaining), Take(owner.Claims, remaining));
            if (group.Entities.Any())
                groups.Add(group);
        }
        var ordered = groups.OrderBy(g => g.Pack!.Name, StringComparer.Ordinal).ToList();
        if (remaining.Count > 0)
        {
            var unowned = referenced.Where(remaining.Contains).ToList();
            ordered.Add(new ReferencedPack(null, unowned.OfType<Source>().ToList(), unowned.OfType<Actor>().ToList(),
                unowned.OfType<Place>().ToList(), unowned.OfType<Claim>().ToList()));
        }
        return ordered.ToArray();
    }

    private static List<T> Take<T>(IReadOnlyList<T> list, HashSet<Entity> remaining) where T : Entity
    {
        var taken = new List<T>();
        foreach (var entity in list)
            if (remaining.Remove(entity))
                taken.Add(entity);
        return taken;
    }

    // The packs of the assemblies the pack's assembly references, breadth first, resolved in the pack's load context (as
    // the pack's own references to them were). Only assemblies built against the runtime model are looked into.
    private static IEnumerable<KnowledgePack> PacksReferencedBy(KnowledgePack pack)
    {
        var start = pack.GetType().Assembly;
        var context = AssemblyLoadContext.GetLoadContext(start) ?? AssemblyLoadContext.Default;
        var runtime = typeof(KnowledgePack).Assembly.GetName().Name!;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { runtime, start.GetName().Name ?? "" };
        var queue = new Queue<Assembly>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().GetReferencedAssemblies())
            {
                if (name.Name is null || !seen.Add(name.Name))
                    continue;
                Assembly assembly;
                try
                {
                    assembly = context.LoadFromAssemblyName(name);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue; // not there: none of its entities can have been reached either
                }
                if (!assembly.GetReferencedAssemblies().Any(r => string.Equals(r.Name, runtime, StringComparison.OrdinalIgnoreCase)))
                    continue;
                queue.Enqueue(assembly);
                foreach (var attribute in assembly.GetCustomAttributes<KnowledgePackAttribute>())
                {
                    KnowledgePack? owner;
                    try
                    {
                        owner = KnowledgePackAttribute.Load(attribute.PackType);
                    }
                    catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or ArgumentException or TypeLoadException)
                    {
                        owner = null; // a pack that cannot be created holds none of the objects the pack reached
                    }
                    if (owner is not null)
                        yield return owner;
                }
            }
        }
    }

    // The pack's own entities are named by their id; a referenced entity too, unless another entity of the export has
    // that id. Keys are unique, so a reference names one entity.
    private static Dictionary<Entity, string> Keys(KnowledgePack pack, IReadOnlyList<ReferencedPack> groups)
    {
        var keys = new Dictionary<Entity, string>(ReferenceEqualityComparer.Instance);
        if (groups.Count == 0)
            return keys;
        var referenced = groups.SelectMany(g => g.Entities.Select(e => (Entity: e, Group: g))).ToList();
        var idCounts = pack.Entities.Distinct<Entity>(ReferenceEqualityComparer.Instance)
            .Concat(referenced.Select(r => r.Entity))
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var used = new HashSet<string>(pack.Entities.Select(e => e.Id), StringComparer.Ordinal);
        foreach (var (entity, group) in referenced)
        {
            var key = idCounts[entity.Id] == 1 ? entity.Id : (group.Pack?.Name ?? "?") + ":" + entity.Id;
            keys[entity] = Unique(key, used);
        }
        return keys;
    }

    /// <summary>
    /// <paramref name="candidate"/>, or with <paramref name="separator"/> and 2, 3 … after it when <paramref name="used"/>
    /// holds it; the result is added to <paramref name="used"/>.
    /// </summary>
    internal static string Unique(string candidate, HashSet<string> used, string separator = "#")
    {
        var unique = candidate;
        for (var n = 2; !used.Add(unique); n++)
            unique = candidate + separator + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return unique;
    }
}

/// <summary>The entities of one other pack that a pack refers to, in that pack's order.</summary>
/// <param name="Pack">The pack they belong to; null when no pack the tool can reach holds them.</param>
public sealed record ReferencedPack(KnowledgePack? Pack, IReadOnlyList<Source> Sources, IReadOnlyList<Actor> Actors, IReadOnlyList<Place> Places, IReadOnlyList<Claim> Claims)
{
    /// <summary>Sources, actors, places, then claims.</summary>
    public IEnumerable<Entity> Entities => Sources.Cast<Entity>().Concat(Actors).Concat(Places).Concat(Claims);
}

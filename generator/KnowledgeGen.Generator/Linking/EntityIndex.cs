using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Linking;

/// <summary>An entity as the linker knows it: where it was written and whether code can be generated for it.</summary>
internal sealed class LinkedEntity
{
    public LinkedEntity(EntityClass @class, string filePath, EntityHeader header)
    {
        Class = @class;
        FilePath = filePath;
        Header = header;
        Member = header.Member;
        Emitted = header.Complete;
    }

    /// <summary>
    /// An entity of a referenced pack: answers references, is never generated here. Its name is the one its pack wrote
    /// in its <c>[KnowledgeId]</c>, or its id for a pack built before names were written there.
    /// </summary>
    public static LinkedEntity FromReferencedPack(ExternalEntity entity)
    {
        var id = new Located(entity.Id, SourceSpan.FileStart);
        return new LinkedEntity(entity.Class, entity.Pack, new EntityHeader(id, entity.Name ?? entity.Id, EquatableArray<Located>.Empty, null, SourceSpan.FileStart, true))
        {
            External = entity.Member,
        };
    }

    /// <summary>The fully qualified member of an entity of a referenced pack; null for the pack's own.</summary>
    public string? External { get; private set; }

    public EntityClass Class { get; }
    public string FilePath { get; }

    /// <summary>The place of the entity's file in the pack's path order (0 for a referenced pack's entity).</summary>
    public int FileOrdinal { get; init; }
    public EntityHeader Header { get; }
    public string Id => Header.Id.Value;
    public string Member { get; }

    /// <summary>False once any error rules this entity out of the generated code.</summary>
    public bool Emitted { get; set; }

    // Where the entity lands in the generated tables, once the linker knows what is emitted (-1 until then).
    public int File
    {
        get => _file;
        set { _file = value; _ref = null; }
    }

    public int Index
    {
        get => _index;
        set { _index = value; _ref = null; }
    }

    private int _file = -1;
    private int _index = -1;
    private EntityRef? _ref;

    // Tallies the model builder keeps while it links (every link makes its entities afresh, so they start empty):
    // the claims an actor made, the claims about a place, the citations of a source, a cited source's number,
    // and the numbers of the sources that the claims by or about an actor cite (repeats included). Fields of the
    // entity, not dictionaries keyed by it.
    public int ClaimCount { get; set; }
    public int MentionCount { get; set; }
    public int CitationCount { get; set; }
    public int SourceNumber { get; set; } = -1;
    public List<int>? CitedIn { get; set; }

    /// <summary>A claim's references as the link resolved them (null for the other kinds).</summary>
    public ClaimRefs? Resolved { get; set; }

    /// <summary>The reference every referrer shares: one object per entity keeps a large pack's model small and quick to compare.</summary>
    public EntityRef ToRef() => _ref ??= new(Class, Member, Id, Header.Name, External, File, Index);

    public string KindName => EntityKinds.Name(Class);

    /// <summary>Where this entity's id is written, as argument <paramref name="argument"/> of a message about another entity.</summary>
    public ElsewhereInPack Elsewhere(int argument, string prefix, SourceSpan? at = null) => new(argument, prefix, FilePath, at ?? Header.Id.Span);
}

/// <summary>
/// Every id of the pack: reports duplicate ids, ids whose C# names collide (with each other or with
/// the generated class's own members) and aliases that would make a lookup ambiguous.
/// </summary>
internal sealed class EntityIndex
{
    // Names a generated class already uses, or that would hide a member of object.
    private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
    {
        "All", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    // The generator's own members of a kind's class start with "__", which no entity's C# name does.
    public static bool IsReserved(string member) => ReservedMembers.Contains(member);

    private readonly Dictionary<string, LinkedEntity> _byId;
    // Each kind's entities in the order they were registered, which is the files' path order and then the order
    // they are written in: the checks below take them in that order without sorting.
    private readonly List<LinkedEntity>[] _registered;
    private readonly List<DiagnosticInfo> _diagnostics;

    /// <param name="expected">How many entities of each kind will be registered: sized once, the index is not grown
    /// (and rehashed) entity by entity while a large pack is linked.</param>
    public EntityIndex(List<DiagnosticInfo> diagnostics, int[] expected)
    {
        _diagnostics = diagnostics;
        _registered = new[] { new List<LinkedEntity>(expected[0]), new List<LinkedEntity>(expected[1]), new List<LinkedEntity>(expected[2]), new List<LinkedEntity>(expected[3]) };
        _byId = new Dictionary<string, LinkedEntity>(expected[0] + expected[1] + expected[2] + expected[3], StringComparer.Ordinal);
    }

    public IEnumerable<string> Ids => _byId.Keys.Concat(_referenced.Keys.Where(id => !_byId.ContainsKey(id)));

    /// <summary>Registers an entity; call it in the files' path order (<paramref name="fileOrdinal"/>) and, within a file, in the order entities are written.</summary>
    public LinkedEntity? Register(EntityClass @class, string filePath, int fileOrdinal, EntityHeader header)
    {
        var id = header.Id.Value;
        if (!Naming.IsValidId(id))
            return null; // already reported by the reader
        if (_byId.TryGetValue(id, out var first))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.DuplicateId, filePath, header.Id.Span, first.Elsewhere(2, ""),
                id, first.KindName, null, EntityKinds.Name(@class)));
            return null;
        }
        var entity = new LinkedEntity(@class, filePath, header) { FileOrdinal = fileOrdinal };
        _byId.Add(id, entity);
        _registered[(int)@class].Add(entity);
        return entity;
    }

    /// <summary>An incremental link's update (<see cref="IncrementalLink"/>): a claim no longer in the pack.</summary>
    public void Remove(LinkedEntity claim)
    {
        _byId.Remove(claim.Id);
        ClaimMembers.Remove(claim.Member);
    }

    /// <summary>An incremental link's update: a claim new to the pack, which has checked that its id and C# name are free.</summary>
    public void Add(LinkedEntity claim)
    {
        _byId.Add(claim.Id, claim);
        ClaimMembers.Add(claim.Member, claim);
    }

    /// <summary>The C# names of the claims, each to its claim (filled by <see cref="CheckNames"/>).</summary>
    public Dictionary<string, LinkedEntity> ClaimMembers { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every alias of the pack as <c>Find</c> compares it (<see cref="Naming.FindKey"/>, ignoring case), filled by
    /// <see cref="CheckAliases"/>: an id or alias new to the pack that spells one of them needs the whole check again.
    /// </summary>
    public ICollection<string> AliasKeys { get; private set; } = Array.Empty<string>();

    public LinkedEntity? Find(string id) =>
        _byId.TryGetValue(id, out var entity) ? entity : _referenced.TryGetValue(id, out entity) ? entity : null;

    // Cross-pack references: entities of referenced fact packs answer the ids no entity of this pack has.
    // The pack's own ids always win, and of two referenced packs with the same id the first (by pack name) does.
    private readonly Dictionary<string, LinkedEntity> _referenced = new(StringComparer.Ordinal);

    /// <param name="except">This pack's namespace: a referenced pack in it is reported by the link and not linked.</param>
    public void AddReferencedPacks(ReferencedPacksModel? packs, string except)
    {
        if (packs is null)
            return;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entity in packs.Entities)
        {
            if (entity.Namespace == except)
                continue;
            names.Add(entity.Pack);
            if (!_referenced.ContainsKey(entity.Id))
                _referenced.Add(entity.Id, LinkedEntity.FromReferencedPack(entity));
        }
        ReferencedPackNames = names.ToList();
    }

    /// <summary>The names of the referenced packs whose entities are linked, in ordinal order; empty when there are none.</summary>
    public IReadOnlyList<string> ReferencedPackNames { get; private set; } = Array.Empty<string>();

    /// <summary>Checks the C# names of all registered entities; run once every file is registered.</summary>
    public void CheckNames()
    {
        for (var @class = 0; @class < _registered.Length; @class++)
        {
            var className = ((EntityClass)@class).ToString();
            var byMember = new Dictionary<string, LinkedEntity>(_registered[@class].Count, StringComparer.Ordinal);
            foreach (var entity in _registered[@class])
            {
                var span = entity.Header.Id.Span;
                if (IsReserved(entity.Member) || entity.Member == className)
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.NameCollision, entity.FilePath, span, entity.Id, entity.Member,
                        $"the generated class '{className}' already uses"));
                else if (byMember.TryGetValue(entity.Member, out var other))
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.NameCollision, entity.FilePath, span,
                        other.Elsewhere(2, $"is also the C# name of '{other.Id}' at "), entity.Id, entity.Member, null));
                else
                {
                    byMember.Add(entity.Member, entity);
                    continue;
                }
                entity.Emitted = false;
            }
            if ((EntityClass)@class == EntityClass.Claims)
                ClaimMembers = byMember;
        }
    }

    /// <summary>
    /// Warns when two sources, two actors or two places have one name, compared as the runtime's <c>Find</c> compares names
    /// (ignoring case and what <see cref="Naming.FindKey"/> ignores): most likely one entity written twice under two ids. The
    /// second in pack order is reported at its name (at its id when its name is not written), naming the first and where its
    /// name is written, so that the message leads to the two names it compares. Claims are
    /// not found by name and are not compared, nor is an entity left out of the code for an error of its own.
    /// </summary>
    public void CheckSharedNames()
    {
        for (var @class = 0; @class < _registered.Length; @class++)
        {
            if ((EntityClass)@class == EntityClass.Claims)
                continue;
            var byName = new Dictionary<string, LinkedEntity>(_registered[@class].Count, StringComparer.OrdinalIgnoreCase);
            foreach (var entity in _registered[@class])
            {
                if (!entity.Header.Complete)
                    continue;
                var key = Naming.FindKey(entity.Header.Name);
                if (key.Length == 0)
                    continue;
                // At the name the two share, where it is written; at the id when it is not (an entity's default name).
                if (byName.TryGetValue(key, out var first))
                {
                    // The first's name, not its id, which may stand on another line; its id when its name is not written.
                    var other = first.Header.NameSpan is { } name ? first.Elsewhere(4, ", whose name is at ", name) : first.Elsewhere(4, " at ");
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.SharedName, entity.FilePath, entity.Header.NameSpan ?? entity.Header.Id.Span, other,
                        entity.Header.Name, entity.KindName, entity.Id, first.Id, null));
                }
                else
                    byName.Add(key, entity);
            }
        }
    }

    /// <summary>
    /// Warns when an alias is also another entity's id, name or alias, compared as the runtime's <c>Find</c> compares names:
    /// ignoring case and what <see cref="Naming.FindKey"/> ignores. Each text belongs to the entity <c>Find</c> gives for it
    /// (ids before names, names before aliases, each in the pack's order: the kinds in turn, each in file order), and the
    /// warning stands at every other entity's alias, naming that one.
    /// </summary>
    public void CheckAliases()
    {
        // Only the ids and names some alias spells are kept, not every id and name of the pack in a case-insensitive
        // table sorted by file order: that took a sixth of a link's time at 100,000 facts.
        var withAliases = new List<LinkedEntity>();
        var owners = new Dictionary<string, Owner?>(StringComparer.OrdinalIgnoreCase);
        var longest = 0;
        foreach (var list in _registered)
            foreach (var entity in list)
            {
                if (entity.Header.Aliases.Count == 0)
                    continue;
                withAliases.Add(entity);
                foreach (var alias in entity.Header.Aliases)
                {
                    var key = Naming.FindKey(alias.Value);
                    owners[key] = null;
                    longest = Math.Max(longest, key.Length);
                }
            }
        if (withAliases.Count == 0)
            return;
        AliasKeys = owners.Keys;
        // Strings equal ignoring case have the same length: an id or name of a length no alias has is not looked up.
        var aliasLength = new bool[longest + 1];
        foreach (var alias in owners.Keys)
            aliasLength[alias.Length] = true;

        // An id or name an alias spells belongs to the entity Find gives for it: any entity's id before any name, and among
        // names the first in the pack's order, which is the order of _registered (sources, actors, places, claims, each
        // in file order), not where the entities stand in the files: Find gives an actor before a place written above it.
        foreach (var list in _registered)
            foreach (var entity in list)
                Offer(entity.Id, entity, "id");
        foreach (var list in _registered)
            foreach (var entity in list)
                if (entity.Class != EntityClass.Claims)
                    Offer(entity.Header.Name, entity, "name");

        // Then the aliases, in the pack's order (withAliases was filled in it): each belongs to its first writer, and any
        // other entity's use of it is reported.
        foreach (var entity in withAliases)
        {
            foreach (var alias in entity.Header.Aliases)
            {
                var key = Naming.FindKey(alias.Value);
                if (owners[key] is { } owner)
                {
                    if (owner.Entity != entity)
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticRules.AliasCollision, entity.FilePath, alias.Span, alias.Value, entity.Id, owner.What, owner.Entity.Id));
                    continue;
                }
                owners[key] = new Owner(entity, "alias");
            }
        }

        void Offer(string text, LinkedEntity entity, string what)
        {
            var key = Naming.FindKey(text);
            if (key.Length < aliasLength.Length && aliasLength[key.Length] && owners.TryGetValue(key, out var current) && current is null)
                owners[key] = new Owner(entity, what);
        }
    }

    private readonly record struct Owner(LinkedEntity Entity, string What);
}

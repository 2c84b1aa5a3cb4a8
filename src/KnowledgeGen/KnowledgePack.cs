using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace KnowledgeGen;

/// <summary>
/// A compiled fact pack: its manifest and its four lists. Every generated pack derives from this class,
/// so tools (the command-line tool, other packs) can work with any pack through one type.
/// </summary>
public abstract class KnowledgePack
{
    private Dictionary<string, Entity>? _byName;

    /// <summary>The pack's name, as its manifest gives it.</summary>
    public abstract string Name { get; }

    /// <summary>The C# namespace the pack's types live in.</summary>
    public abstract string Namespace { get; }

    /// <summary>A human title.</summary>
    public abstract string Title { get; }

    /// <summary>The pack's version.</summary>
    public abstract string Version { get; }

    /// <summary>What the pack covers.</summary>
    public abstract string? Description { get; }

    /// <summary>Every source, in the order the curators wrote them.</summary>
    public abstract IReadOnlyList<Source> Sources { get; }

    /// <summary>Every actor.</summary>
    public abstract IReadOnlyList<Actor> Actors { get; }

    /// <summary>Every place.</summary>
    public abstract IReadOnlyList<Place> Places { get; }

    /// <summary>Every claim.</summary>
    public abstract IReadOnlyList<Claim> Claims { get; }

    private PackIndexes? _indexes;

    /// <summary>
    /// Claims by claimant, subject and source, the contradiction and support graph, corroboration and the
    /// timeline. Generated packs return the indexes the generator computed; a pack that does not override
    /// this gets them computed once from its lists.
    /// </summary>
    public virtual PackIndexes Indexes => Volatile.Read(ref _indexes) ?? Interlocked.CompareExchange(ref _indexes, PackIndexes.Compute(this), null) ?? _indexes!;

    /// <summary>
    /// Every entity of the pack: sources, actors, places, then claims. A list that holds null (only a pack built by hand
    /// can) throws an <see cref="InvalidOperationException"/> naming the list and the place.
    /// </summary>
    public IEnumerable<Entity> Entities =>
        Listed(Sources, nameof(Sources)).Cast<Entity>().Concat(Listed(Actors, nameof(Actors))).Concat(Listed(Places, nameof(Places)))
            .Concat(Listed(Claims, nameof(Claims)));

    // A list's entities, said to be wrong where one is null, rather than failing later with an error about a dictionary key
    // or a null reference that names neither the pack nor the list.
    internal IEnumerable<T> Listed<T>(IReadOnlyList<T> list, string name) where T : Entity
    {
        var index = 0;
        foreach (var entity in list)
        {
            yield return entity ?? throw new InvalidOperationException(
                $"The pack '{Name}' lists null as item {index} of {name}; a pack's lists hold entities only.");
            index++;
        }
    }

    /// <summary>
    /// Finds an entity by its id, its name or one of its aliases, ignoring case, the white space and invisible formatting
    /// characters around the text (a right-to-left mark, a byte order mark) and how accented letters are encoded (a
    /// decomposed "é" finds a precomposed one): <c>Find("Punjir")</c> is the Panjshir Valley. A claim is found by its id or an alias, not by its name (the short
    /// name its YAML gives it, or else its whole statement). Null when nothing is known by that text.
    /// </summary>
    public Entity? Find(string idOrAlias)
    {
        if (idOrAlias is null)
            throw new ArgumentNullException(nameof(idOrAlias));
        var index = Volatile.Read(ref _byName) ?? BuildNameIndex();
        return index.TryGetValue(Entity.NameKey(idOrAlias), out var entity) ? entity : null;
    }

    /// <summary>
    /// Finds an entity of type <typeparamref name="T"/> by id, name or alias, as <see cref="Find(string)"/> does among the
    /// entities of that type: when the text also names an entity of another type, which <see cref="Find(string)"/> gives,
    /// the one of type <typeparamref name="T"/> is found all the same. Null when no entity of that type is known by it.
    /// </summary>
    public T? Find<T>(string idOrAlias) where T : Entity
    {
        var found = Find(idOrAlias);
        // Most texts name one entity, or none: only when Find gives one of another type are the others looked for.
        return found is null or T ? found as T : FindAmong<T>(Entity.NameKey(idOrAlias));
    }

    // The entity of type T that Find would give were the pack's entities of that type its only ones: an id first, then a
    // name, then an alias, each in the pack's order.
    private T? FindAmong<T>(string key) where T : Entity
    {
        var candidates = Entities.OfType<T>().ToList();
        foreach (var entity in candidates)
            if (Entity.NameComparer.Equals(Entity.NameKey(entity.Id), key))
                return entity;
        foreach (var entity in candidates)
            if (entity.IsFoundByName && Entity.NameComparer.Equals(Entity.NameKey(entity.Name), key))
                return entity;
        foreach (var entity in candidates)
            foreach (var alias in entity.Aliases)
                if (Entity.NameComparer.Equals(Entity.NameKey(alias), key))
                    return entity;
        return null;
    }

    /// <summary>The entity with exactly this id; throws when there is none.</summary>
    public Entity Get(string id)
    {
        if (id is null)
            throw new ArgumentNullException(nameof(id));
        var entity = Find(id);
        if (entity is not null && string.Equals(entity.Id, id, StringComparison.Ordinal))
            return entity;
        // Find takes ids first, ignoring case and what surrounds the text, so it gives another id only in a hand-made pack
        // whose ids differ just so ("Q42" and "q42"), and then the first of them for either: the one with exactly this id is
        // looked for among the rest. Any other miss is a miss, and decodes no more of a generated pack.
        if (entity is not null && Entity.NameComparer.Equals(Entity.NameKey(entity.Id), Entity.NameKey(id)))
            foreach (var other in Entities)
                if (string.Equals(other.Id, id, StringComparison.Ordinal))
                    return other;
        throw new KeyNotFoundException($"The pack '{Name}' has no entity with id '{id}'.");
    }

    // Ids win over names and names over aliases, so a name that happens to equal another entity's
    // alias still finds the entity that bears it as its name.
    private Dictionary<string, Entity> BuildNameIndex()
    {
        var index = new Dictionary<string, Entity>(Entity.NameComparer);
        var all = Entities.ToList();
        // Keys made as Find makes the text it is given, so a hand-made alias written with spaces around it is still found.
        foreach (var entity in all)
            index.TryAdd(Entity.NameKey(entity.Id), entity);
        foreach (var entity in all)
            if (entity.IsFoundByName)
                index.TryAdd(Entity.NameKey(entity.Name), entity);
        foreach (var entity in all)
            foreach (var alias in entity.Aliases)
                index.TryAdd(Entity.NameKey(alias), entity);
        Volatile.Write(ref _byName, index);
        return index;
    }
}

/// <summary>Marks an assembly as holding a fact pack; <see cref="PackType"/> is the generated static <c>Pack</c> class.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class KnowledgePackAttribute : Attribute
{
    /// <summary>Marks the assembly as holding the pack reachable through <paramref name="packType"/>.</summary>
    public KnowledgePackAttribute(Type packType, string name)
    {
        PackType = packType;
        Name = name;
    }

    /// <summary>The generated static class whose <c>Instance</c> property is the pack.</summary>
    public Type PackType { get; }

    /// <summary>The pack's name, as its manifest gives it.</summary>
    public string Name { get; }

    /// <summary>
    /// Loads the pack instance behind <paramref name="packType"/> (its public static <c>Instance</c>, declared on the type or
    /// inherited from a base class, as <c>Pack.Instance</c> reads it in C#: the nearest declaration wins); a type that has
    /// none, whose <c>Instance</c> is not a <see cref="KnowledgePack"/>, or an interface whose <c>Instance</c> is static
    /// abstract or virtual (read only through a type that implements it), is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    public static KnowledgePack Load(Type packType)
    {
        if (packType is null)
            throw new ArgumentNullException(nameof(packType));
        // An open generic type has no value to read: reflection would throw InvalidOperationException about late binding.
        if (packType.ContainsGenericParameters)
            throw new ArgumentException($"{packType} is an open generic type, not a pack's class.", nameof(packType));
        var getter = InstanceProperty(packType)?.GetMethod;
        if (getter is null || !getter.IsPublic)
            throw new ArgumentException($"{packType} has no public static Instance property.", nameof(packType));
        // An interface's static abstract or static virtual Instance is read in C# only through a type that implements the
        // interface (CS8926); an abstract one has no body, and reflection would throw BadImageFormatException calling it.
        if (getter.IsAbstract || getter.IsVirtual)
            throw new ArgumentException(
                $"{packType}.Instance is a static {(getter.IsAbstract ? "abstract" : "virtual")} member of an interface; load the type that implements it.",
                nameof(packType));
        if (!typeof(KnowledgePack).IsAssignableFrom(getter.ReturnType))
            throw new ArgumentException($"{packType}.Instance is a {getter.ReturnType}, not a KnowledgePack.", nameof(packType));
        // What the pack's own code throws reaches the caller as it was thrown, not wrapped in a TargetInvocationException.
        var pack = getter.Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null);
        return (KnowledgePack)(pack ?? throw new InvalidOperationException($"{packType}.Instance is null."));
    }

    // The public static Instance of the type or of the nearest base class that declares one. A generated Pack class declares
    // its own; a pack written by hand may inherit it (a base class shared by several packs), and C# reads Pack.Instance
    // through the derived class all the same. Reflection finds a static member of a base class only when asked to.
    private static PropertyInfo? InstanceProperty(Type packType)
    {
        for (var type = packType; type is not null; type = type.BaseType)
            if (type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { } declared)
                return declared;
        return null;
    }
}

/// <summary>Marks a generated member with the id of the entity it returns, so other packs can refer to it.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class KnowledgeIdAttribute : Attribute
{
    /// <summary>Marks the member as returning the entity with this id.</summary>
    public KnowledgeIdAttribute(string id) => Id = id;

    /// <summary>The entity's id in its pack.</summary>
    public string Id { get; }

    /// <summary>
    /// The entity's name, which the doc comments of a pack built on this one show for it; null on a member of a
    /// claim, and on every member of a pack built before names were written here (such a pack is named by its ids).
    /// </summary>
    public string? Name { get; set; }
}

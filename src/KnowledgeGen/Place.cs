using System;
using System.Collections.Generic;

namespace KnowledgeGen;

/// <summary>What kind of place a <see cref="Place"/> is.</summary>
public enum PlaceKind
{
    /// <summary>A country.</summary>
    Country,
    /// <summary>A province or state.</summary>
    Province,
    /// <summary>A valley.</summary>
    Valley,
    /// <summary>A district.</summary>
    District,
    /// <summary>A city.</summary>
    City,
    /// <summary>A town.</summary>
    Town,
    /// <summary>A village.</summary>
    Village,
    /// <summary>A mountain pass.</summary>
    Pass,
    /// <summary>A mountain range.</summary>
    MountainRange,
    /// <summary>A river.</summary>
    River,
    /// <summary>A region without administrative borders.</summary>
    Region,
    /// <summary>A building or site.</summary>
    Site,
}

/// <summary>A named place.</summary>
public sealed class Place : Entity
{
    /// <summary>Creates a place; for packs built by hand (a generated pack decodes its own from its records).</summary>
    public Place(string id, string name, IReadOnlyList<string> aliases, string? note, PlaceKind kind, Func<Place>? @in)
        : base(id, name, aliases, note, new PlaceDetails(EnumArgument.Named(kind, nameof(kind)), Ref<Place>.Optional(@in)))
    {
    }

    /// <summary>A place of a generated pack, whose record starts at <paramref name="recordAt"/> in <paramref name="file"/>: all of it but its name is read from there when first needed.</summary>
    internal Place(string name, Generated.FactFile file, long recordAt)
        : base(name, file, recordAt)
    {
    }

    private new PlaceDetails Details => (PlaceDetails)base.Details;

    /// <inheritdoc />
    public override EntityKind EntityKind => EntityKind.Place;

    /// <summary>Country, province, valley, district, town, village, pass, mountain range, ...</summary>
    public PlaceKind Kind => Details.Kind;

    /// <summary>The place this one lies in, if known.</summary>
    public Place? In => Details.In?.Value;

    /// <summary>Every place this one lies in, innermost first (not this place itself).</summary>
    /// <remarks>
    /// A generated pack has no cycle of containment (the generator refuses one, KG0018); for a hand-made pack that has one,
    /// the walk stops before a place comes round again.
    /// </remarks>
    public IEnumerable<Place> Containers()
    {
        var seen = new HashSet<Place> { this };
        for (var place = In; place is not null && seen.Add(place); place = place.In)
            yield return place;
    }
}

/// <summary>What a place holds beyond its id, names and note.</summary>
internal sealed class PlaceDetails
{
    public PlaceDetails(PlaceKind kind, Ref<Place>? @in)
    {
        Kind = kind;
        In = @in;
    }

    public PlaceKind Kind { get; }
    public Ref<Place>? In { get; }
}

using System;
using System.Globalization;

namespace KnowledgeGen;

/// <summary>The checks the public constructors make of the enum values they are given.</summary>
internal static class EnumArgument
{
    // A number cast to an enum that names no member would print as a number and fall through every switch on the kind;
    // a generated pack never holds one, and a hand-made one is refused where it is made.
    public static T Named<T>(T value, string parameter) where T : struct, Enum =>
        Enum.IsDefined(value) ? value
        : throw new ArgumentOutOfRangeException(parameter, value, $"{typeof(T).Name} has no such member; it has {string.Join(", ", Enum.GetNames<T>())}.");
}

/// <summary>How precisely a <see cref="FactDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>The exact day is known.</summary>
    Day,
    /// <summary>Only the month is known; the day part of the date is the first of the month.</summary>
    Month,
    /// <summary>Only the year is known; the date is January 1st of that year.</summary>
    Year,
    /// <summary>The date is an estimate: the event happened around that day.</summary>
    Approximate,
}

/// <summary>A calendar date with the precision the documents support.</summary>
public readonly record struct FactDate(DateOnly Date, DatePrecision Precision) : IComparable<FactDate>, IComparable
{
    /// <summary>The day; for a date known to the month or year, the first day of it.</summary>
    public DateOnly Date { get; } = Date;

    /// <summary>How precisely the date is known; a month's date is its first day, a year's its January 1st.</summary>
    // Neither property can be set by 'with': a copy could otherwise pair a day with a precision it does not fit.
    public DatePrecision Precision { get; } = Checked(Date, Precision);

    // A precision the enum does not name would print and sort as a day; a month dated on its 15th would print as the month
    // yet neither equal nor sort with it. Both are refused where the date is made.
    private static DatePrecision Checked(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Day or DatePrecision.Approximate => precision,
        DatePrecision.Month when date.Day == 1 => precision,
        DatePrecision.Year when date.Day == 1 && date.Month == 1 => precision,
        DatePrecision.Month => throw new ArgumentException(
            $"A date known to the month is the first of its month ({date.Year:D4}-{date.Month:D2}-01), not {date:yyyy-MM-dd}.", nameof(Date)),
        DatePrecision.Year => throw new ArgumentException(
            $"A date known to the year is its January 1st ({date.Year:D4}-01-01), not {date:yyyy-MM-dd}.", nameof(Date)),
        _ => throw new ArgumentOutOfRangeException(nameof(Precision), precision, "Not a DatePrecision: Day, Month, Year or Approximate."),
    };

    /// <summary>Orders by date, then from the most precise to the least.</summary>
    public int CompareTo(FactDate other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : Precision.CompareTo(other.Precision);
    }

    /// <summary>
    /// Compares with a boxed <see cref="FactDate"/> as <see cref="CompareTo(FactDate)"/> does, for what sorts through the
    /// non-generic <see cref="IComparable"/> (<c>Comparer.Default</c>, <c>ArrayList.Sort</c>, a data grid's column); a null
    /// comes first.
    /// </summary>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        FactDate other => CompareTo(other),
        _ => throw new ArgumentException($"A FactDate compares with a FactDate, not a {obj.GetType()}.", nameof(obj)),
    };

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(FactDate left, FactDate right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(FactDate left, FactDate right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/> or is equal to it.</summary>
    public static bool operator <=(FactDate left, FactDate right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/> or is equal to it.</summary>
    public static bool operator >=(FactDate left, FactDate right) => left.CompareTo(right) >= 0;

    /// <summary>The date as it is known: <c>2021-09-02</c>, <c>2021-09</c>, <c>2021</c> or <c>~2021-09-02</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Date.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Approximate => "~" + Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

/// <summary>A typed amount: one value, or a range from <see cref="Min"/> to <see cref="Max"/>, in a unit.</summary>
public readonly record struct Quantity(decimal Min, decimal Max, string Unit, bool Approximate = false)
{
    // The bounds and the unit cannot be set by 'with', which would skip these checks (a copy with Min above Max).

    /// <summary>The lower bound, or the single value.</summary>
    public decimal Min { get; } = Min;

    /// <summary>The upper bound; <see cref="Min"/> for a single value. Never below <see cref="Min"/>.</summary>
    public decimal Max { get; } = Max >= Min ? Max
        : throw new ArgumentOutOfRangeException(nameof(Max), Max, $"A range runs from its lower bound up: {Max} is below {Min}.");

    // Null only in default(Quantity), which no constructor made: Unit reads it as the bare number it prints as.
    private readonly string? _unit = Unit ?? throw new ArgumentNullException(nameof(Unit));

    /// <summary>The unit, as the documents give it (<c>fighters killed</c>); empty for a bare number.</summary>
    public string Unit => _unit ?? "";

    /// <summary>True when the documents give a range ("seven or eight") rather than one number.</summary>
    public bool IsRange => Min != Max;

    /// <summary>The single value; for a range, its lower bound.</summary>
    public decimal Value => Min;

    /// <summary>True when both have the same bounds, unit and approximation; <c>default(Quantity)</c> is the bare number 0.</summary>
    public bool Equals(Quantity other) => Min == other.Min && Max == other.Max && Unit == other.Unit && Approximate == other.Approximate;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Min, Max, Unit, Approximate);

    /// <summary>Reads as the documents would say it: <c>40 fighters killed</c>, <c>7–8 fighters killed</c>, <c>about 10000 fighters</c>.</summary>
    public override string ToString()
    {
        var amount = IsRange
            ? Min.ToString(CultureInfo.InvariantCulture) + "–" + Max.ToString(CultureInfo.InvariantCulture)
            : Min.ToString(CultureInfo.InvariantCulture);
        return (Approximate ? "about " : "") + amount + (Unit.Length == 0 ? "" : " " + Unit);
    }
}

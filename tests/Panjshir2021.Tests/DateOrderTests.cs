using System.Collections;
using KnowledgeGen;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>The pack's dates sort as its timeline orders them, whichever way a program sorts them.</summary>
public class DateOrderTests
{
    private static readonly IReadOnlyList<Claim> Timeline = global::Panjshir2021.Pack.Indexes.Timeline;

    [Fact]
    public void Dates_sort_as_the_timeline_orders_them_through_the_non_generic_comparer_too()
    {
        // What a data grid's column, an ArrayList or Comparer.Default sorts by: IComparable, not IComparable<FactDate>.
        var expected = Timeline.Select(c => c.Date!.Value).ToList();
        var boxed = new ArrayList(expected.AsEnumerable().Reverse().Cast<object>().ToList());
        boxed.Sort();
        Assert.Equal(expected, boxed.Cast<FactDate>());
        Assert.True(Comparer.Default.Compare(expected[0], expected[^1]) < 0);
        object first = expected[0]; // as code that sorts values of any type holds it
        var comparable = Assert.IsAssignableFrom<IComparable>(first);
        Assert.True(comparable.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => comparable.CompareTo(expected[0].Date));
    }

    [Fact]
    public void Dates_compare_with_operators_as_CompareTo_does()
    {
        var dates = Timeline.Select(c => c.Date!.Value).Distinct().ToList();
        Assert.True(dates.Count > 10);
        foreach (var a in dates)
            foreach (var b in dates)
            {
                var order = a.CompareTo(b);
                Assert.Equal(order < 0, a < b);
                Assert.Equal(order > 0, a > b);
                Assert.Equal(order <= 0, a <= b);
                Assert.Equal(order >= 0, a >= b);
            }
    }
}

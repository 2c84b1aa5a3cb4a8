using System.Globalization;
using KnowledgeGen;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>Finding the pack's entities by text as people paste or type it.</summary>
public class LookupTests
{
    private static readonly KnowledgePack Pack = global::Panjshir2021.Pack.Instance;

    [Fact]
    public void Text_copied_with_direction_marks_or_a_byte_order_mark_around_it_finds_its_entity()
    {
        // A name copied from a right-to-left page comes wrapped in marks that no one sees; a line read from a file may
        // start with a byte order mark.
        var valley = global::Panjshir2021.Places.PanjshirValley;
        foreach (var text in new[] { "\u200FPunjir\u200F", "\u200EPunjir", "\u202BPunjir\u202C", "\uFEFFPunjir", "\u2067Punjir\u2069 " })
        {
            Assert.Same(valley, Pack.Find(text));
            Assert.True(valley.IsKnownAs(text));
        }
        Assert.Same(global::Panjshir2021.Actors.AhmadMassoud, Pack.Find<Actor>("\u200FAchmad Massud"));
    }

    [Fact]
    public void Lookups_ignore_the_current_culture()
    {
        // Under a Turkish culture "TALIBAN" lower-cases to "talıban" (dotless i); Find compares without a culture.
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Same(global::Panjshir2021.Actors.Taliban, Pack.Find("TALIBAN"));
            Assert.True(global::Panjshir2021.Actors.Taliban.IsKnownAs("TALIBAN"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}

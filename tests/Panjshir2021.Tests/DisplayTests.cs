using KnowledgeGen;
using Xunit;

namespace Panjshir2021.Tests;

/// <summary>What the pack's objects read as when printed, logged or shown in a debugger.</summary>
public class DisplayTests
{
    [Fact]
    public void A_citation_reads_as_the_claims_doc_comment_shows_it()
    {
        var citation = global::Panjshir2021.Claims.TalibanLost40Fighters.Citations[0];
        Assert.Equal("report-000: “the Taliban lost 40 of their forces in their ongoing attempts to enter Panjshir” (via "
            + global::Panjshir2021.Sources.DashtiAudioMessage.Name + ")", citation.ToString());
        var direct = global::Panjshir2021.Claims.All.SelectMany(c => c.Citations).First(c => c.Via is null);
        Assert.Equal(direct.Source.Id + ": “" + direct.Quote + "”", direct.ToString());
    }

    [Fact]
    public void An_index_entry_reads_as_its_key_and_how_many_claims_it_files()
    {
        var dashti = global::Panjshir2021.Pack.Indexes.Claimants.Single(e => e.Key == global::Panjshir2021.Actors.FahimDashti);
        Assert.Equal("Fahim Dashti: 4 claims", dashti.ToString());
        var one = global::Panjshir2021.Pack.Indexes.Claimants.First(e => e.Claims.Count == 1);
        Assert.Equal(one.Key.Name + ": 1 claim", one.ToString());
    }
}

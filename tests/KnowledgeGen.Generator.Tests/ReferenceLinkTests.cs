using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// How the link turns the ids a field lists into references: each entity once, in the order first written, without the
/// ids it cannot resolve; and an actor's docs name each source it is cited in once, however many claims cite it.
/// </summary>
public class ReferenceLinkTests
{
    private static PackModel LinkStarter(Func<string, string> editClaims)
    {
        var files = GeneratorHarness.Fixture("starter")
            .Select(f => f.Path.EndsWith("claims.kg.yaml", StringComparison.Ordinal) ? (f.Path, Text: editClaims(f.Text)) : f);
        return PackLinker.Link(files.Select(f => PackFileReader.Read(f.Path, f.Text)), PackOptions.Default);
    }

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }

    [Fact]
    public void Ids_written_twice_resolve_once_and_an_unknown_id_is_reported_and_left_out()
    {
        var pack = LinkStarter(text => Edit(Edit(text,
            "about: [panjshir-valley]\n", "about: [panjshir-valley, no-such-place, panjshir-valley, national-resistance-front]\n"),
            "supports: [clashes-still-ongoing]", "supports: [clashes-still-ongoing, clashes-still-ongoing]"));

        var claim = pack.Claims.Single(c => c.Entity.Id == "taliban-lost-40-fighters");
        Assert.Equal(new[] { "panjshir-valley", "national-resistance-front" }, claim.About.Select(r => r.Id));
        Assert.Equal(new[] { "clashes-still-ongoing" }, claim.Supports.Select(r => r.Id));
        Assert.Equal(new[] { "taliban-lost-40-fighters" },
            pack.Claims.Single(c => c.Entity.Id == "clashes-still-ongoing").SupportedBy.Select(r => r.Id));
        var unknown = Assert.Single(pack.Diagnostics, d => d.Id == DiagnosticRules.UnknownReference.Id);
        Assert.Contains("'no-such-place'", unknown.Message);
    }

    [Fact]
    public void An_actor_cited_through_several_claims_names_each_source_once()
    {
        // The front is now the subject of two claims that both cite report-001.
        var pack = LinkStarter(text => Edit(text,
            "about: [panjshir-valley]\n", "about: [panjshir-valley, national-resistance-front]\n"));

        var front = pack.Actors.Single(a => a.Entity.Id == "national-resistance-front");
        Assert.Equal(new[] { "report-001" }, front.CitedIn);
        Assert.Equal(1, front.CitedInCount);
    }
}

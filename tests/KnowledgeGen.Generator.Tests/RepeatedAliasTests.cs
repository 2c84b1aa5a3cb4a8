using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// KG0029 calls an alias a repeat when it spells the entity's name or an earlier alias again, ignoring only what the
/// runtime's <c>Find</c> ignores besides case (the white space and invisible formatting characters around it, and whether
/// an accented letter is composed or decomposed): so every repeat is one <c>Find</c> gains nothing by. A spelling in
/// another case is not a repeat: a pack records each spelling its documents use. The alias is kept as written. KG0019
/// compares aliases of different entities by the same rule, and case too.
/// </summary>
public class RepeatedAliasTests
{
    public static TheoryData<string, string, bool> Pairs() => new()
    {
        { "Dashti", "Dashti", true },
        { "Dashti", " Dashti\t", true },
        { "Dashti", "Dashti\u00A0", true },      // a no-break space is white space to Trim, as to Find
        { "Khawak Pass", "Khawak pass", false },  // another case is another spelling
        { "Dashti", "Dashti\u200B", true },      // a zero-width space around the text is invisible, and Find ignores it
        { "Dashti", "\u200FDashti\u200E", true }, // as it ignores the direction marks text copied from a right-to-left page carries
        { "Dashti", "Dash\u200Bti", false },     // inside the text it is not ignored
        { "Dashti", "Dashtî", false },
        { "Dashtî", "Dashti\u0302", true },       // the same letter î, decomposed: i and a combining circumflex
        { "Panjshir", "Panjshir Valley", false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void An_alias_that_spells_the_name_again_is_a_repeat_that_Find_gains_nothing_by(string name, string alias, bool repeat)
    {
        var yaml = $"actors:\n  - {{ id: speaker, name: {Quoted(name)}, aliases: [{Quoted(alias)}], kind: person }}\n";

        var read = PackFileReader.Read("/p/actors.kg.yaml", yaml);

        Assert.Equal(repeat, read.Diagnostics.Any(d => d.Id == DiagnosticRules.RepeatedAlias.Id));
        if (repeat)
        {
            var runtime = new Actor("speaker", name, Array.Empty<string>(), null, ActorKind.Person, false, null, Array.Empty<Role>());
            Assert.True(runtime.IsKnownAs(alias));
        }
        Assert.Equal(new[] { alias }, read.Actors.Single().Header.Aliases.Select(a => a.Value)); // kept as written
    }

    [Fact]
    public void A_long_list_of_aliases_is_checked_in_linear_time()
    {
        // 50,000 aliases, the last repeating the first: compared pair by pair this would take minutes.
        const int count = 50_000;
        var aliases = string.Join(", ", Enumerable.Range(0, count).Select(i => "alias " + i).Append("\" alias 0\""));
        var yaml = $"actors:\n  - {{ id: speaker, name: Speaker, aliases: [{aliases}], kind: person }}\n";

        var read = PackFileReader.Read("/p/actors.kg.yaml", yaml);

        var repeat = Assert.Single(read.Diagnostics);
        Assert.Equal(DiagnosticRules.RepeatedAlias.Id, repeat.Id);
        Assert.StartsWith("The alias ' alias 0' of the actor 'speaker' repeats its alias 'alias 0'", repeat.Message);
        Assert.Equal(count + 1, read.Actors.Single().Header.Aliases.Count);
    }

    [Fact]
    public void An_alias_another_entity_spells_with_a_decomposed_letter_or_a_direction_mark_is_ambiguous_as_Find_finds_either()
    {
        // "Zoë" composed and decomposed, and "Punjir" behind a right-to-left mark: Find takes each for the other.
        var facts = "actors:\n" +
                    "  - { id: zoe, name: \"Zo\\u00EB\", kind: person }\n" +
                    "  - { id: other, name: Other, aliases: [\"Zoe\\u0308\", \"\\u200Fpunjir\"], kind: person }\n" +
                    "places:\n" +
                    "  - { id: valley, name: Valley, aliases: [Punjir], kind: valley }\n";
        var files = new List<(string Path, string Text)>
        {
            ("/p/pack.kg.yaml", "pack: { name: P, namespace: P, title: P, version: 1.0.0 }\n"),
            ("/p/facts.kg.yaml", facts),
        };

        var run = GeneratorHarness.Run(files);

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticRules.AliasCollision.Id).Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, collisions.Count);
        Assert.Contains(collisions, m => m.Contains("of 'other' is also the name of 'zoe'"));
        var pack = CompiledPack.Load(run);
        Assert.Equal("zoe", pack.Find("Zoe\u0308")?.Id);
        Assert.True(pack.Get("zoe").IsKnownAs("Zoe\u0308"));
    }

    [Fact]
    public void An_alias_two_entities_share_is_reported_at_the_one_Find_does_not_give_naming_the_one_it_does()
    {
        // Find takes ids before names and names before aliases, each in the pack's order: sources, actors, places, then
        // claims, each kind in file order. Here the place and the claim are written in an earlier file than the actor, and
        // the source's name comes before the actor's id in the files, yet Find gives the actor each time.
        var early = "places:\n" +
                    "  - { id: early-place, name: Early place, aliases: [Foo], kind: site }\n" +
                    "sources:\n" +
                    "  - { id: report, name: Shared, kind: other }\n" +
                    "claims:\n" +
                    "  - { id: early-claim, statement: A claim., aliases: [Bar], claimant: late-actor, citations: [{ source: report, quote: q }] }\n";
        var late = "actors:\n" +
                   "  - { id: late-actor, name: Late actor, aliases: [foo, bar, shared], kind: person }\n" +
                   "  - { id: shared, name: Someone, kind: person }\n";
        var run = GeneratorHarness.Run(new List<(string Path, string Text)>
        {
            ("/p/pack.kg.yaml", "pack: { name: P, namespace: P, title: P, version: 1.0.0 }\n"),
            ("/p/a.kg.yaml", early),
            ("/p/b.kg.yaml", late),
        });

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticRules.AliasCollision.Id)
            .Select(d => System.Text.RegularExpressions.Regex.Match(d.GetMessage(), "^The alias '(.*)' of '(.*)' is also the (id|name|alias) of '(.*)', "))
            .Select(m => (Alias: m.Groups[1].Value, Of: m.Groups[2].Value, What: m.Groups[3].Value, Owner: m.Groups[4].Value))
            .OrderBy(c => c.Alias, StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            ("Bar", "early-claim", "alias", "late-actor"),
            ("Foo", "early-place", "alias", "late-actor"),
            ("shared", "late-actor", "id", "shared"),
        }, collisions);
        var pack = CompiledPack.Load(run);
        foreach (var collision in collisions)
            Assert.Equal(collision.Owner, pack.Find(collision.Alias)?.Id);
    }

    // Everything but printable ASCII as a YAML escape, so the file shows what each case is made of.
    private static string Quoted(string text) =>
        "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
}

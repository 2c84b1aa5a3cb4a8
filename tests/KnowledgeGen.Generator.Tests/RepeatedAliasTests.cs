using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Reading;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// KG0029 calls an alias a repeat when it spells the entity's name or an earlier alias again, ignoring only the white
/// space around it (which the runtime's <c>Find</c> ignores too): so every repeat is one <c>Find</c> gains nothing by. A
/// spelling in another case is not a repeat: a pack records each spelling its documents use. The alias is kept as written.
/// </summary>
public class RepeatedAliasTests
{
    public static TheoryData<string, string, bool> Pairs() => new()
    {
        { "Dashti", "Dashti", true },
        { "Dashti", " Dashti\t", true },
        { "Dashti", "Dashti\u00A0", true },      // a no-break space is white space to Trim, as to Find
        { "Khawak Pass", "Khawak pass", false },  // another case is another spelling
        { "Dashti", "Dashti\u200B", false },     // a zero-width space is not white space
        { "Dashti", "Dashtî", false },
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

    private static string Quoted(string text) => "\"" + text.Replace("\t", "\\t").Replace("\u00A0", "\\u00A0").Replace("\u200B", "\\u200B") + "\"";
}

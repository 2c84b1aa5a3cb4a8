using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Reading;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// KG0029 calls an alias a repeat exactly when the runtime's <c>Find</c> would already find the entity by it, and keeps
/// the alias as written.
/// </summary>
public class RepeatedAliasTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { "Dashti", "Dashti" },
        { "Dashti", "DASHTI" },
        { "Dashti", " dashti\t" },
        { "Dashti", "Dashti\u00A0" },      // a no-break space is white space to Trim
        { "Dashti", "Dashti\u200B" },      // a zero-width space is not
        { "Dashti", "Dashtî" },            // nor is an accent ignored
        { "Straße", "STRASSE" },           // ordinal: ß is not SS
        { "Istanbul", "İstanbul" },        // nor İ an I
        { "Ærø", "ærø" },                  // but letters outside ASCII have their case ignored
        { "Panjshir", "Panjshir Valley" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void An_alias_is_a_repeat_of_the_name_exactly_when_Find_already_finds_the_entity_by_it(string name, string alias)
    {
        var yaml = $"actors:\n  - {{ id: speaker, name: {Quoted(name)}, aliases: [{Quoted(alias)}], kind: person }}\n";

        var read = PackFileReader.Read("/p/actors.kg.yaml", yaml);

        var runtime = new Actor("speaker", name, Array.Empty<string>(), null, ActorKind.Person, false, null, Array.Empty<Role>());
        Assert.Equal(runtime.IsKnownAs(alias), read.Diagnostics.Any(d => d.Id == DiagnosticRules.RepeatedAlias.Id));
        Assert.Equal(new[] { alias }, read.Actors.Single().Header.Aliases.Select(a => a.Value)); // kept as written
    }

    [Fact]
    public void A_long_list_of_aliases_is_checked_in_linear_time()
    {
        // 50,000 aliases, the last repeating the first: compared pair by pair this would take minutes.
        const int count = 50_000;
        var aliases = string.Join(", ", Enumerable.Range(0, count).Select(i => "alias " + i).Append("ALIAS 0"));
        var yaml = $"actors:\n  - {{ id: speaker, name: Speaker, aliases: [{aliases}], kind: person }}\n";

        var read = PackFileReader.Read("/p/actors.kg.yaml", yaml);

        var repeat = Assert.Single(read.Diagnostics);
        Assert.Equal(DiagnosticRules.RepeatedAlias.Id, repeat.Id);
        Assert.StartsWith("The alias 'ALIAS 0' of the actor 'speaker' repeats its alias 'alias 0'", repeat.Message);
        Assert.Equal(count + 1, read.Actors.Single().Header.Aliases.Count);
    }

    private static string Quoted(string text) => "\"" + text.Replace("\t", "\\t").Replace("\u00A0", "\\u00A0").Replace("\u200B", "\\u200B") + "\"";
}

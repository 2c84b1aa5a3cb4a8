using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

// Packs whose own entities shadow those of the pack they are built on: every command names each entity by the text that
// finds it again in `who`, and `who` looks among another pack's entities by the rule of that pack's Find.
public partial class CrossPackTests
{
    // A pack built on Quay, whose source bears as an alias the id of its actor (KG0019 warns of it; a pack may accept it):
    // Quay's Find gives the actor for that text, since ids come first, however the text is wrapped.
    private static readonly Lazy<string> Ferry = new(() => FixturePacks.EmitBuiltOnToFile("Quay", new[]
    {
        ("/quay/pack.kg.yaml", """
            pack: { name: Quay, namespace: Quay.Facts, title: The quay, version: 1.0.0 }
            sources:
              - { id: keepers-log, name: The keeper's log, aliases: [keeper], kind: other }
            actors:
              - { id: keeper, name: The quay keeper, kind: person }
            """),
    }, "Ferry", new[]
    {
        ("/ferry/pack.kg.yaml", """
            pack: { name: Ferry, namespace: Ferry.Facts, title: The ferry, version: 1.0.0 }
            claims:
              - id: ferry-late
                statement: The ferry was late.
                claimant: keeper
                citations: [ { source: keepers-log, quote: late } ]
            """),
    }));

    // who looks among another pack's entities by the rule of that pack's Find (the runtime's NameKeys): an id wrapped in a
    // right-to-left mark or a byte order mark is still the id, found before the alias another entity bears.
    [Theory]
    [InlineData("Quay:\u200Fkeeper")]
    [InlineData("Quay:keeper\uFEFF")]
    [InlineData("\u200FQuay:keeper")]
    [InlineData("\u200Fkeeper")]
    public void Who_finds_another_packs_entity_by_the_rule_of_its_packs_Find(string text)
    {
        var live = Loading.PackLoader.LoadFrom(Ferry.Value);
        var quay = Assert.Single(ReferencedPacks.Of(live).Groups).Pack!;
        var rest = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal("keeper", quay.Find(rest)?.Id);
        Assert.Equal("keeper", quay.Find("keeper")?.Id);

        var result = CliRunner.Run("--pack", Ferry.Value, "who", text, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(Card(Ferry.Value, "Quay:keeper"), result.Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("The quay keeper (keeper)\n  kind: actor (person)\n  pack: Quay, which Ferry refers to\n", result.Output.ReplaceLineEndings("\n"));
    }

    // A pack whose own actor has the id and the name of a starter actor that it reaches through the starter's report-001.
    private static readonly Lazy<string> Docks = new(() => FixturePacks.EmitBuiltOnStarterToFile("Docks", new[]
    {
        ("/docks/pack.kg.yaml", """
            pack: { name: Docks, namespace: Docks.Facts, title: The docks, version: 1.0.0 }
            actors:
              - { id: daily-trust, name: Daily Trust, kind: media }
            claims:
              - id: docks-quiet
                statement: The docks were quiet.
                claimant: daily-trust
                citations: [ { source: report-001, quote: the Taliban } ]
            """),
    }));

    // The note that a name names another entity too gives the text that finds it: here the other pack's entity, whose plain
    // id would find the pack's own again.
    [Fact]
    public void Who_names_another_packs_entity_that_shares_a_name_and_id_as_the_text_that_finds_it()
    {
        var result = CliRunner.Run("--pack", Docks.Value, "who", "Daily Trust", "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Daily Trust (daily-trust)\n  kind: actor (media)\n\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal("knowledgegen: 'Daily Trust' also names Starter:daily-trust (Daily Trust); give an id to see its card, as in 'knowledgegen who Starter:daily-trust'.",
            result.Error.TrimEnd());

        var other = CliRunner.Run("--pack", Docks.Value, "who", "Starter:daily-trust", "--plain");
        Assert.Equal((0, ""), (other.ExitCode, other.Error));
        Assert.StartsWith("Daily Trust (Starter:daily-trust)\n  kind: actor (media)\n  pack: Starter, which Docks refers to\n", other.Output.ReplaceLineEndings("\n"));
    }

    // A pack whose own entities shadow starter entities it refers to, so that the plain id of each finds the pack's own: a
    // source with the id of the audio message that the starter's report-001 relays, a source that has report-001 as an alias
    // (filed under the report's name), and a place named Afghanistan, the id of the starter's country (Find ignores case).
    // Its claims cite report-001, as document and as channel, and contradict each other, so that contested shows them.
    private static readonly Lazy<string> Wharf = new(() => FixturePacks.EmitBuiltOnStarterToFile("Wharf", new[]
    {
        ("/wharf/pack.kg.yaml", """
            pack: { name: Wharf, namespace: Wharf.Facts, title: The wharf, version: 1.0.0 }
            sources:
              - { id: dashti-audio-message, name: The wharf's own recording, kind: audio-message }
              - { id: wharf-copy, name: The wharf's copy of the report, aliases: [Report-001], kind: other }
            actors:
              - { id: wharf-keeper, name: The wharf keeper, kind: person }
            places:
              - { id: afghan-state, name: Afghanistan, kind: country }
              - { id: wharf, name: The wharf, kind: site, in: panjshir-valley }
            claims:
              - id: dashti-came-by-boat
                statement: Dashti came to the wharf by boat.
                claimant: wharf-keeper
                about: [fahim-dashti, wharf]
                date: 2021-09-05
                citations: [ { source: report-001, quote: the Taliban } ]
              - id: dashti-never-came
                statement: Dashti never came to the wharf.
                claimant: wharf-keeper
                about: [fahim-dashti, afghan-state]
                date: 2021-09-06
                status: disputed
                citations: [ { source: wharf-copy, quote: never came, via: report-001 } ]
                contradicts: [dashti-came-by-boat]
            """),
    }));

    // Every entity of the export, found as <pack>:<id> (which finds any of them), has a card whose heading names it by a
    // text that shows that card again: its plain id, unless that finds another entity.
    [Theory]
    [InlineData("Harbour", "Starter:daily-trust")]
    [InlineData("Docks", "Starter:daily-trust")]
    [InlineData("Wharf", "Starter:dashti-audio-message", "Starter:report-001", "Starter:afghanistan")]
    public void Who_heads_a_card_with_the_text_that_finds_its_entity(string name, params string[] qualified)
    {
        var pack = name switch { "Harbour" => Harbour, "Docks" => Docks.Value, _ => Wharf.Value };
        var root = JsonDocument.Parse(CliRunner.Run("--pack", pack, "export").Output).RootElement;
        var group = Assert.Single(root.GetProperty("referencedPacks").EnumerateArray());
        var keys = new List<string>();
        foreach (var (owner, _, id, element) in Entities(root, name).Concat(Entities(group, "Starter")))
        {
            var card = Card(pack, owner + ":" + id);
            Assert.StartsWith(element.GetProperty("name").GetString() + " (", card);
            var key = HeadingKey(card);
            Assert.Equal(card, Card(pack, key));
            keys.Add(key);
        }
        // A shadowed entity is named with its pack; every other keeps its plain id.
        Assert.Equal(qualified.Order(StringComparer.Ordinal), keys.Where(k => k.Contains(':', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    // Every source a card names by its id (a source's relays, a claim's citations, the sources an actor is mentioned in) is
    // named by the text that finds it: typed back into who, that text shows the card that <pack>:<name> shows.
    [Fact]
    public void Who_names_the_sources_a_card_lists_by_the_text_that_finds_each()
    {
        var pack = Wharf.Value;
        var audio = Card(pack, "Starter:Fahim Dashti's audio message");
        var report = Card(pack, "Starter:Daily Trust report");
        var copy = Card(pack, "Wharf:The wharf's copy of the report");

        var relays = Regex.Match(report, "^  relays: (.+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("Starter:dashti-audio-message", relays);
        Assert.Equal(audio, Card(pack, relays));

        var viaReport = Regex.Match(Card(pack, "dashti-never-came"), "^  cited in (\\S+) via (\\S+): ", RegexOptions.Multiline);
        Assert.Equal(("wharf-copy", "Starter:report-001"), (viaReport.Groups[1].Value, viaReport.Groups[2].Value));
        Assert.Equal(copy, Card(pack, viaReport.Groups[1].Value));
        Assert.Equal(report, Card(pack, viaReport.Groups[2].Value));
        var inReport = Regex.Match(Card(pack, "dashti-came-by-boat"), "^  cited in (\\S+): ", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("Starter:report-001", inReport);
        Assert.Equal(report, Card(pack, inReport));

        var dashti = Card(pack, "fahim-dashti");
        var mentioned = dashti[dashti.IndexOf("\nMentioned in (", StringComparison.Ordinal)..].Split('\n').Skip(2).Where(l => l.Length > 0)
            .Select(l => l[2..l.IndexOf(": ", StringComparison.Ordinal)]).ToList();
        Assert.Equal(new[] { "wharf-copy", "Starter:report-001", "Starter:dashti-audio-message" }, mentioned);
        Assert.Equal(new[] { copy, report, audio }, mentioned.Select(key => Card(pack, key)));

        // The tables name them so too.
        var live = Loading.PackLoader.LoadFrom(pack);
        var table = TableConsole.Render(200, console => Queries.WhoCommand.WriteTables(live, Queries.WhoCommand.Find(live, "fahim-dashti")!, console));
        var rows = Regex.Matches(table[table.IndexOf("Mentioned in (3)", StringComparison.Ordinal)..], "^│ (\\S+) +│", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Where(cell => cell != "Source");
        Assert.Equal(mentioned, rows);
    }

    // The sources the briefing and contested give for each side of a contradiction are named by the text that finds them:
    // Wharf's claims cite the starter's report-001, whose plain id finds Wharf's own copy, which has it as an alias.
    [Theory]
    [InlineData("briefing", false)]
    [InlineData("contested", false)]
    [InlineData("briefing", true)]
    [InlineData("contested", true)]
    public void Briefing_and_contested_name_each_source_by_the_text_that_finds_it(string command, bool tables)
    {
        var pack = Wharf.Value;
        List<string> sources;
        if (tables)
        {
            var live = Loading.PackLoader.LoadFrom(pack);
            sources = Column(TableConsole.Render(200, console =>
            {
                if (command == "briefing")
                    Briefing.BriefingTables.Render(Briefing.BriefingReport.Build(live), console);
                else
                    Queries.ContestedCommand.WriteTable(live, console);
            }), "Sources");
        }
        else
        {
            var result = CliRunner.Run("--pack", pack, command, "--plain");
            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            sources = Regex.Matches(result.Output, "sources: (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.TrimEnd()).ToList();
        }
        Assert.Equal(new[] { "Starter:report-001", "wharf-copy via Starter:report-001" }, sources);
        var report = Card(pack, "Starter:Daily Trust report");
        Assert.Equal(report, Card(pack, "Starter:report-001"));
        Assert.Equal(Card(pack, "Wharf:The wharf's copy of the report"), Card(pack, "wharf-copy"));
    }

    // A claim's corroboration names its origins as the sources are named: Wharf's claims have one origin, the starter's
    // report-001 (as document, and as the channel of the copy), whose plain id finds Wharf's own copy.
    [Fact]
    public void Corroboration_names_each_origin_by_the_text_that_finds_it()
    {
        var pack = Wharf.Value;
        var live = Loading.PackLoader.LoadFrom(pack);
        var outputs = new[]
        {
            Card(pack, "dashti-came-by-boat"), // corroboration: …
            Card(pack, "fahim-dashti"), // under each claim by or about him
            CliRunner.Run("--pack", pack, "contested", "--plain").Output,
            TableConsole.Render(200, console => Queries.ContestedCommand.WriteTable(live, console)),
            TableConsole.Render(200, console => Queries.WhoCommand.WriteTables(live, Queries.WhoCommand.Find(live, "fahim-dashti")!, console)),
        };
        foreach (var output in outputs)
        {
            var origins = Regex.Matches(output, "1 report, 1 independent origin \\(([^)]*)\\)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(origins);
            Assert.All(origins, origin => Assert.Equal("Starter:report-001", origin));
        }
        Assert.Equal(Card(pack, "Starter:Daily Trust report"), Card(pack, "Starter:report-001"));
    }

    // The note that a text names other entities too gives, for each, the text that finds it: here a starter entity whose id
    // is not Wharf's, but which Wharf's own bears as a name (Afghanistan) or an alias (Report-001), so that the plain id
    // shows Wharf's own card again.
    [Theory]
    [InlineData("Afghanistan", "Afghanistan (afghan-state)", "Starter:afghanistan", "Afghanistan", "Starter:Afghanistan")]
    [InlineData("report-001", "The wharf's copy of the report (wharf-copy)", "Starter:report-001", "Militants fight back as Taliban moves to capture Afghanistan's last territory", "Starter:Daily Trust report")]
    public void Who_names_the_other_entities_a_name_finds_by_the_text_that_finds_each(string text, string heading, string key, string name, string other)
    {
        var pack = Wharf.Value;
        var result = CliRunner.Run("--pack", pack, "who", text, "--plain");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(heading + "\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal($"knowledgegen: '{text}' also names {key} ({name}); give an id to see its card, as in 'knowledgegen who {key}'.", result.Error.TrimEnd());
        var suggested = Regex.Match(result.Error, "as in 'knowledgegen who (.+)'\\.").Groups[1].Value;
        Assert.Equal(Card(pack, other), Card(pack, suggested));
    }

    [Fact]
    public void Who_suggests_another_packs_entity_by_the_text_that_finds_it()
    {
        var result = CliRunner.Run("--pack", Wharf.Value, "who", "Starter:afghanista", "--plain");
        Assert.Equal(Queries.WhoCommand.NotFound, result.ExitCode);
        Assert.Contains("Nearest names: Starter:afghanistan", result.Error);
    }

    // The cells of a table's column, below its heading, one per row that has text there.
    private static List<string> Column(string table, string heading)
    {
        var lines = table.ReplaceLineEndings("\n").Split('\n');
        var header = System.Array.FindIndex(lines, l => l.StartsWith('│') && l.Split('│').Any(c => c.Trim() == heading));
        Assert.True(header >= 0, $"no column {heading} in\n{table}");
        var index = System.Array.FindIndex(lines[header].Split('│'), c => c.Trim() == heading);
        return lines.Skip(header + 1).TakeWhile(l => !l.StartsWith('└')).Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│')[index].Trim()).Where(c => c.Length > 0).ToList();
    }

    [Theory]
    [InlineData("briefing")]
    [InlineData("contested")]
    [InlineData("timeline")]
    public void Text_commands_name_the_referenced_packs_entities_and_who_finds_each_source_they_name(string command)
    {
        var result = CliRunner.Run("--pack", Harbour, command, "--plain");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains("Fahim Dashti", result.Output);
        foreach (Match sources in Regex.Matches(result.Output, "sources: (.+)$", RegexOptions.Multiline))
            foreach (var id in sources.Groups[1].Value.Trim().Split(new[] { ", ", " via " }, StringSplitOptions.None))
                Assert.Equal(0, CliRunner.Run("--pack", Harbour, "who", id, "--plain").ExitCode);
        if (command != "timeline")
            Assert.Contains("report-001 via dashti-audio-message", result.Output);
    }
}

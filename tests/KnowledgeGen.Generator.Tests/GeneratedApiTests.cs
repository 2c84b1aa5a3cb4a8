using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The generated code, compiled and loaded: the typed API returns exactly what the YAML says.</summary>
public class GeneratedApiTests
{
    private static readonly Lazy<KnowledgePack> Starter = new(() => Load("starter"));

    internal static KnowledgePack Load(string fixture)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixture(fixture));
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(fixture, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var attribute = assembly.GetCustomAttribute<KnowledgePackAttribute>()!;
        return KnowledgePackAttribute.Load(attribute.PackType);
    }

    [Fact]
    public void The_pack_class_summary_counts_every_entity_of_each_kind()
    {
        // What IntelliSense shows on Pack: the pack's own lists, whatever files the entities sit in.
        var packFile = GeneratorHarness.Run(GeneratorHarness.Fixture("starter")).Sources
            .Single(s => s.HintName.EndsWith(".Pack.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var pack = Starter.Value;
        static string Count(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
        Assert.Contains($"/// {Count(pack.Sources.Count, "source")} · {Count(pack.Actors.Count, "actor")} · "
            + $"{Count(pack.Places.Count, "place")} · {Count(pack.Claims.Count, "claim")}\n", packFile);
    }

    [Fact]
    public void Records_hold_enum_values_as_numbers_in_the_runtime_enums_order()
    {
        // The generator writes a kind, status or precision as its place in the reader's list of YAML names; the
        // runtime casts that number, so both orders must be the same.
        static string[] Pascal(IEnumerable<string> yaml) => yaml.Select(Model.Naming.Pascal).ToArray();
        Assert.Equal(Enum.GetNames<SourceKind>(), Pascal(Reading.PackFileReader.SourceKinds));
        Assert.Equal(Enum.GetNames<ActorKind>(), Pascal(Reading.PackFileReader.ActorKinds));
        Assert.Equal(Enum.GetNames<PlaceKind>(), Pascal(Reading.PackFileReader.PlaceKinds));
        Assert.Equal(Enum.GetNames<ClaimStatus>(), Pascal(Reading.PackFileReader.ClaimStatuses));
        Assert.Equal(Enum.GetNames<DatePrecision>(), Enum.GetNames<Model.DatePrecisionSpec>());
        Assert.Equal(Enum.GetNames<DatePrecision>(), Pascal(Reading.PackFileReader.DatePrecisions));
    }

    [Fact]
    public void Manifest_is_the_packs_identity()
    {
        var pack = Starter.Value;
        Assert.Equal("Starter", pack.Name);
        Assert.Equal("Starter.Facts", pack.Namespace);
        Assert.Equal("A starter pack", pack.Title);
        Assert.Equal("1.2.3", pack.Version);
    }

    [Fact]
    public void Lists_hold_every_entity_in_written_order()
    {
        var pack = Starter.Value;
        Assert.Equal(new[] { "report-001", "dashti-audio-message" }, pack.Sources.Select(s => s.Id));
        Assert.Equal(new[] { "fahim-dashti", "national-resistance-front", "daily-trust", "nrf-source" }, pack.Actors.Select(a => a.Id));
        Assert.Equal(new[] { "afghanistan", "panjshir-valley" }, pack.Places.Select(p => p.Id));
        Assert.Equal(new[] { "taliban-lost-40-fighters", "clashes-still-ongoing", "valley-fell" }, pack.Claims.Select(c => c.Id));
    }

    [Fact]
    public void References_are_typed_objects()
    {
        var pack = Starter.Value;
        var claim = pack.Find<Claim>("taliban-lost-40-fighters")!;
        Assert.Same(pack.Find("fahim-dashti"), claim.Claimant);
        Assert.Equal("Fahim Dashti", claim.Claimant.Name);
        Assert.Same(pack.Find("panjshir-valley"), Assert.Single(claim.About));
        var citation = Assert.Single(claim.Citations);
        Assert.Same(pack.Find("report-001"), citation.Source);
        Assert.Same(pack.Find("dashti-audio-message"), citation.Via);
        Assert.Equal("the Taliban lost 40 of their forces in their ongoing attempts to enter Panjshir", citation.Quote);
        Assert.Same(pack.Find("afghanistan"), pack.Find<Place>("panjshir-valley")!.In);
        var role = Assert.Single(pack.Find<Actor>("fahim-dashti")!.Roles);
        Assert.Same(pack.Find("national-resistance-front"), role.Of);
        Assert.Same(pack.Find("daily-trust"), pack.Find<Source>("report-001")!.Outlet);
    }

    [Fact]
    public void Every_field_reads_back()
    {
        var pack = Starter.Value;
        var claim = pack.Find<Claim>("taliban-lost-40-fighters")!;
        Assert.Equal(new FactDate(new DateOnly(2021, 9, 2), DatePrecision.Day), claim.Date);
        Assert.Equal(ClaimStatus.Unverified, claim.Status);
        Assert.Equal(new Quantity(40, 40, "fighters killed"), claim.Quantity);

        // A claim without a name is named by its statement: the record holds the text twice, the runtime one string.
        Assert.Same(claim.Name, claim.Statement);
        Assert.Equal("The Taliban lost 40 fighters trying to enter the Panjshir Valley.", claim.Statement);

        var ongoing = pack.Find<Claim>("clashes-still-ongoing")!;
        Assert.Equal("Clashes still ongoing", ongoing.Name);
        Assert.Equal("The Taliban are using their last power to get in, but clashes are still ongoing.", ongoing.Statement);
        Assert.Equal(ClaimStatus.Reported, ongoing.Status);
        Assert.Equal(new FactDate(new DateOnly(2021, 9, 1), DatePrecision.Month), ongoing.Date);

        var fell = pack.Find<Claim>("valley-fell")!;
        Assert.Equal(new Quantity(7, 8.5m, "days", true), fell.Quantity);
        Assert.True(fell.Quantity!.Value.IsRange);
        Assert.Equal(ClaimStatus.Denied, fell.Status);
        Assert.Equal(DatePrecision.Year, fell.Date!.Value.Precision);

        var report = pack.Find<Source>("report-001")!;
        Assert.Equal(SourceKind.NewsReport, report.Kind);
        Assert.Equal("en", report.Language);
        Assert.Equal(new FactDate(new DateOnly(2021, 9, 3), DatePrecision.Approximate), report.Published);
        Assert.Equal("001_c469390c0bb07413.txt", report.Document);
        Assert.Equal("https://example.org/report-001", report.Url);
        Assert.Equal("Dated from \"on Thursday\" and \"on Wednesday\" in the text.", report.Note);
        Assert.Equal(new[] { "dashti-audio-message" }, report.Relays.Select(r => r.Id));
        Assert.Equal(new[] { "Daily Trust report" }, report.Aliases);

        var source = pack.Find<Actor>("nrf-source")!;
        Assert.True(source.Anonymous);
        Assert.Equal(ActorKind.Person, source.Kind);
        Assert.Equal("former fighter", source.Roles[1].ToString());
        Assert.Equal("Said to have fought in the 1990s.", source.Roles[1].Note);
    }

    [Fact]
    public void Contradiction_is_symmetric_and_support_has_a_reverse()
    {
        var pack = Starter.Value;
        var ongoing = pack.Find<Claim>("clashes-still-ongoing")!;
        var fell = pack.Find<Claim>("valley-fell")!;
        Assert.Same(ongoing, Assert.Single(fell.Contradicts));
        Assert.Same(fell, Assert.Single(ongoing.Contradicts));
        var lost = pack.Find<Claim>("taliban-lost-40-fighters")!;
        Assert.Same(ongoing, Assert.Single(lost.Supports));
        Assert.Same(lost, Assert.Single(ongoing.SupportedBy));
    }

    [Fact]
    public void Find_matches_ids_names_and_aliases_ignoring_case()
    {
        var pack = Starter.Value;
        var valley = pack.Find("panjshir-valley");
        Assert.NotNull(valley);
        Assert.Same(valley, pack.Find("Punjir"));
        Assert.Same(valley, pack.Find("panjsjir valley"));
        Assert.Same(valley, pack.Find("Panjshir Valley"));
        Assert.Same(pack.Find("national-resistance-front"), pack.Find("NRF"));
        Assert.Null(pack.Find("Kabul"));
    }

    [Fact]
    public void Pack_Find_says_what_it_finds_a_claim_by()
    {
        // What IntelliSense shows on Pack.Find: a claim's name is the short name its YAML gives it, or else its whole
        // statement, and Find looks it up by neither.
        var packFile = GeneratorHarness.Run(GeneratorHarness.Fixture("starter")).Sources
            .Single(s => s.HintName.EndsWith(".Pack.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("(a claim by its id or an alias, not by its name or statement)", packFile);

        var pack = Starter.Value;
        var claim = pack.Claims[0];
        Assert.Same(claim, pack.Find(claim.Id));
        Assert.Null(pack.Find(claim.Statement));
        var named = pack.Find<Claim>("clashes-still-ongoing")!;
        Assert.Equal("Clashes still ongoing", named.Name);
        Assert.Null(pack.Find(named.Name));
        Assert.False(named.IsKnownAs(named.Name));
    }

    [Fact]
    public void Strings_holding_code_characters_read_back_exactly()
    {
        var fell = Starter.Value.Find<Claim>("valley-fell")!;
        Assert.Equal("Quotes \"inside\", a back\\slash, */ and </summary> & <b> #if {", fell.Citations[0].Quote);
    }

    [Fact]
    public void Members_carry_their_ids_for_other_packs()
    {
        var pack = Starter.Value;
        var actors = pack.GetType().Assembly.GetType("Starter.Facts.Actors")!;
        var member = actors.GetProperty("FahimDashti")!;
        Assert.Equal("fahim-dashti", member.GetCustomAttribute<KnowledgeIdAttribute>()!.Id);
        Assert.Same(pack.Find("fahim-dashti"), member.GetValue(null));
    }

    [Fact]
    public void An_entitys_details_are_read_on_first_need_and_every_thread_sees_the_same()
    {
        // A pack of its own, so no other test has read these entities yet.
        var pack = Load("starter");
        var fell = pack.Find<Claim>("valley-fell")!;
        var report = pack.Find<Source>("report-001")!;
        var dashti = pack.Find<Actor>("fahim-dashti")!;
        var valley = pack.Find<Place>("panjshir-valley")!;
        var details = typeof(Entity).GetField("_details", BindingFlags.Instance | BindingFlags.NonPublic)!;

        // Listing entities by name and claims by statement reads no quote, reference, date, kind or role.
        Assert.Equal("The valley has fallen.", fell.Statement);
        Assert.Equal("Militants fight back as Taliban moves to capture Afghanistan's last territory", report.Name);
        Assert.Equal(new[] { "Dashti" }, dashti.Aliases);
        Assert.Equal("Spelled Punjir in the translated report.", valley.Note);
        Assert.All(new Entity[] { fell, report, dashti, valley }, entity => Assert.Null(details.GetValue(entity)));

        // Any of the rest reads all of it, once.
        Assert.Equal(SourceKind.NewsReport, report.Kind);
        var reportDetails = details.GetValue(report);
        Assert.NotNull(reportDetails);
        Assert.Equal(new DateOnly(2021, 9, 3), report.Published!.Value.Date);
        Assert.Equal("https://example.org/report-001", report.Url);
        Assert.Same(pack.Find("dashti-audio-message"), Assert.Single(report.Relays));
        Assert.Same(pack.Find("daily-trust"), report.Outlet);
        Assert.Same(reportDetails, details.GetValue(report));
        Assert.Equal("Spokesperson of the National Resistance Front.", dashti.Description);
        Assert.Equal(ActorKind.Person, dashti.Kind);
        Assert.Same(pack.Find("national-resistance-front"), Assert.Single(dashti.Roles).Of);
        Assert.Equal(PlaceKind.Valley, valley.Kind);
        Assert.Same(pack.Find("afghanistan"), valley.In);
        Assert.Null(details.GetValue(fell));

        // Threads that read them at once get one set of lists.
        var start = new Barrier(8);
        var seen = new IReadOnlyList<Citation>[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            seen[i] = fell.Citations;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(seen, citations => Assert.Same(seen[0], citations));
        Assert.NotNull(details.GetValue(fell));
        Assert.Equal("Quotes \"inside\", a back\\slash, */ and </summary> & <b> #if {", Assert.Single(seen[0]).Quote);
        Assert.Equal(ClaimStatus.Denied, fell.Status);
        Assert.Same(pack.Find("daily-trust"), fell.Claimant);
    }

    [Fact]
    public void An_entitys_id_aliases_and_note_are_read_on_first_need_and_every_thread_sees_the_same()
    {
        // A pack of its own, so no other test has read these entities yet; reached through its lists, not Find, whose
        // lookup reads every id and alias.
        var pack = Load("starter");
        FieldInfo Field(string name) => typeof(Entity).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!;
        var (id, aliases, note, details) = (Field("_id"), Field("_aliases"), Field("_note"), Field("_details"));
        bool NoteRead(Entity entity) => note.GetValue(entity) is null or string;

        // Listing names and statements decodes nothing else of a record.
        var names = pack.Sources.Select(e => e.Name).Concat(pack.Actors.Select(e => e.Name)).Concat(pack.Places.Select(e => e.Name))
            .Concat(pack.Claims.Select(c => c.Statement)).ToList();
        Assert.Contains("Panjshir Valley", names);
        var entities = pack.Sources.Concat<Entity>(pack.Actors).Concat(pack.Places).Concat(pack.Claims).ToList();
        Assert.All(entities, entity =>
        {
            Assert.Null(id.GetValue(entity));
            Assert.Null(aliases.GetValue(entity));
            Assert.False(NoteRead(entity));
            Assert.Null(details.GetValue(entity));
        });

        // Each is read on its own first read, with the right value, and threads that read at once get one instance.
        var valley = pack.Places.Single(p => p.Name == "Panjshir Valley");
        var start = new Barrier(8);
        var seen = new (string Id, IReadOnlyList<string> Aliases, string? Note)[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            seen[i] = (valley.Id, valley.Aliases, valley.Note);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal("panjshir-valley", seen[0].Id);
        Assert.Equal(new[] { "Punjir", "Panjsjir Valley" }, seen[0].Aliases);
        Assert.Equal("Spelled Punjir in the translated report.", seen[0].Note);
        Assert.All(seen, s =>
        {
            Assert.Same(seen[0].Id, s.Id);
            Assert.Same(seen[0].Aliases, s.Aliases);
            Assert.Same(seen[0].Note, s.Note);
        });
        Assert.Null(details.GetValue(valley));
        Assert.Equal(PlaceKind.Valley, valley.Kind);

        // One read leaves the others unread; a note the YAML does not give reads as null, once.
        var fell = pack.Claims.Single(c => c.Statement == "The valley has fallen.");
        Assert.Equal("valley-fell", fell.Id);
        Assert.Null(aliases.GetValue(fell));
        Assert.False(NoteRead(fell));
        Assert.Null(fell.Note);
        Assert.True(NoteRead(fell));
        Assert.Empty(fell.Aliases);
        Assert.Null(details.GetValue(fell));
        Assert.Equal(ClaimStatus.Denied, fell.Status);
        Assert.Same(valley, pack.Find("Punjir"));
    }

    [Fact]
    public void A_record_whose_texts_are_held_as_UTF16_units_reads_back_every_field_whatever_is_read_first()
    {
        // A lone surrogate has no UTF-8 form, so a record holds such a text as its UTF-16 units: reading a later field steps
        // over it by their count.
        const string Lone = "half \uD800 pair";
        var files = new List<(string Path, string Text)>
        {
            ("/units/pack.kg.yaml", "pack: { name: Units, namespace: Units }\n"),
            ("/units/facts.kg.yaml",
                "actors:\n" +
                $"  - {{ id: odd, name: \"{Lone} name\", aliases: [\"{Lone} alias\"], kind: person, description: \"{Lone} description\", note: \"{Lone} note\" }}\n" +
                "sources:\n" +
                "  - { id: r, name: R, kind: news-report }\n" +
                "claims:\n" +
                $"  - {{ id: c, statement: \"{Lone} statement\", aliases: [\"{Lone} claim\"], note: \"{Lone} claim note\", claimant: odd, status: disputed,\n" +
                "      citations: [{ source: r, quote: q }] }\n"),
        };
        var pack = CompiledPack.Load(GeneratorHarness.Run(files), "units");
        const string Half = "half \uD800 pair";

        // Details first, stepping over the name, aliases and note (and the claim's statement) unread.
        var actor = Assert.Single(pack.Actors);
        Assert.Equal(Half + " description", actor.Description);
        Assert.Equal(ActorKind.Person, actor.Kind);
        var claim = Assert.Single(pack.Claims);
        Assert.Equal(ClaimStatus.Disputed, claim.Status);
        Assert.Equal("q", Assert.Single(claim.Citations).Quote);
        // The note, stepping over the aliases; then the rest.
        Assert.Equal(Half + " note", actor.Note);
        Assert.Equal(Half + " claim note", claim.Note);
        Assert.Equal(new[] { Half + " alias" }, actor.Aliases);
        Assert.Equal(new[] { Half + " claim" }, claim.Aliases);
        Assert.Equal(Half + " name", actor.Name);
        Assert.Equal(Half + " statement", claim.Statement);
        Assert.Equal("odd", actor.Id);
        Assert.Equal("c", claim.Id);
        Assert.Same(actor, claim.Claimant);
    }
}

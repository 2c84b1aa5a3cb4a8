using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A pack refers to entities of a fact pack its project references: the starter pack is compiled to an
/// assembly, and a second pack's YAML names the starter's ids.
/// </summary>
public class CrossPackTests
{
    internal static readonly Lazy<byte[]> StarterImage = new(CompileStarter);

    internal static readonly Lazy<MetadataReference> Starter = new(() => MetadataReference.CreateFromImage(StarterImage.Value));

    private static byte[] CompileStarter() =>
        Image(GeneratorHarness.Run(GeneratorHarness.Fixture("starter")).OutputCompilation.WithAssemblyName("Starter"));

    // The assembly of a compilation that must compile: a pack for another pack to be built on.
    private static byte[] Image(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }

    internal const string Manifest = "pack:\n  name: Second\n  namespace: Second.Facts\n  title: A second pack\n  version: 1.0.0\n";

    internal static CSharpCompilation Consumer(string code = "public class Program { }") =>
        GeneratorHarness.Compilation(code).AddReferences(Starter.Value);

    // The second pack, built on the starter, or on the pack whose assembly is builtOn.
    private static GeneratorRun RunSecond(string yaml, string code = "public class Program { }", string inNamespace = "Second.Facts",
        byte[]? builtOn = null) =>
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/second/pack.kg.yaml", Manifest.Replace("Second.Facts", inNamespace)),
            new InMemoryAdditionalText("/second/facts.kg.yaml", yaml),
        }), builtOn is null ? Consumer(code) : GeneratorHarness.Compilation(code).AddReferences(MetadataReference.CreateFromImage(builtOn)));

    // Both packs in one load context, which the caller unloads: the second pack's references resolve to the starter's entities.
    private static (KnowledgePack Pack, System.Runtime.Loader.AssemblyLoadContext Context) LoadBesideStarter(GeneratorRun run)
    {
        using var second = new MemoryStream();
        Assert.True(run.OutputCompilation.Emit(second).Success);
        var context = new System.Runtime.Loader.AssemblyLoadContext("cross-pack", isCollectible: true);
        context.LoadFromStream(new MemoryStream(StarterImage.Value));
        second.Position = 0;
        var assembly = context.LoadFromStream(second);
        var pack = KnowledgePackAttribute.Load(System.Reflection.CustomAttributeExtensions.GetCustomAttribute<KnowledgePackAttribute>(assembly)!.PackType);
        return (pack, context);
    }

    internal const string Facts = """
        actors:
          - id: second-observer
            name: An observer
            kind: person
        claims:
          - id: dashti-on-the-valley
            statement: Dashti spoke about the valley.
            claimant: fahim-dashti
            about: [panjshir-valley, second-observer]
            citations:
              - source: report-001
                quote: the Taliban lost 40
                via: dashti-audio-message
        """;

    [Fact]
    public void A_pack_in_a_referenced_packs_namespace_is_KG0009_at_its_manifest_and_its_code_still_compiles()
    {
        // The starter pack's namespace: this pack's Actors, Claims … would hide the starter's, so the link reports it and
        // does not link the starter's entities; references to them are unknown ids, and nothing generated names them.
        var run = RunSecond(Facts, inNamespace: "Starter.Facts");

        var diagnostics = run.DiagnosticsText();
        Assert.Contains("pack.kg.yaml(3,14): error KG0009: The pack namespace is 'Starter.Facts', which is not valid; use a namespace of its own: the referenced fact pack 'Starter' uses it", diagnostics);
        Assert.Contains("facts.kg.yaml(8,15): error KG0007: The field 'claimant' of the claim 'dashti-on-the-valley' refers to 'fahim-dashti', but the pack has no entity with that id", diagnostics);
        Assert.DoesNotContain("global::Starter.Facts.Actors.FahimDashti", run.GeneratedText());
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_referenced_packs_namespace_given_by_the_build_property_is_KG0009_without_a_location_naming_the_property()
    {
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/second/pack.kg.yaml", Manifest),
            new InMemoryAdditionalText("/second/facts.kg.yaml", Facts),
        }, new Dictionary<string, string> { ["build_property.KnowledgeGenNamespace"] = "Starter.Facts" });

        var run = GeneratorHarness.Run(driver, Consumer());

        var clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "KG0009");
        Assert.Equal(Location.None, clash.Location);
        Assert.StartsWith("The build property KnowledgeGenNamespace is 'Starter.Facts', which is not valid; use a namespace of its own", clash.GetMessage());
    }

    [Fact]
    public void A_pack_whose_namespace_only_begins_with_a_referenced_packs_links_to_it()
    {
        var run = RunSecond(Facts, inNamespace: "Starter.Facts.More");

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains("global::Starter.Facts.Actors.FahimDashti", run.GeneratedText());
    }

    [Fact]
    public void References_to_another_packs_ids_compile_to_its_members()
    {
        var run = RunSecond(Facts, """
            public static class Program
            {
                public static string Who() => Second.Facts.Claims.DashtiOnTheValley.Claimant.Name;
                public static string Where() => Second.Facts.Claims.DashtiOnTheValley.About[0].Name;
            }
            """);

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var text = run.GeneratedText();
        // Records name another pack's entities by number (in the order of their members, for the whole file); the
        // file's External lookup compiles to their members.
        Assert.Contains("0 => global::Starter.Facts.Actors.FahimDashti,", text);
        Assert.Contains("1 => global::Starter.Facts.Places.PanjshirValley,", text);
        Assert.Contains("2 => global::Starter.Facts.Sources.DashtiAudioMessage,", text);
        Assert.Contains("3 => global::Starter.Facts.Sources.Report001,", text);
        // The referenced pack's entities are not generated again.
        Assert.DoesNotContain("public static global::KnowledgeGen.Actor FahimDashti", text);
    }

    [Fact]
    public void Doc_comments_name_another_packs_entities_as_they_name_the_packs_own()
    {
        // IntelliSense on a pack built on another reads as on one pack: the starter's actors, places and sources are
        // shown by their names, which the starter wrote in its [KnowledgeId]; where the pack's own entities are shown
        // by id (a citation's source), so are the other pack's.
        var run = RunSecond("""
            sources:
              - id: second-report
                name: A second report
                kind: news-report
                outlet: daily-trust
                author: fahim-dashti
                relays: [dashti-audio-message]
            actors:
              - id: second-observer
                name: An observer
                kind: person
                roles:
                  - { title: member, of: national-resistance-front }
            places:
              - id: second-village
                name: A village
                kind: village
                in: panjshir-valley
            claims:
              - id: dashti-on-the-valley
                statement: Dashti spoke about the valley.
                claimant: fahim-dashti
                about: [panjshir-valley, second-observer]
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
                    via: dashti-audio-message
            """);

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var text = run.GeneratedText();
        Assert.Contains("/// news report · published by Daily Trust · by Fahim Dashti<br/>", text);
        Assert.Contains("/// Relays: Fahim Dashti's audio message<br/>", text);
        Assert.Contains("/// An observer — person; member of National Resistance Front of Afghanistan<br/>", text);
        Assert.Contains("/// A village — village in Panjshir Valley<br/>", text);
        Assert.Contains("/// Claimed by Fahim Dashti · reported<br/>", text);
        Assert.Contains("/// report-001: “the Taliban lost 40” (via Fahim Dashti's audio message)<br/>", text);
    }

    [Fact]
    public void Another_packs_names_reach_its_attributes_and_this_packs_doc_comments_escaped()
    {
        // A name is curator text: in the first pack's [KnowledgeId] it is a string literal, escaped as every literal
        // is (quotes, backslashes, line breaks, invisible characters); in this pack's doc comments it is escaped as
        // every doc comment's text is.
        var first = GeneratorHarness.Run(new[]
        {
            ("/first/pack.kg.yaml", "pack:\n  name: First\n  namespace: First.Facts\n  title: First\n  version: 1.0.0\n"),
            ("/first/actors.kg.yaml", """
                actors:
                  - id: odd-actor
                    name: "A \"quoted\" back\\slash,\nnew line and \u202Eover </summary> & */"
                    kind: person
                """),
        });
        // The invisible character is warned about (KG0024), and kept.
        Assert.StartsWith("actors.kg.yaml(3,11): warning KG0024:", first.DiagnosticsText());
        Assert.DoesNotContain("error", first.DiagnosticsText());
        Assert.Contains("[global::KnowledgeGen.KnowledgeId(\"odd-actor\", Name = \"A \\\"quoted\\\" back\\\\slash,\\nnew line and \\u202Eover </summary> & */\")]",
            first.GeneratedText());
        var second = RunSecond("""
            claims:
              - { id: odd-claim, statement: S, claimant: odd-actor, citations: [ { source: second-report, quote: q } ] }
            sources:
              - { id: second-report, name: R, kind: news-report }
            """, builtOn: Image(first.OutputCompilation.WithAssemblyName("First")));

        Assert.Equal("", second.DiagnosticsText());
        Assert.Empty(second.CompileDiagnostics);
        Assert.Contains("/// Claimed by A \"quoted\" back\\slash, new line and \\u202Eover &lt;/summary&gt; &amp; */ · reported<br/>", second.GeneratedText());
    }

    [Fact]
    public void A_pack_built_before_names_were_written_is_linked_and_named_by_its_ids()
    {
        // An earlier generator wrote [KnowledgeId("id")] alone: such a pack still answers references, and this pack's doc
        // comments name its entities by id; a member that carries a name is named by it.
        var old = GeneratorHarness.Compilation("""
            [assembly: KnowledgeGen.KnowledgePack(typeof(Old.Facts.Pack), "Old")]
            namespace Old.Facts
            {
                public static class Pack { }
                public static class Actors
                {
                    [KnowledgeGen.KnowledgeId("old-actor")]
                    public static KnowledgeGen.Actor OldActor => null!;
                    [KnowledgeGen.KnowledgeId("named-actor", Name = "A named actor")]
                    public static KnowledgeGen.Actor NamedActor => null!;
                }
                public static class Places
                {
                    [KnowledgeGen.KnowledgeId("old-place")]
                    public static KnowledgeGen.Place OldPlace => null!;
                }
            }
            """).WithAssemblyName("Old");
        var run = RunSecond("""
            places:
              - { id: new-place, name: A new place, kind: village, in: old-place }
            sources:
              - { id: second-report, name: R, kind: news-report }
            claims:
              - { id: old-claim, statement: S, claimant: old-actor, citations: [ { source: second-report, quote: q } ] }
              - { id: named-claim, statement: S, claimant: named-actor, citations: [ { source: second-report, quote: q } ] }
            """, builtOn: Image(old));

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var text = run.GeneratedText();
        Assert.Contains("global::Old.Facts.Actors.OldActor", text);
        Assert.Contains("/// Claimed by old-actor · reported<br/>", text);
        Assert.Contains("/// A new place — village in old-place<br/>", text);
        Assert.Contains("/// Claimed by A named actor · reported<br/>", text);
    }

    [Fact]
    public void The_indexes_file_claims_under_the_referenced_packs_entities_too_after_the_packs_own()
    {
        var run = RunSecond(Facts);
        Assert.Equal("", run.DiagnosticsText());

        var (pack, context) = LoadBesideStarter(run);

        var claim = Assert.Single(pack.Claims);
        var observer = pack.Find<Actor>("second-observer")!;
        var valley = claim.About[0];
        Assert.Equal("panjshir-valley", valley.Id);
        Assert.DoesNotContain(valley, pack.Places); // the starter's place
        // The claim's part of the indexes names another pack's source as its origin (through the file's lookup of
        // other packs' entities).
        var corroboration = pack.Indexes.Corroboration(claim);
        Assert.Equal("1 report, 1 independent origin (dashti-audio-message)", corroboration.ToString());
        Assert.Same(claim.Citations[0].Via, corroboration.Origins[0]);
        // Claims are filed under another pack's entities too: this pack's claims by the starter's actor, about its place,
        // citing its sources. The pack's own keys come first, then the others in the order the claims name them.
        Assert.Equal(new[] { claim }, pack.Indexes.ClaimsBy(claim.Claimant));
        Assert.Equal(new[] { claim }, pack.Indexes.ClaimsAbout(valley));
        Assert.Equal(new[] { claim }, pack.Indexes.ClaimsAbout(observer));
        Assert.Equal(new[] { claim }, pack.Indexes.ClaimsCiting(claim.Citations[0].Source));
        Assert.Equal(new[] { claim }, pack.Indexes.ClaimsCiting(claim.Citations[0].Via!));
        Assert.Equal(new Entity[] { observer, valley }, pack.Indexes.Subjects.Select(e => e.Key));
        Assert.Equal(new[] { "fahim-dashti" }, pack.Indexes.Claimants.Select(e => e.Key.Id));
        Assert.Equal(new[] { "report-001", "dashti-audio-message" }, pack.Indexes.CitingSources.Select(e => e.Key.Id));
        // A pack made by hand is indexed the same way.
        var computed = PackIndexes.Compute(pack);
        Assert.Equal(pack.Indexes.Claimants.Select(e => e.Key), computed.Claimants.Select(e => e.Key));
        Assert.Equal(pack.Indexes.Subjects.Select(e => e.Key), computed.Subjects.Select(e => e.Key));
        Assert.Equal(pack.Indexes.CitingSources.Select(e => e.Key), computed.CitingSources.Select(e => e.Key));
        context.Unload();
    }

    [Fact]
    public void Another_packs_entity_named_in_two_files_is_one_key_and_two_such_entities_are_never_one()
    {
        // Each file numbers the other pack's entities it names on its own: Daily Trust and Fahim Dashti are both
        // number 0 of their files, and the valley is number 1 of one file and 0 of the other.
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/second/pack.kg.yaml", Manifest),
            new InMemoryAdditionalText("/second/a.kg.yaml", """
                claims:
                  - { id: by-dashti, statement: S, claimant: fahim-dashti, about: panjshir-valley, citations: [ { source: report-001, quote: q } ] }
                """),
            new InMemoryAdditionalText("/second/b.kg.yaml", """
                actors:
                  - { id: b-observer, name: B, kind: person }
                claims:
                  - { id: by-daily-trust, statement: S, claimant: daily-trust, about: b-observer, citations: [ { source: report-001, quote: q } ] }
                  - { id: about-the-valley, statement: S, claimant: b-observer, about: panjshir-valley, citations: [ { source: report-001, quote: q } ] }
                """),
        });
        var run = GeneratorHarness.Run(driver, Consumer());
        Assert.Equal("", run.DiagnosticsText());
        var (pack, context) = LoadBesideStarter(run);

        var byDashti = pack.Claims.Single(c => c.Id == "by-dashti");
        var byDailyTrust = pack.Claims.Single(c => c.Id == "by-daily-trust");
        var aboutValley = pack.Claims.Single(c => c.Id == "about-the-valley");
        Assert.Equal(new[] { byDashti }, pack.Indexes.ClaimsBy(byDashti.Claimant));
        Assert.Equal(new[] { byDailyTrust }, pack.Indexes.ClaimsBy(byDailyTrust.Claimant));
        Assert.Equal(new[] { byDashti, aboutValley }, pack.Indexes.ClaimsAbout(byDashti.About[0]));
        Assert.Equal(new[] { "b-observer", "fahim-dashti", "daily-trust" }, pack.Indexes.Claimants.Select(e => e.Key.Id));
        var computed = PackIndexes.Compute(pack);
        Assert.Equal(computed.Claimants.Select(e => (e.Key, e.Claims.Count)), pack.Indexes.Claimants.Select(e => (e.Key, e.Claims.Count)));
        Assert.Equal(computed.Subjects.Select(e => (e.Key, e.Claims.Count)), pack.Indexes.Subjects.Select(e => (e.Key, e.Claims.Count)));
        context.Unload();
    }

    [Fact]
    public void A_local_id_wins_over_the_same_id_in_a_referenced_pack()
    {
        var run = RunSecond("""
            actors:
              - id: fahim-dashti
                name: Fahim Dashti, as this pack describes him
                kind: person
            claims:
              - id: local-claim
                statement: A claim by the local actor.
                claimant: fahim-dashti
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
            """);

        Assert.Equal("", run.DiagnosticsText());
        Assert.Empty(run.CompileDiagnostics);
        var text = run.GeneratedText();
        Assert.Contains("public static global::KnowledgeGen.Actor FahimDashti =>", text);
        Assert.DoesNotContain("global::Starter.Facts.Actors.", text);
    }

    [Fact]
    public void A_reference_to_another_packs_entity_of_the_wrong_kind_is_KG0008_at_the_id()
    {
        var run = RunSecond("""
            claims:
              - id: wrong-kind
                statement: A place cannot claim.
                claimant: panjshir-valley
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
            """);

        Assert.Equal("facts.kg.yaml(4,15): error KG0008: The field 'claimant' of the claim 'wrong-kind' must refer to an actor, but 'panjshir-valley' is a place\n",
            run.DiagnosticsText());
    }

    [Fact]
    public void An_unknown_id_is_KG0007_and_suggests_the_referenced_packs_ids()
    {
        var run = RunSecond("""
            claims:
              - id: dangling
                statement: A claim by nobody known.
                claimant: fahim-dasti
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
            """);

        Assert.Equal("facts.kg.yaml(4,15): error KG0007: The field 'claimant' of the claim 'dangling' refers to 'fahim-dasti', but the pack has no entity with that id; did you mean 'fahim-dashti'?\n",
            run.DiagnosticsText());
    }

    [Fact]
    public void Claims_of_another_pack_are_not_linkable()
    {
        var run = RunSecond("""
            actors:
              - id: second-observer
                name: An observer
                kind: person
            claims:
              - id: agrees
                statement: Agrees with the starter pack.
                claimant: second-observer
                supports: [valley-fell]
                citations:
                  - source: report-001
                    quote: the Taliban lost 40
            """);

        Assert.Contains("error KG0007: The field 'supports' of the claim 'agrees' refers to 'valley-fell'", run.DiagnosticsText());
    }

    [Fact]
    public void Without_the_reference_the_same_ids_are_unknown()
    {
        var run = GeneratorHarness.Run(new[] { ("/second/pack.kg.yaml", Manifest), ("/second/facts.kg.yaml", Facts) });

        Assert.Contains("error KG0007: The field 'claimant' of the claim 'dashti-on-the-valley' refers to 'fahim-dashti'", run.DiagnosticsText());
    }
}

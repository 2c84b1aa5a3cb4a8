using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

// `validate --reference`: the ids of the pack the YAML is built on, read from its metadata as the generator reads them
// through Roslyn, and in a process of its own without Roslyn.
public partial class CrossPackTests
{
    // A scratch folder holding the pack built on the starter (its manifest and facts), deleted after the action.
    private static void InFolderOfHarbourPack(Action<string> action)
    {
        var folder = Directory.CreateTempSubdirectory("kg-validate-reference-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.kg.yaml"), Manifest);
            File.WriteAllText(Path.Combine(folder, "facts.kg.yaml"), Facts);
            action(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // docs/cli.md, validate: --reference makes the ids of the pack the YAML is built on known, as a build knows them.
    [Fact]
    public void Validate_knows_the_ids_of_a_pack_given_with_reference_and_reports_what_the_build_reports()
    {
        InFolderOfHarbourPack(folder =>
        {
            var alone = CliRunner.Run("validate", folder);
            Assert.Equal(1, alone.ExitCode);
            Assert.Contains("refers to 'fahim-dashti', but the pack has no entity with that id", alone.Output);

            var referenced = CliRunner.Run("validate", folder, "--reference", FixturePacks.StarterFile);
            Assert.Equal((0, "", "2 files, 1 source, 2 actors, 1 place, 2 claims: 0 errors, 0 warnings.\n"),
                (referenced.ExitCode, referenced.Error, referenced.Output.ReplaceLineEndings("\n")));

            // Mistakes in a pack built on the starter, and the namespace of the starter's own: what the build says, word for word.
            var manifest = Manifest.Replace("namespace: Harbour.Facts", "namespace: Starter.Facts", StringComparison.Ordinal);
            var facts = Facts.Replace("claimant: fahim-dashti", "claimant: fahim-dashtii", StringComparison.Ordinal)
                .Replace("in: panjshir-valley", "in: nrf-source", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "pack.kg.yaml"), manifest);
            File.WriteAllText(Path.Combine(folder, "facts.kg.yaml"), facts);
            var build = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { ("pack.kg.yaml", manifest), ("facts.kg.yaml", facts) }
                    .Select(f => (AdditionalText)new InMemoryAdditionalText(Path.Combine(folder, f.Item1), f.Item2))),
                GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(FixturePacks.StarterFile)));
            var expected = build.GeneratorDiagnostics.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " +
                    $"{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }).Order(StringComparer.Ordinal).ToList();
            Assert.Contains(expected, l => l.Contains(" KG0009: ", StringComparison.Ordinal));
            Assert.Contains(expected, l => l.Contains("'fahim-dashtii'", StringComparison.Ordinal));
            Assert.Contains(expected, l => l.Contains("'nrf-source'", StringComparison.Ordinal));

            var broken = CliRunner.Run("validate", folder, "--reference", FixturePacks.StarterFile);
            Assert.Equal((1, ""), (broken.ExitCode, broken.Error));
            Assert.Equal(expected, broken.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').SkipLast(1).Order(StringComparer.Ordinal));
        });
    }

    // The tool reads a referenced pack from its metadata, as the generator reads it through Roslyn, which the tool does not
    // ship: the same entities, for a generated pack and for one written by hand with every case the generator passes over.
    [Fact]
    public void Validate_reads_the_entities_of_a_referenced_pack_that_the_generator_reads()
    {
        var handMade = FixturePacks.EmitCSharpToFile("HandMadeEntities", """
            [assembly: KnowledgeGen.KnowledgePack(typeof(Hand.Made.Pack), "HandMade")]
            namespace Hand.Made
            {
                public static class Pack
                {
                    public static KnowledgeGen.KnowledgePack Instance => null!;
                }

                // A kind too large for one class keeps members in base classes, reached through the kind's class.
                public abstract class Actors : ActorsPart1
                {
                    private Actors() { }
                    [KnowledgeGen.KnowledgeId("in-the-class", Name = "In the class")] public static KnowledgeGen.Actor InTheClass => null!;
                    [KnowledgeGen.KnowledgeId("Not An Id")] public static KnowledgeGen.Actor NotAnId => null!;
                }

                public abstract class ActorsPart1 : ActorsPart2
                {
                    [KnowledgeGen.KnowledgeId("in-a-base")] public static KnowledgeGen.Actor InABase => null!;
                    [KnowledgeGen.KnowledgeId("not-public")] internal static KnowledgeGen.Actor NotPublic => null!;
                    [KnowledgeGen.KnowledgeId("not-static")] public KnowledgeGen.Actor NotStatic => null!;
                }

                public abstract class ActorsPart2
                {
                    [KnowledgeGen.KnowledgeId("in-a-base-of-a-base", Name = "")] public static KnowledgeGen.Actor Deeper => null!;
                }

                public static class Places
                {
                    [KnowledgeGen.KnowledgeId("somewhere", Name = "Somewhere")] public static KnowledgeGen.Place Somewhere => null!;
                    public static KnowledgeGen.Place Unmarked => null!;
                }

                internal static class Sources
                {
                    [KnowledgeGen.KnowledgeId("hidden")] public static KnowledgeGen.Source Hidden => null!;
                }

                public static class Claims
                {
                    [KnowledgeGen.KnowledgeId("a-claim")] public static KnowledgeGen.Claim AClaim => null!;
                }

                namespace Deeper
                {
                    public static class Actors
                    {
                        [KnowledgeGen.KnowledgeId("another-namespace")] public static KnowledgeGen.Actor Elsewhere => null!;
                    }
                }
            }
            """);
        foreach (var pack in new[] { FixturePacks.StarterFile, handMade })
        {
            var compilation = GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(pack));
            var roslyn = KnowledgeGen.Generator.Linking.ReferencedPacks.Read(compilation, CancellationToken.None);
            var metadata = KnowledgeGen.Cli.Validate.PackReferences.Read(new[] { pack });
            Assert.NotEmpty(roslyn.Entities);
            Assert.Equal(roslyn, metadata);
        }
        Assert.Equal(new[] { "in-a-base", "in-a-base-of-a-base", "in-the-class", "somewhere" },
            KnowledgeGen.Cli.Validate.PackReferences.Read(new[] { handMade }).Entities.Select(e => e.Id));
    }

    // A real process, whose tool has no Roslyn beside it: reading a referenced pack must not need it.
    [Fact]
    public void Validate_with_reference_runs_in_the_tool_alone()
    {
        InFolderOfHarbourPack(folder =>
        {
            var result = CliProcess.Run(new[] { "validate", folder, "--reference", FixturePacks.StarterFile });
            Assert.Equal((0, "", "2 files, 1 source, 2 actors, 1 place, 2 claims: 0 errors, 0 warnings.\n"),
                (result.ExitCode, result.Error, result.Output.ReplaceLineEndings("\n")));
        });
    }
}

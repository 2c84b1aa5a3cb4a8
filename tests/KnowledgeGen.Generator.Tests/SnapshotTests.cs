using KnowledgeGen.Testing;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The generated code and the diagnostics, pinned by committed snapshots.</summary>
public class SnapshotTests
{
    [Fact]
    public void Starter_pack_generates_the_verified_sources()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixture("starter"));

        Assert.Empty(run.GeneratorDiagnostics);
        Snapshot.Match(run.GeneratedText(), "Starter.generated", "cs");
    }

    [Fact]
    public void Starter_pack_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixture("starter"),
            "public static class Use { public static string Who() => Starter.Facts.Claims.TalibanLost40Fighters.Claimant.Name; }");

        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Broken_pack_reports_the_verified_diagnostics()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixture("broken"));

        Snapshot.Match(run.DiagnosticsText(), "Broken.diagnostics", "txt");
    }

    [Fact]
    public void Broken_pack_still_generates_code_that_compiles_for_its_valid_entities()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixture("broken"));

        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public static global::KnowledgeGen.Actor FahimDashti"));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("TalibanLost40Fighters =>"));
    }
}

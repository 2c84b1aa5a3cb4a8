using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>The MSBuild properties the generator reads: KnowledgeGenNamespace, and RootNamespace as the fallback.</summary>
public class BuildPropertyTests
{
    private static GeneratorRun Run(IReadOnlyDictionary<string, string> globals, List<(string Path, string Text)>? files = null) =>
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(
            (files ?? GeneratorHarness.Fixture("starter")).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), globals),
            GeneratorHarness.Compilation());

    private static string? PackNamespace(GeneratorRun run) =>
        run.OutputCompilation.GetSymbolsWithName("Pack", SymbolFilter.Type).OfType<INamedTypeSymbol>().SingleOrDefault()?.ContainingNamespace.ToDisplayString();

    [Fact]
    public void KnowledgeGenNamespace_moves_the_pack_out_of_the_manifests_namespace()
    {
        var run = Run(new Dictionary<string, string> { ["build_property.KnowledgeGenNamespace"] = " Harbour.Renamed " });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Equal("Harbour.Renamed", PackNamespace(run));
    }

    [Theory]
    [InlineData("Harbour Renamed")]
    [InlineData("Harbour.class")]
    [InlineData("Harbour..Renamed")]
    [InlineData("1Harbour")]
    public void A_KnowledgeGenNamespace_that_is_not_a_namespace_is_an_error_not_passed_over(string value)
    {
        var run = Run(new Dictionary<string, string> { ["build_property.KnowledgeGenNamespace"] = value });

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("KG0009", DiagnosticSeverity.Error, Location.None), (error.Id, error.Severity, error.Location));
        Assert.Equal($"The build property KnowledgeGenNamespace is '{value}', which is not valid; use C# identifiers joined by dots, " +
            "none of them a C# keyword (the pack is generated in 'Starter.Facts' until it is fixed)", error.GetMessage());
        // The rest of the build goes on in the manifest's namespace, so the error is the only one.
        Assert.Empty(run.CompileDiagnostics);
        Assert.Equal("Starter.Facts", PackNamespace(run));
    }

    [Fact]
    public void Without_a_manifest_the_pack_takes_the_projects_root_namespace()
    {
        var files = GeneratorHarness.Fixture("starter").Where(f => !f.Path.EndsWith("/pack.kg.yaml", StringComparison.Ordinal)).ToList();
        var run = Run(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Harbour.Project" }, files);

        Assert.Equal("KG0014", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Equal("Harbour.Project", PackNamespace(run));
    }
}

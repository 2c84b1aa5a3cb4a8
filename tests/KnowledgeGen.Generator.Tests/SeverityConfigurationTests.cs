using System.Collections.Immutable;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A curator can change a KGnnnn severity the way a build does. The compiler hands the generator driver a
/// compilation whose options carry /nowarn, /warnaserror and the analyzer config files, and the driver
/// filters the generator's diagnostics through them (Compilation.Options.FilterDiagnostic) before the build
/// prints them. These tests give the compilation those options as csc builds them: the specific diagnostic
/// options of NoWarn and WarningsAsErrors, and the config files parsed by Roslyn's own AnalyzerConfig into
/// a syntax-tree options provider. Because the diagnostics stand in *.kg.yaml files, not in C# syntax trees,
/// a global config applies and an .editorconfig section does not; a real build behaves the same.
/// </summary>
public class SeverityConfigurationTests
{
    // One unknown field (KG0003, a warning) and one unknown reference (KG0007, an error).
    private static readonly (string Path, string Text)[] Files =
    {
        ("/sev/pack.kg.yaml", "pack: { name: Sev, namespace: Sev, title: Sev, version: 1.0.0 }\n"),
        ("/sev/facts.kg.yaml", "places:\n  - { id: kabul, name: Kabul, kind: city, aliasses: [Kabol], in: afghanistan }\n"),
    };

    private static ImmutableArray<Diagnostic> Run(CSharpCompilationOptions? options = null, params (string Path, string Text)[] configs)
    {
        var compilation = GeneratorHarness.Compilation();
        options ??= (CSharpCompilationOptions)compilation.Options;
        if (configs.Length > 0)
            options = options.WithSyntaxTreeOptionsProvider(new ConfigFileOptions(
                AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToList())));
        var driver = GeneratorHarness.CreateDriver(Files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));
        return GeneratorHarness.Run(driver, compilation.WithOptions(options)).GeneratorDiagnostics;
    }

    private static DiagnosticSeverity? SeverityOf(ImmutableArray<Diagnostic> diagnostics, string id) =>
        diagnostics.SingleOrDefault(d => d.Id == id)?.Severity;

    private static CSharpCompilationOptions Options(params (string Id, ReportDiagnostic Report)[] specific) =>
        ((CSharpCompilationOptions)GeneratorHarness.Compilation().Options).WithSpecificDiagnosticOptions(
            specific.ToDictionary(s => s.Id, s => s.Report));

    [Fact]
    public void By_default_each_rule_has_its_catalog_severity()
    {
        var diagnostics = Run();
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(diagnostics, "KG0003"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(diagnostics, "KG0007"));
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public void A_global_config_sets_the_severity(string severity, DiagnosticSeverity? expected)
    {
        var globalConfig = ("/sev/.globalconfig", $"is_global = true\ndotnet_diagnostic.KG0003.severity = {severity}\n");

        Assert.Equal(expected, SeverityOf(Run(null, globalConfig), "KG0003"));
    }

    [Fact]
    public void A_global_config_can_make_an_error_a_warning()
    {
        var globalConfig = ("/sev/.globalconfig", "is_global = true\ndotnet_diagnostic.KG0007.severity = warning\n");

        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(Run(null, globalConfig), "KG0007"));
    }

    [Fact]
    public void An_editorconfig_section_does_not_reach_diagnostics_in_yaml_files()
    {
        var editorConfig = ("/sev/.editorconfig", "root = true\n[*.kg.yaml]\ndotnet_diagnostic.KG0003.severity = error\n[*]\ndotnet_diagnostic.KG0003.severity = error\n");

        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(Run(null, editorConfig), "KG0003"));
    }

    [Fact]
    public void WarningsAsErrors_makes_a_warning_an_error() =>
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(Run(Options(("KG0003", ReportDiagnostic.Error))), "KG0003"));

    [Fact]
    public void NoWarn_removes_a_warning() =>
        Assert.Null(SeverityOf(Run(Options(("KG0003", ReportDiagnostic.Suppress))), "KG0003"));

    [Fact]
    public void TreatWarningsAsErrors_makes_every_warning_an_error()
    {
        var options = ((CSharpCompilationOptions)GeneratorHarness.Compilation().Options).WithGeneralDiagnosticOption(ReportDiagnostic.Error);

        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(Run(options), "KG0003"));
    }

    /// <summary>What the compiler builds from the /analyzerconfig files: per-tree options and the global ones.</summary>
    private sealed class ConfigFileOptions(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}

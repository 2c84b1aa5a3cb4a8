using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// The MSBuild properties the generator reads: KnowledgeGenNamespace, RootNamespace as the fallback, and KnowledgeGenFiles,
/// to say when a pattern the project set finds no pack file.
/// </summary>
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

    // The pack's names are ASCII only (a deliberate rule, stricter than C#): a RootNamespace the pack cannot take is passed
    // over, and the warning says so and why, rather than naming the fallback as if the project had no root namespace.
    [Theory]
    [InlineData("Données.Faits", "letters outside ASCII ('é') are not accepted in a pack's name and namespace")]
    [InlineData("Harbour.class", "'class' is a C# keyword")]
    [InlineData("Harbour Project", "it is not C# identifiers joined by dots")]
    public void Without_a_manifest_a_root_namespace_the_pack_cannot_take_is_passed_over_and_KG0014_says_why(string root, string why)
    {
        var files = GeneratorHarness.Fixture("starter").Where(f => !f.Path.EndsWith("/pack.kg.yaml", StringComparison.Ordinal)).ToList();
        var run = Run(new Dictionary<string, string> { ["build_property.RootNamespace"] = root }, files);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal($"No file of the pack has a 'pack' manifest, so the pack is named 'KnowledgePack' (the project's RootNamespace '{root}' is passed over: {why}); "
            + "add one to a file: pack: { name, namespace, title, version }", warning.GetMessage());
        Assert.Equal("KnowledgePack", PackNamespace(run));
    }

    [Fact]
    public void A_KnowledgeGenNamespace_with_letters_outside_ASCII_is_refused_with_its_ASCII_spelling()
    {
        var run = Run(new Dictionary<string, string> { ["build_property.KnowledgeGenNamespace"] = "Données.Faits" });

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("The build property KnowledgeGenNamespace is 'Données.Faits', which is not valid; use 'Donnees.Faits': letters outside ASCII ('é') "
            + "are not accepted in a pack's namespace, though C# accepts them (the pack is generated in 'Starter.Facts' until it is fixed)", error.GetMessage());
    }

    [Fact]
    public void A_KnowledgeGenFiles_pattern_that_finds_no_pack_file_is_KG0027_naming_it()
    {
        // What the generator is given when the pattern matched nothing, or only files that are not *.kg.yaml.
        var globals = new Dictionary<string, string> { ["build_property.KnowledgeGenFiles"] = "fact/**/*.kg.yaml" };
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(
            new AdditionalText[] { new InMemoryAdditionalText("/project/facts/harbour.yaml", "pack: {}\n") }, globals), GeneratorHarness.Compilation());

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("KG0027", DiagnosticSeverity.Warning, Location.None), (warning.Id, warning.Severity, warning.Location));
        Assert.StartsWith("The build property KnowledgeGenFiles is 'fact/**/*.kg.yaml', but no *.kg.yaml file of the project matches it", warning.GetMessage());
    }

    [Theory]
    [InlineData("knowledge/**/*.kg.yaml")] // the default: a project may reference KnowledgeGen before it has facts
    [InlineData("")]
    public void The_default_pattern_finding_nothing_is_not_reported(string pattern)
    {
        var globals = new Dictionary<string, string> { ["build_property.KnowledgeGenFiles"] = pattern };
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>(), globals), GeneratorHarness.Compilation());

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_KnowledgeGenFiles_pattern_that_finds_pack_files_is_not_reported()
    {
        var run = Run(new Dictionary<string, string> { ["build_property.KnowledgeGenFiles"] = "facts/**/*.kg.yaml" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Starter.Facts", PackNamespace(run));
    }

    [Fact]
    public void A_YAML_file_of_the_default_folder_not_named_kg_yaml_is_KG0032_at_the_file_and_is_not_read()
    {
        // What the build passes from knowledge/: the pack files, and the other YAML files flagged (build/KnowledgeGen.targets).
        const string places = "places:\n  - { id: north-pier, name: North pier, kind: site }\n";
        var flag = new Dictionary<string, string> { [KnowledgeGenerator.NotReadMetadata] = "true" };
        var files = GeneratorHarness.Fixture("starter")
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .Append(new InMemoryAdditionalText("/fixtures/starter/harbour.yaml", places))
            .Append(new InMemoryAdditionalText("/fixtures/starter/sub/more.kg.yml", places.Replace("north-pier", "south-pier")))
            .Append(new InMemoryAdditionalText("/fixtures/starter/unflagged.yaml", places.Replace("north-pier", "east-pier")))
            .ToList();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/fixtures/starter/harbour.yaml"] = flag,
            ["/fixtures/starter/sub/more.kg.yml"] = flag,
        };

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(files, perFile: perFile), GeneratorHarness.Compilation());

        var warnings = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(("KG0032", DiagnosticSeverity.Warning, 0, 0),
            (w.Id, w.Severity, w.Location.GetLineSpan().StartLinePosition.Line, w.Location.GetLineSpan().StartLinePosition.Character)));
        Assert.Equal("/fixtures/starter/harbour.yaml", warnings[0].Location.GetLineSpan().Path);
        Assert.Equal("The file 'harbour.yaml' is in the folder of the pack's files, but only files named *.kg.yaml are read, so its facts are " +
            "not in the pack; if it holds facts, rename it 'harbour.kg.yaml'", warnings[0].GetMessage());
        Assert.EndsWith("rename it 'more.kg.yaml'", warnings[1].GetMessage());
        // The pack is generated from its *.kg.yaml files alone.
        Assert.Empty(run.CompileDiagnostics);
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("Pier", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    public void A_project_compiling_a_C_sharp_version_older_than_11_gets_KG0034_and_no_code_not_an_error_at_every_literal(LanguageVersion version, string shown)
    {
        var older = new CSharpParseOptions(version);
        var files = GeneratorHarness.Fixture("starter")
            .Append((Path: "/fixtures/starter/broken.kg.yaml", Text: "actors:\n  - { id: Not An Id, name: Broken, kind: person }\n"))
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var driver = GeneratorHarness.CreateDriver(files).WithUpdatedParseOptions(older);
        var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Code { }", older) },
            GeneratorHarness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var run = GeneratorHarness.Run(driver, compilation);

        var tooLow = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "KG0034");
        Assert.Equal((DiagnosticSeverity.Error, Location.None), (tooLow.Severity, tooLow.Location));
        Assert.Equal($"The fact pack's generated code needs C# 11 or later (it keeps its facts in UTF-8 string literals), but the project compiles C# {shown}, " +
            "so no code is generated for the pack; set <LangVersion> to 11 or later in the project, or remove it to take the default of the target framework",
            tooLow.GetMessage());
        // The data's own mistakes are still reported; nothing is generated, so the compiler adds no error of its own.
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "KG0005");
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompileDiagnostics);

        // Raised to C# 11, the same driver generates the pack, and it compiles.
        var current = new CSharpParseOptions(KnowledgeGenerator.FirstLanguageVersion);
        var raised = GeneratorHarness.Run(driver.WithUpdatedParseOptions(current),
            compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class Code { }", current)));
        Assert.DoesNotContain(raised.GeneratorDiagnostics, d => d.Id == "KG0034");
        Assert.NotEmpty(raised.Sources);
        Assert.Empty(raised.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_older_C_sharp_version_in_a_project_without_pack_files_is_not_reported()
    {
        var older = new CSharpParseOptions(LanguageVersion.CSharp9);
        var driver = GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>()).WithUpdatedParseOptions(older);
        var run = GeneratorHarness.Run(driver, CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Code { }", older) },
            GeneratorHarness.References));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }
}

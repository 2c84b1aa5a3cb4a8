using System.IO.Compression;
using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeGen.Packaging.Tests;

/// <summary>
/// Fresh projects (dotnet new) that take the packages from the feed and nothing from this repository:
/// a reader of the Panjshir pack, a project with its own pack, and a pack that refers to the Panjshir pack.
/// </summary>
[Collection(PackagedFeedCollection.Name)]
public sealed class ConsumerTests(PackagedFeed feed)
{
    private const string OwnFacts = """
        pack:
          name: Harbour
          namespace: Harbour.Facts
          title: The harbour log
          version: 1.0.0

        sources:
          - id: harbour-log
            name: The harbour master's log
            kind: other
        actors:
          - id: harbour-master
            name: The harbour master
            kind: person
        claims:
          - id: ferry-late
            statement: The morning ferry arrived two hours late.
            claimant: harbour-master
            citations:
              - source: harbour-log
                quote: ferry two hours late
        """;

    [Fact]
    public void A_console_app_referencing_the_Panjshir_pack_runs_the_READMEs_example()
    {
        var folder = feed.NewProject("Reader", "console", "Panjshir2021");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ReadmeBlock("## Use a fact pack", "csharp"));
        // The pack depends on KnowledgeGen's runtime only: the generator must not run on this project's files,
        // so a broken pack file in the default folder changes nothing.
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "broken.kg.yaml"), "claims: [ { id: Not An Id } ]\n");

        feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        var lines = Lines(feed.Run(folder, "run", "--no-build").Succeeded().Output);

        var massoud = PanjshirYaml.Actors().Single(a => a.Id == "ahmad-massoud");
        Assert.Equal(PanjshirYaml.PackTitle(), lines[0]);
        Assert.Equal(massoud.Description, lines[1]);
        Assert.True(lines.Length > 2, "the pack's contradictions");
        Assert.All(lines.Skip(2), line => Assert.Contains(" ⟷ ", line));
    }

    [Fact]
    public void A_project_referencing_KnowledgeGen_gets_typed_facts_from_its_knowledge_folder_with_nothing_configured()
    {
        var folder = feed.NewProject("Own", "console", "KnowledgeGen");
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "harbour.kg.yaml"), ReadmeBlock("## Write your own pack", "yaml"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System;

            Console.WriteLine(Harbour.Facts.Claims.FerryLate.Statement);
            Console.WriteLine(Harbour.Facts.Claims.FerryLate.Claimant.Name);
            Console.WriteLine(Harbour.Facts.Pack.Instance.Claims.Count);
            """);

        feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        var run = feed.Run(folder, "run", "--no-build").Succeeded();

        Assert.Equal(new[] { "The morning ferry arrived two hours late.", "The harbour master", "1" }, Lines(run.Output));
    }

    [Fact]
    public void An_application_runs_the_runtime_compiled_ahead_of_time_on_a_platform_the_package_has_it_for()
    {
        var folder = feed.NewProject("Compiled", "console", "KnowledgeGen");
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "harbour.kg.yaml"), OwnFacts);

        AssertRunsCompiledCopy(folder, "Harbour.Facts.Claims.FerryLate.Statement", "KnowledgeGen.Entity", "KnowledgeGen.dll",
            "The morning ferry arrived two hours late.");
    }

    [Fact]
    public void An_application_runs_the_Panjshir_pack_compiled_ahead_of_time_on_a_platform_the_package_has_it_for()
    {
        var folder = feed.NewProject("CompiledPack", "console", "Panjshir2021");
        var massoud = PanjshirYaml.Actors().Single(a => a.Id == "ahmad-massoud");

        AssertRunsCompiledCopy(folder, "Panjshir2021.Actors.AhmadMassoud.Name", "Panjshir2021.Actors", "Panjshir2021.dll", massoud.Name);
    }

    [Fact]
    public void A_fact_pack_packed_with_dotnet_pack_ships_its_assembly_compiled_ahead_of_time_unless_told_not_to()
    {
        var folder = feed.NewProject("HarbourPack", "classlib", "KnowledgeGen");
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "harbour.kg.yaml"), OwnFacts);
        // One platform, to keep the runtime packs the test restores few; the default is linux-x64 and win-x64.
        var project = Path.Combine(folder, "HarbourPack.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            "  <PropertyGroup>\n    <KnowledgeGenReadyToRunPlatforms>linux-x64</KnowledgeGenReadyToRunPlatforms>\n  </PropertyGroup>\n</Project>"));

        feed.Run(folder, "pack", "-c", "Release", "-o", "compiled", "-nodeReuse:false").Succeeded();
        using (var package = ZipFile.OpenRead(Path.Combine(folder, "compiled", "HarbourPack.1.0.0.nupkg")))
        {
            Assert.Equal(new[] { "runtimes/linux-x64/lib/net10.0/HarbourPack.dll" },
                package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("runtimes/", StringComparison.Ordinal)));
            using var image = PackageContentTests.Image(package, "runtimes/linux-x64/lib/net10.0/HarbourPack.dll");
            using var il = PackageContentTests.Image(package, "lib/net10.0/HarbourPack.dll");
            PackageContentTests.AssertCompiledCopy(image, il, PackageContentTests.Amd64 ^ PackageContentTests.LinuxMachineOverride);
        }

        feed.Run(folder, "pack", "-c", "Release", "-o", "il", "-p:KnowledgeGenReadyToRun=false", "-nodeReuse:false").Succeeded();
        using (var package = ZipFile.OpenRead(Path.Combine(folder, "il", "HarbourPack.1.0.0.nupkg")))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/HarbourPack.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("runtimes/", StringComparison.Ordinal));
        }
    }

    // Builds and runs the console project with a Program that prints the given expression, then where the assembly of the
    // given type was loaded from and whether it holds code compiled ahead of time: on a platform the packages have copies
    // for, a portable application (as dotnet new makes it) gets the package's runtimes/<platform>/ copy.
    private void AssertRunsCompiledCopy(string folder, string expression, string type, string file, string expected)
    {
        File.WriteAllText(Path.Combine(folder, "Program.cs"), $$"""
            using System;
            using System.IO;
            using System.Reflection.PortableExecutable;

            Console.WriteLine({{expression}});
            var location = typeof({{type}}).Assembly.Location;
            Console.WriteLine(Path.GetRelativePath(AppContext.BaseDirectory, location).Replace('\\', '/'));
            using var image = new PEReader(File.OpenRead(location));
            Console.WriteLine(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0 ? "compiled ahead of time" : "IL only");
            """);

        feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        var lines = Lines(feed.Run(folder, "run", "--no-build").Succeeded().Output);

        Assert.Equal(expected, lines[0]);
        var platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        if (platform is "linux-x64" or "win-x64")
            Assert.Equal(new[] { $"runtimes/{platform}/lib/net10.0/{file}", "compiled ahead of time" }, lines[1..]);
        else
            Assert.Equal(new[] { file, "IL only" }, lines[1..]);
    }

    [Fact]
    public void A_YAML_file_in_the_knowledge_folder_not_named_kg_yaml_is_warned_about_rather_than_left_out_silently()
    {
        var folder = feed.NewProject("Misnamed", "console", "KnowledgeGen");
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        var misnamed = Path.Combine(folder, "knowledge", "harbour.yaml");
        File.WriteAllText(misnamed, ReadmeBlock("## Write your own pack", "yaml"));

        var build = feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        Assert.Matches(new Regex(@"knowledge[/\\]harbour\.yaml\(1,1\): warning KG0032: The file 'harbour\.yaml' is in the folder of the pack's files, " +
            @"but only files named \*\.kg\.yaml are read, so its facts are not in the pack; if it holds facts, rename it 'harbour\.kg\.yaml'"), build.Output);

        // Renamed as the warning says, it is the pack.
        File.Move(misnamed, Path.Combine(folder, "knowledge", "harbour.kg.yaml"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            System.Console.WriteLine(Harbour.Facts.Claims.FerryLate.Statement);
            """);
        var renamed = feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        Assert.DoesNotContain("KG0032", renamed.Output);
        Assert.Equal(new[] { "The morning ferry arrived two hours late." }, Lines(feed.Run(folder, "run", "--no-build").Succeeded().Output));
    }

    [Fact]
    public void A_YAML_file_a_KnowledgeGenFiles_pattern_finds_but_not_named_kg_yaml_is_warned_about_rather_than_left_out_silently()
    {
        var folder = NewProjectWith("Patterned", """
                <KnowledgeGenFiles>facts/**/*</KnowledgeGenFiles>
            """);
        Directory.CreateDirectory(Path.Combine(folder, "facts", "more"));
        File.WriteAllText(Path.Combine(folder, "facts", "harbour.kg.yaml"), OwnFacts);
        // Found by the pattern, and meant as facts, but the generator reads *.kg.yaml files only.
        File.WriteAllText(Path.Combine(folder, "facts", "more", "pier.yaml"), "places:\n  - id: north-pier\n    name: The north pier\n    kind: site\n");
        File.WriteAllText(Path.Combine(folder, "facts", "quay.kg.yml"), "places:\n  - id: quay\n    name: The quay\n    kind: site\n");
        // Not YAML: found by the pattern too, and nothing to say about it.
        File.WriteAllText(Path.Combine(folder, "facts", "notes.md"), "# Notes\n");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            System.Console.WriteLine(Harbour.Facts.Claims.FerryLate.Statement);
            """);

        var build = feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        Assert.Matches(new Regex(@"facts[/\\]more[/\\]pier\.yaml\(1,1\): warning KG0032: The file 'pier\.yaml' is in the folder of the pack's files, " +
            @"but only files named \*\.kg\.yaml are read, so its facts are not in the pack; if it holds facts, rename it 'pier\.kg\.yaml'"), build.Output);
        Assert.Matches(new Regex(@"facts[/\\]quay\.kg\.yml\(1,1\): warning KG0032: "), build.Output);
        Assert.DoesNotContain("notes.md", build.Output);
        Assert.DoesNotContain("harbour.kg.yaml(1,1): warning KG0032", build.Output);
        Assert.Equal(new[] { "The morning ferry arrived two hours late." }, Lines(feed.Run(folder, "run", "--no-build").Succeeded().Output));
    }

    [Fact]
    public void The_glob_and_the_namespace_are_set_with_msbuild_properties()
    {
        var folder = NewProjectWith("Custom", """
                <KnowledgeGenFiles>facts/**/*.kg.yaml</KnowledgeGenFiles>
                <KnowledgeGenNamespace>Harbour.Renamed</KnowledgeGenNamespace>
            """);
        Directory.CreateDirectory(Path.Combine(folder, "facts"));
        File.WriteAllText(Path.Combine(folder, "facts", "harbour.kg.yaml"), OwnFacts);
        // Outside the glob now: were it read, its error would fail the build.
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "broken.kg.yaml"), "claims: [ { id: Not An Id } ]\n");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System;

            Console.WriteLine(Harbour.Renamed.Claims.FerryLate.Statement);
            """);

        feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        var run = feed.Run(folder, "run", "--no-build").Succeeded();

        Assert.Equal(new[] { "The morning ferry arrived two hours late." }, Lines(run.Output));

        // A misspelt folder: the build says the pattern found nothing, not only that the pack's classes are missing.
        var project = Path.Combine(folder, "Custom.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<KnowledgeGenFiles>facts/", "<KnowledgeGenFiles>fact/"));
        var misspelt = feed.Run(folder, "build", "-nodeReuse:false");
        Assert.Contains("warning KG0027: The build property KnowledgeGenFiles is 'fact/**/*.kg.yaml', but no *.kg.yaml file of the project matches it", misspelt.Output);
    }

    [Fact]
    public void A_pack_referring_to_the_Panjshir_pack_builds_and_a_dangling_reference_fails_with_KG0007_at_its_line_and_column()
    {
        var folder = feed.NewProject("Notes", "console", "KnowledgeGen", "Panjshir2021");
        Directory.CreateDirectory(Path.Combine(folder, "knowledge"));
        File.WriteAllText(Path.Combine(folder, "knowledge", "pack.kg.yaml"), """
            pack:
              name: Notes
              namespace: Notes.Facts
              title: Notes on the Panjshir pack
              version: 1.0.0
            """);
        var claims = """
            sources:
              - id: my-notes
                name: My notes
                kind: other
            claims:
              - id: massoud-leads
                statement: Ahmad Massoud leads the resistance in the valley.
                claimant: ahmad-massoud
                about: [panjshir-valley]
                citations:
                  - source: my-notes
                    quote: Massoud leads
            """;
        var claimsFile = Path.Combine(folder, "knowledge", "claims.kg.yaml");
        File.WriteAllText(claimsFile, claims);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System;

            var claim = Notes.Facts.Claims.MassoudLeads;
            Console.WriteLine(claim.Claimant.Name);
            Console.WriteLine(claim.About[0].Name);
            Console.WriteLine(ReferenceEquals(claim.Claimant, Panjshir2021.Actors.AhmadMassoud));
            """);

        feed.Run(folder, "build", "-nodeReuse:false").Succeeded();
        var run = feed.Run(folder, "run", "--no-build").Succeeded();
        Assert.Equal(new[] { "Ahmad Massoud", "Panjshir Valley", "True" }, Lines(run.Output));

        File.WriteAllText(claimsFile, claims.Replace("claimant: ahmad-massoud", "claimant: ahmad-masoud"));
        var broken = feed.Run(folder, "build", "-nodeReuse:false");

        Assert.NotEqual(0, broken.ExitCode);
        // claimant is on line 8; its value starts in column 15.
        Assert.Matches(new Regex(@"knowledge[/\\]claims\.kg\.yaml\(8,15\): error KG0007: The field 'claimant' of the claim 'massoud-leads' refers to 'ahmad-masoud'.*did you mean 'ahmad-massoud'"),
            broken.Output);
    }

    /// <summary>The first code block of the given language in a README section: the README's examples are what these tests run.</summary>
    private static string ReadmeBlock(string heading, string language)
    {
        var readme = File.ReadAllText(Repository.Path("README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf(heading + "\n", StringComparison.Ordinal)..];
        var match = Regex.Match(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no {language} block under {heading}");
        return match.Groups[1].Value;
    }

    // A console project on KnowledgeGen whose project file also sets the given build properties.
    private string NewProjectWith(string name, string properties)
    {
        var folder = feed.NewProject(name, "console", "KnowledgeGen");
        var project = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", "  <PropertyGroup>\n" + properties + "\n  </PropertyGroup>\n</Project>"));
        return folder;
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace KnowledgeGen.Packaging.Tests;

/// <summary>What dotnet pack puts in each package: the files, the metadata and the dependency between them.</summary>
[Collection(PackagedFeedCollection.Name)]
public sealed class PackageContentTests(PackagedFeed feed)
{
    [Fact]
    public void KnowledgeGen_holds_the_runtime_the_generator_with_YamlDotNet_the_build_files_and_the_schema()
    {
        var entries = Entries("KnowledgeGen");

        foreach (var file in new[]
                 {
                     "lib/net8.0/KnowledgeGen.dll", "lib/net8.0/KnowledgeGen.xml",
                     "lib/net10.0/KnowledgeGen.dll", "lib/net10.0/KnowledgeGen.xml",
                     "analyzers/dotnet/cs/KnowledgeGen.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
                     "buildTransitive/KnowledgeGen.props", "buildTransitive/KnowledgeGen.targets", "buildTransitive/KnowledgeGen.ReadyToRun.targets",
                     "schema/kg.schema.json", "README.md", "LICENSE",
                 })
            Assert.Contains(file, entries);
        // The generator is an analyzer only; nothing else of it, nor any other analyzer, is shipped.
        Assert.Equal(2, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));
        // YamlDotNet travels inside the analyzer folder: it is no dependency of a consumer.
        Assert.Empty(Named(Nuspec("KnowledgeGen"), "dependency"));
        Assert.Equal(File.ReadAllText(Repository.Path("schema", "kg.schema.json")), Read("KnowledgeGen", "schema/kg.schema.json"));
    }

    // The PE machine of a ReadyToRun image: the processor's, changed by an operating system's own value except Windows'.
    internal const ushort Amd64 = 0x8664;
    internal const ushort LinuxMachineOverride = 0x7B79;

    [Theory]
    [InlineData("KnowledgeGen", "linux-x64", "net8.0", Amd64 ^ LinuxMachineOverride)]
    [InlineData("KnowledgeGen", "linux-x64", "net10.0", Amd64 ^ LinuxMachineOverride)]
    [InlineData("KnowledgeGen", "win-x64", "net8.0", Amd64)]
    [InlineData("KnowledgeGen", "win-x64", "net10.0", Amd64)]
    [InlineData("Panjshir2021", "linux-x64", "net8.0", Amd64 ^ LinuxMachineOverride)]
    [InlineData("Panjshir2021", "linux-x64", "net10.0", Amd64 ^ LinuxMachineOverride)]
    [InlineData("Panjshir2021", "win-x64", "net8.0", Amd64)]
    [InlineData("Panjshir2021", "win-x64", "net10.0", Amd64)]
    public void A_package_holds_its_assembly_compiled_ahead_of_time_for_each_platform_and_target_framework(string id, string platform, string framework, int machine)
    {
        using var image = Image(id, $"runtimes/{platform}/lib/{framework}/{id}.dll");
        using var il = Image(id, $"lib/{framework}/{id}.dll");
        AssertCompiledCopy(image, il, machine);
    }

    /// <summary>
    /// A ReadyToRun image of the IL beside it: a native code header, built for one operating system and processor, and
    /// the same assembly (name, version and types).
    /// </summary>
    internal static void AssertCompiledCopy(PEReader image, PEReader il, int machine)
    {
        Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "a ReadyToRun image");
        Assert.Equal(machine, (int)image.PEHeaders.CoffHeader.Machine);
        Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        var compiled = image.GetMetadataReader();
        var plain = il.GetMetadataReader();
        Assert.Equal(plain.GetString(plain.GetAssemblyDefinition().Name), compiled.GetString(compiled.GetAssemblyDefinition().Name));
        Assert.Equal(plain.GetAssemblyDefinition().Version, compiled.GetAssemblyDefinition().Version);
        Assert.Equal(plain.TypeDefinitions.Count, compiled.TypeDefinitions.Count);
    }

    [Fact]
    public void Panjshir2021_holds_the_compiled_pack_with_its_documentation_and_depends_on_the_runtime_only()
    {
        var entries = Entries("Panjshir2021");

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/Panjshir2021.dll", entries);
            Assert.Contains($"lib/{framework}/Panjshir2021.xml", entries);
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.StartsWith("build", StringComparison.Ordinal));

        // One dependency group per target framework, each on KnowledgeGen's runtime alone.
        var groups = Named(Nuspec("Panjshir2021"), "group").ToList();
        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var dependency = Assert.Single(Named(group, "dependency"));
            Assert.Equal("KnowledgeGen", dependency.Attribute("id")!.Value);
            Assert.Equal(feed.Version, dependency.Attribute("version")!.Value);
            var excluded = dependency.Attribute("exclude")!.Value.Split(',', StringSplitOptions.TrimEntries);
            Assert.Contains("Analyzers", excluded);
            Assert.Contains("Build", excluded);
            Assert.Contains("BuildTransitive", excluded);
        }

        // The documentation file names the pack's YAML files below the pack's folder, not where this machine keeps them.
        var documentation = Read("Panjshir2021", "lib/net8.0/Panjshir2021.xml");
        Assert.Contains("The facts of actors.kg.yaml (file ", documentation);
        Assert.DoesNotContain(Repository.Root, documentation);
    }

    [Theory]
    [InlineData("KnowledgeGen", "README.md")]
    [InlineData("Panjshir2021", "knowledge/panjshir-2021/README.md")]
    public void Each_package_ships_its_own_readme(string id, string readme)
    {
        Assert.Equal(File.ReadAllText(Repository.Path(readme.Split('/'))), Read(id, "README.md"));
    }

    [Theory]
    [InlineData("KnowledgeGen")]
    [InlineData("Panjshir2021")]
    public void Each_package_has_real_metadata_and_symbols(string id)
    {
        var metadata = Named(Nuspec(id), "metadata").Single();
        string Field(string name) => Named(metadata, name).SingleOrDefault()?.Value ?? "";

        Assert.Equal(feed.Version, Field("version"));
        Assert.True(Field("description").Length > 80, "a description that says what the package is");
        Assert.Contains("knowledge", Field("tags"), StringComparison.Ordinal);
        Assert.Equal("expression", Named(metadata, "license").Single().Attribute("type")!.Value);
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal("https://github.com/knowledgegen/knowledgegen", Named(metadata, "repository").Single().Attribute("url")!.Value);

        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(feed.Package(id), ".snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net8.0/{id}.pdb");
    }

    [Theory]
    [InlineData("KnowledgeGen", "lib/net8.0/KnowledgeGen.dll")]
    [InlineData("KnowledgeGen", "analyzers/dotnet/cs/KnowledgeGen.Generator.dll")]
    [InlineData("Panjshir2021", "lib/net8.0/Panjshir2021.dll")]
    public void Assemblies_are_built_deterministically(string id, string entry)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        using var image = new MemoryStream();
        using (var stream = package.GetEntry(entry)!.Open())
            stream.CopyTo(image);
        image.Position = 0;
        using var pe = new PEReader(image);

        // The compiler records a Reproducible entry only for a deterministic compilation.
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.Reproducible);
    }

    private PEReader Image(string id, string entry)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        return Image(package, entry);
    }

    /// <summary>An assembly of a package, read into memory.</summary>
    internal static PEReader Image(ZipArchive package, string entry)
    {
        var image = new MemoryStream();
        using (var stream = (package.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"{entry} is not in the package")).Open())
            stream.CopyTo(image);
        image.Position = 0;
        return new PEReader(image);
    }

    private List<string> Entries(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        return package.Entries.Select(e => e.FullName).ToList();
    }

    private string Read(string id, string entry)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private XDocument Nuspec(string id) => XDocument.Parse(Read(id, id + ".nuspec"));

    // NuGet picks the nuspec schema version by the features used, so elements are matched by local name.
    private static IEnumerable<XElement> Named(XContainer container, string name) =>
        container.Descendants().Where(e => e.Name.LocalName == name);
}

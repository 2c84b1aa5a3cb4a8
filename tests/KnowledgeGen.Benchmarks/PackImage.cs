using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KnowledgeGen.Benchmarks;

/// <summary>
/// Compiles a pack ahead of time as a fact pack's package ships it: <c>dotnet pack</c> puts the pack's assembly in
/// <c>runtimes/&lt;platform&gt;/lib/&lt;tfm&gt;/</c>, made by the SDK's own Publish (the platform, framework-dependent,
/// ReadyToRun) on the platforms the KnowledgeGen library ships precompiled for, and an application on those platforms runs
/// that copy. The benchmark uses the same machinery: a library project of its own whose only references are the pack
/// emitted in memory (d) and the KnowledgeGen library it was compiled against, published ReadyToRun, which compiles the
/// referenced assemblies too. The project is restored once; each size is a publish of its own, not part of any figure.
/// </summary>
public sealed class PackImage
{
    private readonly string project;
    private readonly string platform;
    private readonly string artifacts;

    private PackImage(string project, string platform, string artifacts) =>
        (this.project, this.platform, this.artifacts) = (project, platform, artifacts);

    /// <summary>
    /// Writes the project into <paramref name="folder"/> and restores it for <paramref name="platform"/>; null, and why, if
    /// the restore fails.
    /// </summary>
    public static (PackImage? Image, string? Why) Prepare(string folder, string platform, string framework, string artifacts)
    {
        var project = Path.Combine(folder, "packimage", "PackImage.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        var library = typeof(KnowledgePack).Assembly.Location; // the IL the pack was compiled against (GeneratorHarness.References)
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <OutputType>Library</OutputType>
                <EnableDefaultItems>false</EnableDefaultItems>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="$(KnowledgeGenPack)" />
                <Reference Include="{System.Security.SecurityElement.Escape(library)}" />
              </ItemGroup>
            </Project>
            """);
        var restore = ChildRuntime.Dotnet(folder, "restore", project, "-r", platform,
            "-p:PublishReadyToRun=true", "-p:DisableTransitiveFrameworkReferenceDownloads=true",
            "--artifacts-path", artifacts, "--disable-build-servers", "-v:q");
        return restore.ExitCode == 0
            ? (new PackImage(project, platform, artifacts), null)
            : (null, $"restoring the project that precompiles it failed: {ChildRuntime.FirstLine(restore.Output)}");
    }

    /// <summary>
    /// The pack <paramref name="ilPack"/> compiled ahead of time into <paramref name="output"/>, with the same file name;
    /// throws if the publish fails or gives anything but a ReadyToRun image of that very assembly.
    /// </summary>
    public string Precompile(string ilPack, string output, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var publish = ChildRuntime.Dotnet(Path.GetDirectoryName(project)!, "publish", project, "--no-restore", "-c", "Release",
            "-r", platform, "--self-contained", "false", "-p:PublishReadyToRun=true", "-p:DisableTransitiveFrameworkReferenceDownloads=true",
            "-p:KnowledgeGenPack=" + ilPack, "--artifacts-path", artifacts, "-o", output, "--disable-build-servers", "-nologo", "-v:q");
        var image = Path.Combine(output, Path.GetFileName(ilPack));
        if (publish.ExitCode != 0 || !File.Exists(image))
            throw new InvalidOperationException($"publishing the pack ReadyToRun for {platform} failed: {ChildRuntime.FirstLine(publish.Output)}");
        if (!ChildRuntime.IsReadyToRun(image))
            throw new InvalidOperationException($"the pack published for {platform} holds no ReadyToRun code");
        // The image keeps the pack's metadata: the same module version id, so not a copy left from another size.
        if (ModuleVersionId(image) != ModuleVersionId(ilPack))
            throw new InvalidOperationException($"the pack published for {platform} is not the pack just compiled");
        log.WriteLine($"# the pack compiled ahead of time (ReadyToRun) for {platform} in {watch.Elapsed.TotalSeconds:F1} s, as its package ships it");
        return image;
    }

    private static Guid ModuleVersionId(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}

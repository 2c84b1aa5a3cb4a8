using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>Fact packs for the tests: fixture YAML compiled by the generator in memory, loaded live or written to disk.</summary>
internal static class FixturePacks
{
    private static readonly Lazy<KnowledgePack> LazyStarter = new(() => Compile("starter", GeneratorHarness.Fixture("starter")));
    private static readonly Lazy<string> LazyStarterFile = new(() => EmitToFile("Starter", GeneratorHarness.Fixture("starter")));

    /// <summary>The starter fixture pack, which exercises every field.</summary>
    public static KnowledgePack Starter => LazyStarter.Value;

    /// <summary>The starter pack compiled to a .dll on disk, for <c>--pack</c>.</summary>
    public static string StarterFile => LazyStarterFile.Value;

    /// <summary>Compiles the YAML files (path → text) and returns the live pack, as GeneratedApiTests.Load does.</summary>
    public static KnowledgePack Compile(string name, IEnumerable<(string Path, string Text)> files)
    {
        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(stream);
        var attribute = assembly.GetCustomAttribute<KnowledgePackAttribute>()!;
        return KnowledgePackAttribute.Load(attribute.PackType);
    }

    /// <summary>Compiles the YAML files with the given C# and writes the assembly to a fresh temporary folder.</summary>
    public static string EmitToFile(string assemblyName, IEnumerable<(string Path, string Text)> files, params string[] csharp)
    {
        var run = GeneratorHarness.Run(files, csharp);
        return Emit(run.OutputCompilation.WithAssemblyName(assemblyName), assemblyName);
    }

    /// <summary>
    /// Compiles a pack built on the starter pack (its YAML names the starter's ids) against the starter's assembly, and writes
    /// both assemblies to one fresh temporary folder, as a build's output holds a pack beside the packs it references.
    /// Returns the path of the pack's assembly.
    /// </summary>
    public static string EmitBuiltOnStarterToFile(string assemblyName, IEnumerable<(string Path, string Text)> files) =>
        EmitBuiltOnToFile("Starter", GeneratorHarness.Fixture("starter"), assemblyName, files);

    /// <summary>
    /// As <see cref="EmitBuiltOnStarterToFile"/>, on a pack compiled from <paramref name="baseFiles"/> as
    /// <paramref name="baseName"/>; the base pack may have warnings (an alias that is another entity's id, KG0019).
    /// </summary>
    public static string EmitBuiltOnToFile(string baseName, IEnumerable<(string Path, string Text)> baseFiles, string assemblyName,
        IEnumerable<(string Path, string Text)> files)
    {
        var basePack = GeneratorHarness.Run(baseFiles).OutputCompilation.WithAssemblyName(baseName);
        var folder = NewFolder();
        var basePath = Emit(basePack, baseName, folder: folder);
        var run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))),
            GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(basePath)));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return Emit(run.OutputCompilation.WithAssemblyName(assemblyName), assemblyName, folder: folder);
    }

    /// <summary>Writes <paramref name="compilation"/>'s assembly to a fresh temporary folder, as its assembly name.</summary>
    public static string EmitToFile(Compilation compilation) => Emit(compilation, compilation.AssemblyName!);

    /// <summary>Compiles C# alone (no YAML) against the runtime model and writes the assembly to a fresh temporary folder.</summary>
    public static string EmitCSharpToFile(string assemblyName, params string[] csharp) =>
        Emit(GeneratorHarness.Compilation(csharp).WithAssemblyName(assemblyName), assemblyName);

    // One folder for the test run, removed when the process exits. Each assembly gets a folder of its own in it, as
    // tests write packs of the same name.
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "knowledgegen-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveFolder(folder);
        return folder;
    });

    private static void RemoveFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            var parent = Path.GetDirectoryName(folder)!;
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
                Directory.Delete(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A loaded assembly cannot be deleted on Windows, or another run uses the parent folder: leave it.
        }
    }

    /// <summary>The starter pack as a reference assembly (metadata only), as a build leaves one in obj/.../ref.</summary>
    public static string EmitReferenceAssemblyToFile(string assemblyName) =>
        Emit(GeneratorHarness.Run(GeneratorHarness.Fixture("starter")).OutputCompilation.WithAssemblyName(assemblyName), assemblyName,
            new EmitOptions(metadataOnly: true, includePrivateMembers: false));

    /// <summary>
    /// A pack assembly whose pack needs another assembly (<paramref name="dependencyName"/>) that is not beside it: the
    /// dependency is compiled only as a reference.
    /// </summary>
    public static string EmitWithMissingDependency(string assemblyName, string dependencyName)
    {
        var dependency = GeneratorHarness.Compilation("namespace Dependency { public static class Helper { public static string Name => \"x\"; } }")
            .WithAssemblyName(dependencyName);
        var pack = GeneratorHarness.Compilation($$"""
            [assembly: KnowledgeGen.KnowledgePack(typeof(NeedsMore.Pack), "NeedsMore")]
            namespace NeedsMore
            {
                public static class Pack
                {
                    public static KnowledgeGen.KnowledgePack Instance => throw new System.InvalidOperationException(Dependency.Helper.Name);
                }
            }
            """).WithAssemblyName(assemblyName).AddReferences(dependency.ToMetadataReference());
        return Emit(pack, assemblyName);
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Emit(Compilation compilation, string assemblyName, EmitOptions? options = null, string? folder = null)
    {
        folder ??= NewFolder();
        var path = Path.Combine(folder, assemblyName + ".dll");
        EmitResult emit;
        using (var file = File.Create(path))
            emit = compilation.Emit(file, options: options);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return path;
    }
}

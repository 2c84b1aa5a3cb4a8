using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A fact pack is a NuGet package, and an application compiled against one version may run with a newer one (a library it
/// uses references the newer pack, and NuGet lifts the application to it): what the application reads of the pack is the
/// newer pack's.
/// </summary>
public class PackUpgradeTests
{
    // The starter pack at a version and title of its own, with the assembly version its package would give it.
    private static byte[] Starter(string version, string title)
    {
        var files = GeneratorHarness.Fixture("starter")
            .Select(f => f.Path.EndsWith("/pack.kg.yaml", StringComparison.Ordinal)
                ? (f.Path, f.Text.Replace("version: 1.2.3", "version: " + version).Replace("title: A starter pack", "title: " + title))
                : f)
            .ToList();
        var run = GeneratorHarness.Run(files, $"[assembly: System.Reflection.AssemblyVersion(\"{version}.0\")]");
        Assert.Equal("", run.DiagnosticsText());
        return Image(run.OutputCompilation.WithAssemblyName("Starter"));
    }

    private static byte[] Image(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }

    // Resolves the pack's assembly to the image it is given, whatever version the consumer was compiled against; the
    // runtime (KnowledgeGen) is the default context's, as in an application.
    private sealed class UpgradedPack(byte[] pack) : AssemblyLoadContext("upgraded-pack", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            name.Name == "Starter" ? LoadFromStream(new MemoryStream(pack)) : null;
    }

    [Fact]
    public void An_application_compiled_against_an_older_pack_reads_the_name_title_and_version_of_the_pack_it_runs_with()
    {
        var consumer = GeneratorHarness.Compilation("""
            public static class Reader
            {
                public static string Name() => Starter.Facts.Pack.Name;
                public static string Title() => Starter.Facts.Pack.Title;
                public static string Version() => Starter.Facts.Pack.Version;
                public static string InstanceVersion() => Starter.Facts.Pack.Instance.Version;
            }
            """).AddReferences(MetadataReference.CreateFromImage(Starter("1.0.0", "A starter pack"))).WithAssemblyName("Consumer");
        var context = new UpgradedPack(Starter("1.1.0", "A starter pack, revised"));
        try
        {
            var reader = context.LoadFromStream(new MemoryStream(Image(consumer))).GetType("Reader")!;
            string Read(string method) => (string)reader.GetMethod(method)!.Invoke(null, null)!;

            Assert.Equal("1.1.0", Read("InstanceVersion")); // the data the application reads is 1.1.0's
            Assert.Equal("1.1.0", Read("Version"));
            Assert.Equal("A starter pack, revised", Read("Title"));
            Assert.Equal("Starter", Read("Name"));
        }
        finally
        {
            context.Unload();
        }
    }
}

using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A pack compiled by an earlier version of the generator keeps working with this runtime library, which an application
/// may take in a newer version than the one the pack was built with.
/// </summary>
public class RuntimeCompatibilityTests
{
    // The starter pack as the generator wrote it when each YAML file had a class of its own (__Facts.File<n>, its tables
    // made by FactTable's factories, references followed through each kind's __Get), before FactPack.
    [Fact]
    public void A_pack_generated_with_a_class_per_yaml_file_reads_with_this_runtime_as_the_pack_generated_now()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Get(), "tests", "KnowledgeGen.Generator.Tests", "Compatibility",
            "Starter.class-per-file.generated.txt")).ReplaceLineEndings("\n");
        // One tree a generated file, as the generator handed them over (an assembly attribute must open its file).
        var trees = text.Split("//----- ", StringSplitOptions.RemoveEmptyEntries)
            .Select(part => CSharpSyntaxTree.ParseText(part[(part.IndexOf('\n') + 1)..], GeneratorHarness.ParseOptions, path: part[..part.IndexOf('\n')]))
            .ToList();
        Assert.Equal(10, trees.Count);
        Assert.Contains(trees, t => t.ToString().Contains("internal static class File1", StringComparison.Ordinal));
        var compilation = CSharpCompilation.Create("StarterClassPerFile", trees, GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("class-per-file", isCollectible: true).LoadFromStream(stream);
        var old = KnowledgePackAttribute.Load(assembly.GetCustomAttribute<KnowledgePackAttribute>()!.PackType);
        var now = GeneratedApiTests.Load("starter");

        Assert.Equal(now.Sources.Select(s => (s.Id, s.Name, s.Outlet?.Id)), old.Sources.Select(s => (s.Id, s.Name, s.Outlet?.Id)));
        Assert.Equal(now.Actors.Select(a => (a.Id, a.Name, a.Aliases.Count)), old.Actors.Select(a => (a.Id, a.Name, a.Aliases.Count)));
        Assert.Equal(now.Places.Select(p => (p.Id, p.Name, p.In?.Id)), old.Places.Select(p => (p.Id, p.Name, p.In?.Id)));
        Assert.Equal(now.Claims.Select(c => (c.Id, c.Statement, c.Claimant.Id, c.Citations.Count)),
            old.Claims.Select(c => (c.Id, c.Statement, c.Claimant.Id, c.Citations.Count)));
        Assert.Equal(now.Indexes.Timeline.Select(c => c.Id), old.Indexes.Timeline.Select(c => c.Id));
        Assert.Equal(now.Indexes.Contradictions.Count, old.Indexes.Contradictions.Count);
        // A reference reaches the entity the pack's list holds, as in a pack generated now.
        Assert.Same(old.Find("fahim-dashti"), old.Claims.Single(c => c.Id == "taliban-lost-40-fighters").Claimant);
    }
}

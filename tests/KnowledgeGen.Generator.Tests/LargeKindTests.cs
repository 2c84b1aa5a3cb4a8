using System.Reflection;
using System.Runtime.Loader;
using KnowledgeGen.Generator.Emitting;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;
using KnowledgeGen.Generator.Reading;
using KnowledgeGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KnowledgeGen.Generator.Tests;

/// <summary>
/// A kind with more members than one class can hold (the runtime refuses a class of more than 65,535 methods)
/// spreads them over base classes of its class. Packs that large take minutes to compile, so these tests emit a
/// small pack as if its claims needed three classes, and check that the result compiles, loads and reads as usual.
/// </summary>
public class LargeKindTests
{
    private const int Parts = 3;

    private static readonly Lazy<(PackModel Pack, List<GeneratedFile> Files)> Split = new(() =>
    {
        var specs = SyntheticPack.Create(400, 5).Select(f => PackFileReader.Read(f.Path, f.Text)).ToList();
        var pack = PackLinker.Link(specs, PackOptions.Default);
        var parts = new KindParts(1, 1, 1, Parts);
        var files = PackSlicer.Files(pack).SelectMany(f => PackEmitter.EmitFile(f with { Parts = parts })).ToList();
        files.AddRange(PackEmitter.EmitShape(PackSlicer.Shape(pack) with { Parts = parts }));
        return (pack, files);
    });

    [Fact]
    public void Members_spread_over_base_classes_still_read_as_Claims_X()
    {
        var (pack, files) = Split.Value;
        var claim = pack.Claims[pack.Claims.Count / 2];
        var probe = $$"""
            public static class Probe
            {
                public static string Statement() => {{SyntheticPack.Namespace}}.Claims.{{claim.Entity.Member}}.Statement;
                public static int Count() => {{SyntheticPack.Namespace}}.Claims.All.Count;
                public static int Timeline() => {{SyntheticPack.Namespace}}.Pack.Indexes.Timeline.Count;
            }
            """;
        var compilation = CSharpCompilation.Create("Split", files.Select(f => CSharpSyntaxTree.ParseText(f.Text, GeneratorHarness.ParseOptions, f.HintName))
                .Append(CSharpSyntaxTree.ParseText(probe, GeneratorHarness.ParseOptions)),
            GeneratorHarness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));

        stream.Position = 0;
        var assembly = new AssemblyLoadContext("split", isCollectible: true).LoadFromStream(stream);
        var probeType = assembly.GetType("Probe")!;
        Assert.Equal(claim.Statement, probeType.GetMethod("Statement")!.Invoke(null, null));
        Assert.Equal(pack.Claims.Count, probeType.GetMethod("Count")!.Invoke(null, null));
        Assert.Equal(pack.Claims.Count(c => c.Date is not null), probeType.GetMethod("Timeline")!.Invoke(null, null));

        // Each class holds about a third of the claims; together, every one exactly once.
        var claims = assembly.GetType(SyntheticPack.Namespace + ".Claims")!;
        var chain = new List<Type>();
        for (var type = claims; type != typeof(object); type = type.BaseType!)
            chain.Add(type);
        Assert.Equal(Parts + 1, chain.Count);

        // The root of the chain is a class of no facts that declares All, and no other class declares it: the runtime
        // loads a class with its bases only, so Claims.All reaches the list without loading the classes of members.
        var root = chain[^1];
        Assert.Equal("__ClaimsAll", root.Name);
        var declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Assert.Equal(new[] { "All" }, root.GetProperties(declared).Select(p => p.Name));
        Assert.All(chain.Take(Parts), type => Assert.Null(type.GetProperty("All", declared)));
        Assert.Equal(root.Name, BoundAll(compilation).ContainingType.Name);
        // What an editor offers after "Claims.": the static members the compiler finds through Claims, from every class of
        // the chain, All among them.
        var offered = compilation.GetSemanticModel(compilation.SyntaxTrees.Last())
            .LookupStaticMembers(0, compilation.GetTypeByMetadataName(SyntheticPack.Namespace + ".Claims"))
            .OfType<IPropertySymbol>().Select(p => p.Name).ToHashSet();
        Assert.Contains("All", offered);
        Assert.All(pack.Claims, c => Assert.Contains(c.Entity.Member, offered));
        chain.RemoveAt(chain.Count - 1);

        var perClass = chain.Select(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType == typeof(global::KnowledgeGen.Claim)).Select(p => p.Name).ToList()).ToList();
        Assert.All(perClass, members => Assert.InRange(members.Count, pack.Claims.Count / Parts / 2, pack.Claims.Count));
        Assert.Equal(pack.Claims.Select(c => c.Entity.Member).OrderBy(m => m), perClass.SelectMany(m => m).OrderBy(m => m));
    }

    // What the probe's Claims.All binds to: the property a caller's compiled code calls.
    private static IPropertySymbol BoundAll(CSharpCompilation compilation)
    {
        var probe = compilation.SyntaxTrees.Last();
        var access = probe.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Single(m => m.Name.Identifier.Text == "All");
        return (IPropertySymbol)compilation.GetSemanticModel(probe).GetSymbolInfo(access).Symbol!;
    }

    [Fact]
    public void A_members_class_follows_from_its_name_alone()
    {
        Assert.Equal(0, KindParts.PartOf("Claim000001", 1));
        Assert.Equal(KindParts.PartOf("Claim000001", 3), KindParts.PartOf("Claim000001", 3));
        var counts = Enumerable.Range(0, 90000).GroupBy(i => KindParts.PartOf("Claim" + i.ToString("D6"), KindParts.For(0, 0, 0, 90000).Claims)).Select(g => g.Count()).ToList();
        Assert.Equal(3, counts.Count);
        Assert.All(counts, n => Assert.InRange(n, 25000, 40000));
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>A pack built against another version of the runtime model than the tool's.</summary>
public class PackVersionTests
{
    [Fact]
    public void A_pack_built_against_a_newer_runtime_model_says_which_versions_differ()
    {
        // A KnowledgeGen 99 whose packs use a member the tool's KnowledgeGen does not have.
        var newer = CSharpCompilation.Create("KnowledgeGen",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    [assembly: System.Reflection.AssemblyVersion("99.0.0.0")]
                    namespace KnowledgeGen
                    {
                        [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                        public sealed class KnowledgePackAttribute : System.Attribute
                        {
                            public KnowledgePackAttribute(System.Type packType, string name) { }
                        }
                        public abstract class KnowledgePack { }
                        public static class FutureFeature { public static KnowledgePack Create() => null!; }
                    }
                    """),
            },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var pack = CSharpCompilation.Create("FuturePack",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    [assembly: KnowledgeGen.KnowledgePack(typeof(Future.Pack), "Future")]
                    namespace Future
                    {
                        public static class Pack { public static KnowledgeGen.KnowledgePack Instance => KnowledgeGen.FutureFeature.Create(); }
                    }
                    """),
            },
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Append(newer.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = FixturePacks.EmitToFile(pack);

        var result = CliRunner.Run("--pack", path);

        Assert.Equal(PackAction.PackError, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith($"knowledgegen: The pack Future in '{path}' could not be created: ", result.Error);
        Assert.Contains($"'{path}' was built against KnowledgeGen 99.0.0.0 and this tool reads packs of KnowledgeGen {typeof(KnowledgePack).Assembly.GetName().Version}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}

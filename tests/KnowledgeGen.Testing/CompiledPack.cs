using System.Reflection;
using System.Runtime.Loader;
using Xunit.Sdk;

namespace KnowledgeGen.Testing;

/// <summary>Emits a generator run's output and loads the pack from it, in a collectible load context.</summary>
public static class CompiledPack
{
    public static global::KnowledgeGen.KnowledgePack Load(GeneratorRun run, string name = "pack")
    {
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        if (!emit.Success)
            throw new XunitException("The generated code does not compile:\n" + string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var attribute = assembly.GetCustomAttribute<global::KnowledgeGen.KnowledgePackAttribute>()
            ?? throw new XunitException("The generated assembly has no KnowledgePack attribute.");
        return global::KnowledgeGen.KnowledgePackAttribute.Load(attribute.PackType);
    }
}

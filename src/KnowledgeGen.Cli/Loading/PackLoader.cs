using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace KnowledgeGen.Cli.Loading;

/// <summary>
/// Finds a compiled fact pack through the <see cref="KnowledgePackAttribute"/> of its assembly: the built-in
/// Panjshir pack, or any pack assembly given by path. Every failure is a <see cref="PackLoadException"/>
/// with a message for the user.
/// </summary>
public static class PackLoader
{
    /// <summary>The assembly of the pack the tool ships with.</summary>
    public const string BuiltInAssemblyName = "Panjshir2021";

    // COR_E_LOADING_REFERENCE_ASSEMBLY: the runtime refuses an assembly built as metadata only.
    private const int LoadingReferenceAssembly = unchecked((int)0x80131058);

    /// <summary>The pack at <paramref name="path"/>, or the built-in pack when the path is null.</summary>
    public static KnowledgePack Load(string? path) => path is null ? LoadBuiltIn() : LoadFrom(path);

    /// <summary>The built-in Panjshir pack.</summary>
    public static KnowledgePack LoadBuiltIn()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(BuiltInAssemblyName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new PackLoadException($"The built-in pack assembly {BuiltInAssemblyName}.dll could not be loaded: {e.Message}", e);
        }
        return FromAssembly(assembly, $"the built-in assembly {BuiltInAssemblyName}.dll");
    }

    /// <summary>The pack compiled into the assembly at <paramref name="path"/>.</summary>
    public static KnowledgePack LoadFrom(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new PackLoadException("--pack needs the path of a pack assembly (.dll).");
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new PackLoadException($"'{path}' is not a valid path: {e.Message}", e);
        }
        if (Directory.Exists(fullPath))
            throw new PackLoadException($"'{path}' is a folder; give the path of the pack's .dll file.");
        var kind = InputFile.KindOf(fullPath);
        if (kind == InputFile.Kind.Missing)
            throw new PackLoadException($"No pack assembly at '{path}': the file does not exist.");
        // Loading a named pipe would wait for a writer that may never come.
        if (kind != InputFile.Kind.File)
            throw new PackLoadException($"'{path}' is {InputFile.Describe(kind)}, not a file; give the path of the pack's .dll file.");

        Assembly assembly;
        try
        {
            assembly = new PackLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException e) when (e.HResult == LoadingReferenceAssembly)
        {
            throw new PackLoadException($"'{path}' is a reference assembly (metadata only, as a build leaves in obj/.../ref), " +
                "so its pack cannot be read: give the pack's assembly from the build output (bin/...).", e);
        }
        catch (BadImageFormatException e)
        {
            throw new PackLoadException($"'{path}' is not a .NET assembly, so it cannot hold a fact pack.", e);
        }
        catch (Exception e) when (e is FileLoadException or IOException or UnauthorizedAccessException)
        {
            throw new PackLoadException($"'{path}' could not be loaded: {e.Message}", e);
        }
        return FromAssembly(assembly, $"'{path}'");
    }

    /// <summary>The pack named by the <see cref="KnowledgePackAttribute"/> of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly to read.</param>
    /// <param name="described">How messages name the assembly (<c>the built-in assembly ...</c>, <c>'path'</c>).</param>
    public static KnowledgePack FromAssembly(Assembly assembly, string described)
    {
        KnowledgePackAttribute[] attributes;
        try
        {
            attributes = assembly.GetCustomAttributes<KnowledgePackAttribute>().ToArray();
        }
        catch (Exception e)
        {
            throw new PackLoadException($"{Capitalized(described)} could not be read: {e.GetBaseException().Message}", e);
        }

        if (attributes.Length == 0)
            throw new PackLoadException($"{Capitalized(described)} holds no fact pack: it has no [assembly: KnowledgePack] attribute " +
                "(a pack assembly gets one when its project compiles at least one *.kg.yaml file).");
        if (attributes.Length > 1)
            throw new PackLoadException($"{Capitalized(described)} holds {attributes.Length} fact packs " +
                $"({string.Join(", ", attributes.Select(a => a.Name))}); the tool reads one pack per assembly.");

        try
        {
            return KnowledgePackAttribute.Load(attributes[0].PackType);
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new PackLoadException($"The pack {attributes[0].Name} in {described} could not be created: {cause.Message}" +
                VersionNote(assembly, described), e);
        }
    }

    // A pack built against another version of the runtime model is read with the tool's (PackLoadContext shares it), so a
    // member that one version has and the other lacks fails as the pack is created, with a message that names the member
    // but not the cause.
    private static string VersionNote(Assembly assembly, string described)
    {
        var runtime = typeof(KnowledgePack).Assembly.GetName();
        var builtAgainst = assembly.GetReferencedAssemblies()
            .FirstOrDefault(r => string.Equals(r.Name, runtime.Name, StringComparison.OrdinalIgnoreCase))?.Version;
        return builtAgainst is null || builtAgainst == runtime.Version ? ""
            : $" {Capitalized(described)} was built against KnowledgeGen {builtAgainst} and this tool reads packs of KnowledgeGen " +
              $"{runtime.Version}: rebuild the pack against KnowledgeGen {runtime.Version}, or read it with the knowledgegen of its version.";
    }

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace KnowledgeGen.Cli.Loading;

/// <summary>
/// Loads a pack assembly from a path, isolated from the tool's own assemblies except the runtime model:
/// <c>KnowledgeGen</c> always resolves to the tool's copy, so the pack's <see cref="KnowledgePack"/> is the
/// tool's <see cref="KnowledgePack"/>. Other dependencies resolve beside the pack (or through its deps.json).
/// </summary>
internal sealed class PackLoadContext : AssemblyLoadContext
{
    private static readonly Assembly RuntimeModel = typeof(KnowledgePack).Assembly;

    private readonly string _folder;
    private readonly AssemblyDependencyResolver? _resolver;

    public PackLoadContext(string packPath) : base("pack " + Path.GetFileName(packPath))
    {
        _folder = Path.GetDirectoryName(packPath) ?? ".";
        try
        {
            _resolver = new AssemblyDependencyResolver(packPath);
        }
        catch (InvalidOperationException)
        {
            _resolver = null; // no usable deps.json: probe the pack's folder instead.
        }
    }

    protected override Assembly? Load(AssemblyName name)
    {
        if (string.Equals(name.Name, RuntimeModel.GetName().Name, StringComparison.OrdinalIgnoreCase))
            return RuntimeModel;
        var path = _resolver?.ResolveAssemblyToPath(name);
        if (path is null && name.Name is not null)
        {
            var beside = Path.Combine(_folder, name.Name + ".dll");
            path = File.Exists(beside) ? beside : null;
        }
        // Null falls back to the default context: the framework and the tool's own dependencies.
        return path is null ? null : LoadFromAssemblyPath(path);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using KnowledgeGen.Generator.Linking;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Cli.Validate;

/// <summary>
/// The entities of the fact packs given to <c>validate --reference</c>, as a build finds them in the packs its project
/// references (the generator's <see cref="ReferencedPacks"/>): the assembly's <c>[assembly: KnowledgePack]</c> names the
/// pack's class, and the public static properties marked <c>[KnowledgeId("id", Name = "name")]</c> of the public classes
/// <c>Sources</c>, <c>Actors</c> and <c>Places</c> of its namespace (and of their base classes in the assembly) are its
/// entities. The generator reads them through Roslyn, which the tool does not ship, so they are read here from the
/// assembly's metadata (System.Reflection.Metadata), without loading the assembly or running any of its code; a reference
/// assembly (obj/.../ref) does as well as the build output. A path that is no pack assembly is an
/// <see cref="IOException"/> whose message names it.
/// </summary>
public static class PackReferences
{
    private const string RuntimeNamespace = "KnowledgeGen";
    private const string PackAttribute = "KnowledgePackAttribute";
    private const string IdAttribute = "KnowledgeIdAttribute";

    private static readonly EntityClass[] Linkable = { EntityClass.Sources, EntityClass.Actors, EntityClass.Places };

    /// <summary>The entities of every pack at <paramref name="paths"/>, in the order the generator keeps them.</summary>
    /// <exception cref="IOException">A path is not a file, cannot be read, or is not an assembly that holds a fact pack.</exception>
    public static ReferencedPacksModel Read(IEnumerable<string> paths)
    {
        var entities = paths.SelectMany(ReadOne).Distinct().ToList(); // a pack given twice counts once
        // As ReferencedPacks.Read orders them: when two packs share an id, the pack whose name sorts first answers it.
        return new ReferencedPacksModel(entities
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Pack, StringComparer.Ordinal)
            .ThenBy(e => e.Member, StringComparer.Ordinal)
            .ToEquatableArray());
    }

    /// <summary>The entities of the one pack at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The path is not a file, cannot be read, or is not an assembly that holds a fact pack.</exception>
    public static IReadOnlyList<ExternalEntity> ReadOne(string path)
    {
        var kind = InputFile.KindOf(path);
        if (kind == InputFile.Kind.Missing && new FileInfo(path).LinkTarget is { } target)
            throw new FileNotFoundException($"'{path}' given to --reference is a link to '{target}', which does not exist.", path);
        if (kind == InputFile.Kind.Missing)
            throw new FileNotFoundException($"the pack assembly '{path}' given to --reference does not exist.", path);
        if (kind == InputFile.Kind.Folder)
            throw new IOException($"'{path}' given to --reference is a folder; give the path of the pack's .dll file.");
        if (kind != InputFile.Kind.File)
            throw new IOException($"'{path}' given to --reference is {InputFile.Describe(kind)}, not a file; give the path of the pack's .dll file.");

        using var bytes = InputFile.ReadBytes(path);
        try
        {
            using var pe = new PEReader(ImmutableArray.Create(bytes.ToArray()));
            if (!pe.HasMetadata)
                throw NotAnAssembly(path);
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
                throw NotAnAssembly(path);
            return Entities(metadata, path);
        }
        catch (BadImageFormatException)
        {
            throw NotAnAssembly(path);
        }
    }

    private static IOException NotAnAssembly(string path) =>
        new($"'{path}' given to --reference is not a .NET assembly, so it cannot hold a fact pack.");

    private static List<ExternalEntity> Entities(MetadataReader metadata, string path)
    {
        var assembly = metadata.GetAssemblyDefinition();
        var entities = new List<ExternalEntity>();
        var packs = 0;
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsRuntimeType(metadata, attribute, PackAttribute))
                continue;
            var value = attribute.DecodeValue(TypeNames.Instance);
            if (value.FixedArguments.Length != 2 || value.FixedArguments[0].Value is not string packType)
                continue;
            packs++;
            var packName = value.FixedArguments[1].Value as string ?? metadata.GetString(assembly.Name);
            var packNamespace = NamespaceOf(packType);
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                if (!type.GetDeclaringType().IsNil || metadata.GetString(type.Namespace) != packNamespace
                    || (type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
                    continue;
                var name = metadata.GetString(type.Name);
                foreach (var @class in Linkable)
                    if (name == @class.ToString())
                        Collect(metadata, type, @class, packName, packNamespace, entities);
            }
        }
        if (packs == 0)
            throw new IOException($"'{path}' given to --reference holds no fact pack: it has no [assembly: KnowledgePack] attribute " +
                "(a pack assembly gets one when its project compiles at least one *.kg.yaml file).");
        return entities;
    }

    // A kind too large for one class keeps members in base classes too, in the same assembly, still reached through the
    // kind's class. (A base class in another assembly, which a generated pack never has, is not read.)
    private static void Collect(MetadataReader metadata, TypeDefinition type, EntityClass @class, string pack, string ns, List<ExternalEntity> entities)
    {
        var typeName = "global::" + (ns.Length == 0 ? "" : ns + ".") + metadata.GetString(type.Name);
        var seen = new HashSet<TypeDefinitionHandle>();
        for (var declaring = type; ;)
        {
            CollectDeclared(metadata, declaring, typeName, @class, pack, ns, entities);
            if (declaring.BaseType.Kind != HandleKind.TypeDefinition || !seen.Add((TypeDefinitionHandle)declaring.BaseType))
                break;
            declaring = metadata.GetTypeDefinition((TypeDefinitionHandle)declaring.BaseType);
        }
    }

    private static void CollectDeclared(MetadataReader metadata, TypeDefinition type, string typeName, EntityClass @class, string pack, string ns,
        List<ExternalEntity> entities)
    {
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = metadata.GetPropertyDefinition(propertyHandle);
            if (!IsPublicStatic(metadata, property))
                continue;
            foreach (var attributeHandle in property.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(attributeHandle);
                if (!IsRuntimeType(metadata, attribute, IdAttribute))
                    continue;
                var value = attribute.DecodeValue(TypeNames.Instance);
                if (value.FixedArguments.Length == 1 && value.FixedArguments[0].Value is string id && Naming.IsValidId(id))
                    entities.Add(new ExternalEntity(id, @class, typeName + "." + metadata.GetString(property.Name), pack, ns, NameOf(value)));
            }
        }
    }

    // A property is as accessible as its most accessible accessor, and static when they are.
    private static bool IsPublicStatic(MetadataReader metadata, PropertyDefinition property)
    {
        var accessors = property.GetAccessors();
        var methods = new[] { accessors.Getter, accessors.Setter }.Where(m => !m.IsNil).Select(metadata.GetMethodDefinition).ToList();
        return methods.Count > 0
            && methods.All(m => (m.Attributes & MethodAttributes.Static) != 0)
            && methods.Any(m => (m.Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public);
    }

    // The entity's name, a named argument the generator writes since packs carry names; null in a pack built before (or an
    // empty name), as ReferencedPacks reads it.
    private static string? NameOf(CustomAttributeValue<string> value)
    {
        foreach (var argument in value.NamedArguments)
            if (argument.Name == "Name")
                return argument.Value is string { Length: > 0 } name ? name : null;
        return null;
    }

    // The attribute's class is KnowledgeGen.<name>, as ReferencedPacks compares it: by namespace and name.
    private static bool IsRuntimeType(MetadataReader metadata, CustomAttribute attribute, string name)
    {
        EntityHandle type;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                type = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                break;
            case HandleKind.MethodDefinition:
                type = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                break;
            default:
                return false;
        }
        return type.Kind switch
        {
            HandleKind.TypeReference => metadata.GetTypeReference((TypeReferenceHandle)type) is var reference
                && metadata.GetString(reference.Namespace) == RuntimeNamespace && metadata.GetString(reference.Name) == name,
            HandleKind.TypeDefinition => metadata.GetTypeDefinition((TypeDefinitionHandle)type) is var definition
                && metadata.GetString(definition.Namespace) == RuntimeNamespace && metadata.GetString(definition.Name) == name,
            _ => false,
        };
    }

    // The namespace of a type as an attribute's typeof argument names it: "Starter.Facts.Pack", or "Outer.Pack+Nested", or
    // either followed by ", Assembly, Version=…" for a type of another assembly.
    private static string NamespaceOf(string serializedTypeName)
    {
        var name = serializedTypeName;
        var comma = name.IndexOf(',');
        if (comma >= 0)
            name = name.Substring(0, comma);
        var plus = name.IndexOf('+');
        if (plus >= 0)
            name = name.Substring(0, plus);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name.Substring(0, dot).Trim();
    }

    // Types in attribute arguments as the names metadata writes them; only strings and a typeof are read here.
    private sealed class TypeNames : ICustomAttributeTypeProvider<string>
    {
        public static readonly TypeNames Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        // The full name, which IsSystemType compares: a parameter of type System.Type holds a typeof.
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            FullName(reader, reader.GetTypeDefinition(handle).Namespace, reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            FullName(reader, reader.GetTypeReference(handle).Namespace, reader.GetTypeReference(handle).Name);

        private static string FullName(MetadataReader reader, StringHandle ns, StringHandle name) =>
            ns.IsNil ? reader.GetString(name) : reader.GetString(ns) + "." + reader.GetString(name);

        public string GetTypeFromSerializedName(string name) => name;

        // An enum argument (none of the runtime's attributes has one) is read as the int most enums are.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
